"""Greenhouse web hooks: every mapped action, signed as Greenhouse signs, through HTTP."""

from typing import Any

import httpx
from conftest import Tenant

from tests.integrations.ats import (
    application,
    connect,
    greenhouse_body,
    greenhouse_headers,
    hex_hmac,
    inbound_events,
    post_inbound,
    to_greenhouse,
)
from tests.story import assert_problem, events, ok
from tests.webhooks.helpers import deliveries, endpoint
from tests.webhooks.receiver import receiving


async def by_ref(client: httpx.AsyncClient, collection: str, external_id: str) -> dict[str, Any]:
    found = await ok(
        await client.get(
            collection, params={"external_system": "greenhouse", "external_id": external_id}
        )
    )
    assert len(found["data"]) == 1, found
    return found["data"][0]  # type: ignore[no-any-return]


async def option_of(client: httpx.AsyncClient, requisition_id: str, application_id: str) -> Any:
    options = await ok(await client.get(f"/v1/requisitions/{requisition_id}/options"))
    matching = [
        o
        for o in options["data"]
        if {"system": "greenhouse", "external_id": application_id} in o["external_refs"]
    ]
    assert len(matching) == 1, options
    return matching[0]


async def applied(response: httpx.Response, outcome: str = "applied") -> dict[str, Any]:
    delivery = await ok(response)
    assert delivery["outcome"] == outcome, delivery
    return delivery


async def test_a_new_application_creates_requisition_candidate_and_option(
    tenant: Tenant, client: httpx.AsyncClient
) -> None:
    greenhouse = await connect(client, "greenhouse")
    delivery = await applied(
        await to_greenhouse(
            tenant.app,
            greenhouse,
            "new_candidate_application",
            application(stage="Application Review"),
            event_id="evt-1",
        )
    )
    assert delivery["event_id"] == "evt-1"
    assert delivery["action"] == "new_candidate_application"

    requisition = await by_ref(client, "/v1/requisitions", "371417")
    assert requisition["title"] == "Designer"
    candidate = await by_ref(client, "/v1/candidates", "265788")
    assert candidate["name"] == "Hector Porter"
    assert candidate["email"] == "hector.porter@example.com"
    assert candidate["phone"] == "330-281-8004"
    assert candidate["headline"] == "Product designer"
    option = await option_of(client, requisition["id"], "265293")
    assert option["candidate_id"] == candidate["id"]
    assert option["status"] == "considering"
    assert option["fit_summary"] == "Greenhouse stage: Application Review"

    feed = await events(client)
    made = [
        e
        for e in feed
        if e["type"] in {"requisition.created", "candidate.created", "option.created"}
    ]
    assert len(made) == 3
    for event in made:
        assert event["actor"] == {"api_key_id": None, "on_behalf_of": "greenhouse"}, event
    listed = await inbound_events(client, greenhouse)
    assert [(e["event_id"], e["outcome"]) for e in listed] == [("evt-1", "applied")]


async def test_a_stage_change_updates_the_same_option_and_keeps_the_managers_requisition(
    tenant: Tenant, client: httpx.AsyncClient
) -> None:
    greenhouse = await connect(client, "greenhouse")
    await applied(
        await to_greenhouse(tenant.app, greenhouse, "new_candidate_application", application())
    )
    requisition = await by_ref(client, "/v1/requisitions", "371417")
    renamed = await client.patch(
        f"/v1/requisitions/{requisition['id']}", json={"title": "Senior product designer"}
    )
    assert renamed.status_code == 200, renamed.text

    await applied(
        await to_greenhouse(
            tenant.app,
            greenhouse,
            "candidate_stage_change",
            application(stage="Onsite interview", title="Lead designer"),
        )
    )
    requisition = await by_ref(client, "/v1/requisitions", "371417")
    assert requisition["title"] == "Senior product designer"
    option = await option_of(client, requisition["id"], "265293")
    assert option["fit_summary"] == "Greenhouse stage: Onsite interview"
    assert (await by_ref(client, "/v1/candidates", "265788"))["headline"] == "Lead designer"
    assert len((await ok(await client.get("/v1/candidates")))["data"]) == 1


async def test_update_candidate_changes_the_candidate_and_ignores_strangers(
    tenant: Tenant, client: httpx.AsyncClient
) -> None:
    greenhouse = await connect(client, "greenhouse")
    await applied(
        await to_greenhouse(tenant.app, greenhouse, "new_candidate_application", application())
    )
    candidate = application(first_name="Héctor", email="hp@example.org")["application"]["candidate"]
    await applied(
        await to_greenhouse(tenant.app, greenhouse, "update_candidate", {"candidate": candidate})
    )
    updated = await by_ref(client, "/v1/candidates", "265788")
    assert (updated["name"], updated["email"]) == ("Héctor Porter", "hp@example.org")

    stranger = {**candidate, "id": 999}
    delivery = await applied(
        await to_greenhouse(tenant.app, greenhouse, "update_candidate", {"candidate": stranger}),
        "ignored",
    )
    assert "999" in delivery["detail"]
    assert len((await ok(await client.get("/v1/candidates")))["data"]) == 1


async def test_reject_declines_with_the_reason_and_keeps_the_respect_findings(
    tenant: Tenant, client: httpx.AsyncClient
) -> None:
    greenhouse = await connect(client, "greenhouse")
    # A curt reason the respect check would refuse from a manager: it already happened in
    # Greenhouse, so it is recorded, and the findings are kept for the manager to see.
    delivery = await applied(
        await to_greenhouse(
            tenant.app, greenhouse, "reject_candidate", application(rejection_reason="Not a fit")
        )
    )
    requisition = await by_ref(client, "/v1/requisitions", "371417")
    option = await option_of(client, requisition["id"], "265293")
    assert option["status"] == "declined"
    assert option["status_reason"] == "Not a fit"
    assert option["id"] in delivery["detail"]

    declined = [e for e in await events(client) if e["type"] == "option.declined"]
    assert len(declined) == 1
    assert declined[0]["actor"]["on_behalf_of"] == "greenhouse"
    findings = declined[0]["data"]["respect_findings"]
    assert any(f["code"] == "empty_or_curt" and f["severity"] == "error" for f in findings)
    notes = await ok(await client.get(f"/v1/options/{option['id']}/notes"))
    assert [(n["kind"], n["message"]) for n in notes["data"]] == [("rejection", "Not a fit")]


async def test_unreject_reactivates_the_option(tenant: Tenant, client: httpx.AsyncClient) -> None:
    greenhouse = await connect(client, "greenhouse")
    rejected = application(rejection_reason="Too junior")
    await applied(await to_greenhouse(tenant.app, greenhouse, "reject_candidate", rejected))
    await applied(await to_greenhouse(tenant.app, greenhouse, "unreject_candidate", application()))
    requisition = await by_ref(client, "/v1/requisitions", "371417")
    option = await option_of(client, requisition["id"], "265293")
    assert option["status"] == "considering"
    types = [e["type"] for e in await events(client, type="option.reactivated")]
    assert types == ["option.reactivated"]


async def test_hire_selects_then_hires_with_the_offer_start_date_and_unhire_releases(
    tenant: Tenant, client: httpx.AsyncClient
) -> None:
    greenhouse = await connect(client, "greenhouse")
    await applied(
        await to_greenhouse(tenant.app, greenhouse, "new_candidate_application", application())
    )
    await applied(
        await to_greenhouse(
            tenant.app, greenhouse, "hire_candidate", application(offer_starts_at="2027-01-11")
        )
    )
    requisition = await by_ref(client, "/v1/requisitions", "371417")
    option = await option_of(client, requisition["id"], "265293")
    assert (option["status"], option["start_date"]) == ("hired", "2027-01-11")
    assert requisition["status"] == "filled"
    moves = [e["type"] for e in await events(client) if e["subject"]["id"] == option["id"]]
    assert moves[-2:] == ["option.selected", "option.hired"]

    await applied(await to_greenhouse(tenant.app, greenhouse, "unhire_candidate", application()))
    option = await option_of(client, requisition["id"], "265293")
    assert option["status"] == "released"
    assert (await by_ref(client, "/v1/requisitions", "371417"))["status"] == "open"


async def test_delete_and_anonymize_erase_the_candidate(
    tenant: Tenant, client: httpx.AsyncClient
) -> None:
    greenhouse = await connect(client, "greenhouse")
    await applied(
        await to_greenhouse(tenant.app, greenhouse, "new_candidate_application", application())
    )
    other = application(80001, candidate_id=80002, first_name="Ana", last_name="Silva")
    await applied(await to_greenhouse(tenant.app, greenhouse, "new_candidate_application", other))

    deleted = {"person": {"id": 265788, "first_name": "Hector", "deleted_application_ids": []}}
    await applied(await to_greenhouse(tenant.app, greenhouse, "delete_candidate", deleted))
    anonymized = {"candidate_id": 80002, "anonymized_fields": ["full_name"]}
    await applied(await to_greenhouse(tenant.app, greenhouse, "candidate_anonymized", anonymized))

    for greenhouse_id in ("265788", "80002"):
        candidate = await by_ref(client, "/v1/candidates", greenhouse_id)
        assert candidate["erased_at"] is not None
        assert (candidate["name"], candidate["email"]) == (None, None)
    erased = await events(client, type="candidate.erased")
    assert [e["actor"]["on_behalf_of"] for e in erased] == ["greenhouse", "greenhouse"]

    unknown = {"candidate_id": 5, "anonymized_fields": ["full_name"]}
    await applied(
        await to_greenhouse(tenant.app, greenhouse, "candidate_anonymized", unknown), "ignored"
    )


async def test_ping_and_unmapped_actions_are_ignored_with_200(
    tenant: Tenant, client: httpx.AsyncClient
) -> None:
    greenhouse = await connect(client, "greenhouse")
    before = await events(client)
    ping = await applied(
        await to_greenhouse(tenant.app, greenhouse, "ping", {"web_hook_id": 1}), "ignored"
    )
    assert ping["action"] == "ping"
    offer = {"offer": {"id": 1, "application_id": 265293}}
    unmapped = await applied(
        await to_greenhouse(tenant.app, greenhouse, "offer_created", offer), "ignored"
    )
    assert "offer_created" in unmapped["detail"]
    assert await events(client) == before


async def test_a_move_the_rules_refuse_is_a_conflict_that_changes_nothing(
    tenant: Tenant, client: httpx.AsyncClient
) -> None:
    greenhouse = await connect(client, "greenhouse")
    first = application(1, candidate_id=11, first_name="Ana", offer_starts_at="2027-01-11")
    await applied(await to_greenhouse(tenant.app, greenhouse, "hire_candidate", first))
    second = application(2, candidate_id=22, first_name="Juan", last_name="Pérez")
    await applied(await to_greenhouse(tenant.app, greenhouse, "new_candidate_application", second))
    before = [e["id"] for e in await events(client)]

    # The job's headcount (1) is taken, so hiring a second person is refused; the candidate
    # details in the same delivery are not applied either.
    hire_second = application(
        2, candidate_id=22, first_name="Juan", last_name="Changed", stage="Offer"
    )
    delivery = await applied(
        await to_greenhouse(tenant.app, greenhouse, "hire_candidate", hire_second), "conflict"
    )
    assert "headcount" in delivery["detail"]
    requisition = await by_ref(client, "/v1/requisitions", "371417")
    option = await option_of(client, requisition["id"], "2")
    assert option["status"] == "considering"
    assert option["fit_summary"] == "Greenhouse stage: Application Review"
    assert (await by_ref(client, "/v1/candidates", "22"))["name"] == "Juan Pérez"
    assert [e["id"] for e in await events(client)] == before
    outcomes = [e["outcome"] for e in await inbound_events(client, greenhouse)]
    assert outcomes == ["applied", "applied", "conflict"]


async def test_a_refused_move_owes_webhooks_only_for_the_events_that_stand(
    tenant: Tenant, client: httpx.AsyncClient
) -> None:
    # The refused hire below first renames the candidate, inside the move's savepoint: that
    # change and its event are undone, and no endpoint may be sent an event that never was.
    with receiving() as receiver:
        hook = await endpoint(client, receiver.url)
    greenhouse = await connect(client, "greenhouse")
    first = application(1, candidate_id=11, first_name="Ana", offer_starts_at="2027-01-11")
    await applied(await to_greenhouse(tenant.app, greenhouse, "hire_candidate", first))
    second = application(2, candidate_id=22, first_name="Juan", last_name="Pérez")
    await applied(await to_greenhouse(tenant.app, greenhouse, "new_candidate_application", second))
    renamed = application(2, candidate_id=22, first_name="Juan", last_name="Changed")
    await applied(
        await to_greenhouse(tenant.app, greenhouse, "hire_candidate", renamed), "conflict"
    )
    # A later change in the same organization is delivered as usual.
    await applied(
        await to_greenhouse(
            tenant.app, greenhouse, "candidate_stage_change", application(2, stage="Onsite")
        )
    )

    feed = await events(client)
    assert "Changed" not in str(feed)
    created = [e["type"] for e in feed].index("webhook_endpoint.created")
    since = [e["id"] for e in feed[created + 1 :]]
    owed = [d["event_id"] for d in await deliveries(client, hook["id"])]
    assert len(since) >= 5
    assert sorted(owed) == sorted(since)


async def test_a_repeated_event_id_has_no_second_effect(
    tenant: Tenant, client: httpx.AsyncClient
) -> None:
    greenhouse = await connect(client, "greenhouse")
    await applied(
        await to_greenhouse(tenant.app, greenhouse, "new_candidate_application", application())
    )
    moved = application(stage="Onsite")
    await applied(
        await to_greenhouse(tenant.app, greenhouse, "candidate_stage_change", moved, "evt-7")
    )
    requisition = await by_ref(client, "/v1/requisitions", "371417")
    option = await option_of(client, requisition["id"], "265293")
    patched = await client.patch(
        f"/v1/options/{option['id']}", json={"fit_summary": "Strong portfolio"}
    )
    assert patched.status_code == 200, patched.text
    before = [e["id"] for e in await events(client)]

    again = await applied(
        await to_greenhouse(tenant.app, greenhouse, "candidate_stage_change", moved, "evt-7"),
        "duplicate",
    )
    assert again["event_id"] == "evt-7"
    option = await option_of(client, requisition["id"], "265293")
    assert option["fit_summary"] == "Strong portfolio"
    assert [e["id"] for e in await events(client)] == before
    outcomes = [(e["event_id"], e["outcome"]) for e in await inbound_events(client, greenhouse)]
    assert outcomes[1:] == [("evt-7", "applied"), ("evt-7", "duplicate")]


async def test_unicode_is_signed_as_greenhouse_escapes_it(
    tenant: Tenant, client: httpx.AsyncClient
) -> None:
    greenhouse = await connect(client, "greenhouse")
    payload = application(first_name="José", last_name="Álvarez Müller")
    body = greenhouse_body("new_candidate_application", payload)
    assert b"Jos\\u00e9" in body and "é".encode() not in body
    # Signed over the unescaped text instead of the bytes sent: refused.
    unescaped = body.decode("unicode_escape").encode()
    wrong = {**greenhouse_headers(greenhouse["secret"], body)}
    wrong["Signature"] = f"sha256 {hex_hmac(greenhouse['secret'], unescaped)}"
    refused = await post_inbound(tenant.app, greenhouse["inbound_url"], body, wrong)
    assert_problem(refused, 401, "invalid_signature")

    headers = greenhouse_headers(greenhouse["secret"], body)
    await applied(await post_inbound(tenant.app, greenhouse["inbound_url"], body, headers))
    candidate = await by_ref(client, "/v1/candidates", "265788")
    assert candidate["name"] == "José Álvarez Müller"


async def test_erasure_clears_the_findings_that_quote_an_imported_rejection(
    tenant: Tenant, client: httpx.AsyncClient
) -> None:
    greenhouse = await connect(client, "greenhouse")
    rejected = application(rejection_reason="You seemed clueless")
    delivery = await applied(
        await to_greenhouse(tenant.app, greenhouse, "reject_candidate", rejected)
    )
    assert "clueless" not in delivery["detail"]
    [declined] = await events(client, type="option.declined")
    assert "clueless" in str(declined["data"]["respect_findings"])

    deleted = {"person": {"id": 265788}}
    await applied(await to_greenhouse(tenant.app, greenhouse, "delete_candidate", deleted))
    [declined] = await events(client, type="option.declined")
    assert declined["data"]["respect_findings"] == []
    assert declined["data"]["reason"] is None
    assert "clueless" not in str(await inbound_events(client, greenhouse))


async def test_a_prospect_application_for_no_job_is_ignored(
    tenant: Tenant, client: httpx.AsyncClient
) -> None:
    greenhouse = await connect(client, "greenhouse")
    prospect = application(4242)
    prospect["application"] |= {"prospect": True, "jobs": []}
    delivery = await applied(
        await to_greenhouse(tenant.app, greenhouse, "new_candidate_application", prospect),
        "ignored",
    )
    assert "4242" in delivery["detail"]
    assert (await ok(await client.get("/v1/candidates")))["data"] == []
