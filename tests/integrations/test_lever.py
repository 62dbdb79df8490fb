"""Lever webhooks: every mapped event, signed as Lever signs, through HTTP. Lever's events
name an opportunity; the option carrying the ref `lever`/opportunity id is the one changed."""

from typing import Any

import httpx
from conftest import Tenant

from tests.integrations.ats import connect, inbound_events, lever_body, post_inbound, to_lever
from tests.story import act, assert_problem, events, note_for, ok, option, requisition

TOKEN = "lever-signature-token-0123456789"
OPPORTUNITY = "250d8f03-738a-4bba-a671-8a3d73477145"


async def lever_option(client: httpx.AsyncClient, **fields: Any) -> dict[str, Any]:
    role = await requisition(client, **fields)
    ref = [{"system": "lever", "external_id": OPPORTUNITY}]
    return await option(client, role["id"], "Ana Silva", external_refs=ref)


async def delivered(response: httpx.Response, outcome: str = "applied") -> dict[str, Any]:
    delivery = await ok(response)
    assert delivery["outcome"] == outcome, delivery
    return delivery


async def reread(client: httpx.AsyncClient, option_id: str) -> dict[str, Any]:
    return await ok(await client.get(f"/v1/options/{option_id}"))


async def test_a_stage_change_is_kept_on_the_option(
    tenant: Tenant, client: httpx.AsyncClient
) -> None:
    lever = await connect(client, "lever", secret=TOKEN)
    ana = await lever_option(client)
    data = {"opportunityId": OPPORTUNITY, "fromStageId": "lead-new", "toStageId": "phone-screen"}
    await delivered(await to_lever(tenant.app, lever, "candidateStageChange", data))
    assert (await reread(client, ana["id"]))["fit_summary"] == "Lever stage: phone-screen"
    updated = await events(client, type="option.updated")
    assert [e["actor"]["on_behalf_of"] for e in updated] == ["lever"]


async def test_archiving_declines_with_the_reason_and_unarchiving_reactivates(
    tenant: Tenant, client: httpx.AsyncClient
) -> None:
    lever = await connect(client, "lever", secret=TOKEN)
    ana = await lever_option(client)
    archived = {
        "opportunityId": OPPORTUNITY,
        "toArchived": {"archivedAt": 1796112000000, "reason": "63dd55b2-a99f-4e7b-985f"},
        "fromArchived": None,
    }
    await delivered(await to_lever(tenant.app, lever, "candidateArchiveChange", archived))
    declined = await reread(client, ana["id"])
    assert (declined["status"], declined["status_reason"]) == (
        "declined",
        "63dd55b2-a99f-4e7b-985f",
    )
    [event] = await events(client, type="option.declined")
    assert event["actor"]["on_behalf_of"] == "lever"
    assert isinstance(event["data"]["respect_findings"], list)

    unarchived = {**archived, "toArchived": None, "fromArchived": archived["toArchived"]}
    await delivered(await to_lever(tenant.app, lever, "candidateArchiveChange", unarchived))
    assert (await reread(client, ana["id"]))["status"] == "considering"


async def test_hired_selects_and_hires_dated_by_the_trigger(
    tenant: Tenant, client: httpx.AsyncClient
) -> None:
    lever = await connect(client, "lever", secret=TOKEN)
    ana = await lever_option(client)
    data = {"opportunityId": OPPORTUNITY, "candidateId": "c-1"}
    # 1_796_112_000_000 ms is 2026-12-01T08:00:00Z.
    await delivered(
        await to_lever(tenant.app, lever, "candidateHired", data, triggered_at=1_796_112_000_000)
    )
    hired = await reread(client, ana["id"])
    assert (hired["status"], hired["start_date"]) == ("hired", "2026-12-01")


async def test_deleted_erases_the_candidate(tenant: Tenant, client: httpx.AsyncClient) -> None:
    lever = await connect(client, "lever", secret=TOKEN)
    ana = await lever_option(client)
    data = {"opportunityId": OPPORTUNITY, "deletedBy": "user-1"}
    await delivered(await to_lever(tenant.app, lever, "candidateDeleted", data))
    candidate = await ok(await client.get(f"/v1/candidates/{ana['candidate_id']}"))
    assert candidate["erased_at"] is not None and candidate["name"] is None


async def test_an_unknown_opportunity_or_event_is_ignored(
    tenant: Tenant, client: httpx.AsyncClient
) -> None:
    lever = await connect(client, "lever", secret=TOKEN)
    await lever_option(client)
    before = await events(client)
    unknown = await delivered(
        await to_lever(tenant.app, lever, "candidateHired", {"opportunityId": "opp-unknown"}),
        "ignored",
    )
    assert "opp-unknown" in unknown["detail"]
    other = await delivered(
        await to_lever(tenant.app, lever, "applicationCreated", {"opportunityId": OPPORTUNITY}),
        "ignored",
    )
    assert "applicationCreated" in other["detail"]
    assert await events(client) == before


async def test_a_refused_move_is_a_conflict(tenant: Tenant, client: httpx.AsyncClient) -> None:
    lever = await connect(client, "lever", secret=TOKEN)
    ana = await lever_option(client)
    await act(client, ana["id"], "decline", note=note_for("Ana"))
    before = await events(client)
    data = {"opportunityId": OPPORTUNITY}
    delivery = await delivered(
        await to_lever(tenant.app, lever, "candidateHired", data), "conflict"
    )
    assert "declined" in delivery["detail"]
    assert (await reread(client, ana["id"]))["status"] == "declined"
    assert await events(client) == before


async def test_a_repeated_token_is_a_duplicate(tenant: Tenant, client: httpx.AsyncClient) -> None:
    lever = await connect(client, "lever", secret=TOKEN)
    ana = await lever_option(client)
    body = lever_body(
        TOKEN,
        "candidateStageChange",
        {"opportunityId": OPPORTUNITY, "toStageId": "onsite"},
        token="tok-42",
    )
    await delivered(await post_inbound(tenant.app, lever["inbound_url"], body))
    await client.patch(f"/v1/options/{ana['id']}", json={"fit_summary": "Great onsite"})
    await delivered(await post_inbound(tenant.app, lever["inbound_url"], body), "duplicate")
    assert (await reread(client, ana["id"]))["fit_summary"] == "Great onsite"
    outcomes = [(e["event_id"], e["outcome"]) for e in await inbound_events(client, lever)]
    assert outcomes == [("tok-42", "applied"), ("tok-42", "duplicate")]


async def test_a_signed_but_malformed_delivery_is_422_and_rejected(
    tenant: Tenant, client: httpx.AsyncClient
) -> None:
    lever = await connect(client, "lever", secret=TOKEN)
    await lever_option(client)
    body = lever_body(TOKEN, "candidateHired", {"candidateId": "no opportunity"}, token="tok-9")
    response = await post_inbound(tenant.app, lever["inbound_url"], body)
    assert_problem(response, 422, "invalid_payload")
    # Signed, but at a time no date can hold.
    far = lever_body(TOKEN, "candidateHired", {"opportunityId": OPPORTUNITY}, triggered_at=10**17)
    assert_problem(
        await post_inbound(tenant.app, lever["inbound_url"], far), 422, "invalid_payload"
    )
    listed = await inbound_events(client, lever)
    assert [e["outcome"] for e in listed] == ["rejected", "rejected"]
    assert listed[0]["event_id"] == "tok-9"
    assert "opportunityId" in listed[0]["detail"]
    assert "triggeredAt" in listed[1]["detail"]
