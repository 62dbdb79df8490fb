"""Check-ins on a first choice and the at-risk rule (contract §3, §5)."""

import pytest

from app.checkins.service import is_at_risk
from tests.options.test_actions import PATHS, option_in
from tests.story import act, ok, option, requisition


async def check_in(client, option_id: str, status: int = 201, **fields) -> dict:
    body = {"verdict": "meets", "rating": 3, **fields}
    return await ok(await client.post(f"/v1/options/{option_id}/check-ins", json=body), status)


async def events_of(client, event_type: str) -> list[dict]:
    events = await ok(await client.get("/v1/events", params={"type": event_type, "limit": 200}))
    return events["data"]


async def selected_option(client) -> dict:
    req = await requisition(client)
    opt = await option(client, req["id"], "Northwind Engineering", kind="agency")
    return await act(client, opt["id"], "select", reason="Can cover the whole scope.")


async def current(client, option_id: str) -> dict:
    return await ok(await client.get(f"/v1/options/{option_id}"))


# --- Where check-ins are allowed -----------------------------------------------------------------


@pytest.mark.parametrize("status", ["selected", "hired"])
async def test_first_choices_take_check_ins(client, status):
    _, opt = await option_in(client, status)
    checkin = await check_in(client, opt["id"], verdict="exceeds", rating=5, notes="Shipped.")
    assert checkin["option_id"] == opt["id"]
    assert checkin["verdict"] == "exceeds" and checkin["rating"] == 5
    listed = await ok(await client.get(f"/v1/options/{opt['id']}/check-ins"))
    assert [c["id"] for c in listed["data"]] == [checkin["id"]]


@pytest.mark.parametrize("status", [s for s in PATHS if s not in ("selected", "hired")])
async def test_other_options_refuse_check_ins(client, status):
    _, opt = await option_in(client, status)
    problem = await check_in(client, opt["id"], 409, verdict="failing", rating=1)
    assert problem["code"] == "checkin_not_allowed"
    assert (await ok(await client.get(f"/v1/options/{opt['id']}/check-ins")))["data"] == []
    assert await events_of(client, "checkin.recorded") == []


@pytest.mark.parametrize("rating", [0, 6, -1, 3.5, "five", True, "4"])
async def test_rating_outside_one_to_five_is_422(client, rating):
    opt = await selected_option(client)
    problem = await check_in(client, opt["id"], 422, rating=rating)
    assert problem["code"] == "validation_failed"
    assert [e["loc"] for e in problem["errors"]] == [["body", "rating"]]


@pytest.mark.parametrize("rating", [1, 5, 4.0])
async def test_ratings_one_to_five_are_accepted(client, rating):
    # 4.0 is an integer in JSON Schema (the fuzzer sends such numbers): taken as 4.
    opt = await selected_option(client)
    recorded = (await check_in(client, opt["id"], rating=rating))["rating"]
    assert recorded == rating and isinstance(recorded, int)


async def test_checkin_recorded_event_carries_verdict_and_rating(client):
    opt = await selected_option(client)
    checkin = await check_in(client, opt["id"], verdict="below", rating=2)
    [event] = await events_of(client, "checkin.recorded")
    assert event["subject"] == {"type": "checkin", "id": checkin["id"]}
    assert event["requisition_id"] == opt["requisition_id"]
    assert event["data"]["option_id"] == opt["id"]
    assert event["data"]["verdict"] == "below"
    assert event["data"]["rating"] == 2


# --- The at-risk rule ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("newest_first", "at_risk"),
    [
        ([], False),
        (["failing"], True),
        (["below"], False),
        (["below", "below"], True),
        (["below", "failing"], True),
        (["failing", "meets"], True),
        (["meets", "failing"], False),
        (["exceeds", "failing"], False),
    ],
)
def test_is_at_risk(newest_first, at_risk):
    assert is_at_risk(newest_first) is at_risk


async def test_a_failing_check_in_puts_the_option_at_risk_once(client):
    opt = await selected_option(client)
    assert opt["at_risk"] is False

    await check_in(client, opt["id"], verdict="failing", rating=1, occurred_on="2026-11-20")
    flagged = await current(client, opt["id"])
    assert flagged["at_risk"] is True
    [event] = await events_of(client, "option.at_risk")
    assert event["subject"] == {"type": "option", "id": opt["id"]}

    await check_in(client, opt["id"], verdict="failing", rating=1, occurred_on="2026-11-21")
    assert (await current(client, opt["id"]))["at_risk"] is True
    assert len(await events_of(client, "option.at_risk")) == 1


async def test_two_below_check_ins_put_the_option_at_risk(client):
    opt = await selected_option(client)
    await check_in(client, opt["id"], verdict="below", rating=2, occurred_on="2026-11-20")
    assert (await current(client, opt["id"]))["at_risk"] is False
    await check_in(client, opt["id"], verdict="below", rating=2, occurred_on="2026-11-21")
    assert (await current(client, opt["id"]))["at_risk"] is True
    assert len(await events_of(client, "option.at_risk")) == 1


async def test_a_later_meets_clears_at_risk_and_a_new_failure_flags_it_again(client):
    opt = await selected_option(client)
    await check_in(client, opt["id"], verdict="failing", rating=1, occurred_on="2026-11-20")

    await check_in(client, opt["id"], verdict="meets", rating=3, occurred_on="2026-11-21")
    cleared = await current(client, opt["id"])
    assert cleared["at_risk"] is False
    assert len(await events_of(client, "option.at_risk")) == 1

    await check_in(client, opt["id"], verdict="failing", rating=1, occurred_on="2026-11-22")
    assert (await current(client, opt["id"]))["at_risk"] is True
    assert len(await events_of(client, "option.at_risk")) == 2


async def test_the_latest_check_in_is_the_latest_day_not_the_latest_recorded(client):
    opt = await selected_option(client)
    meets = await check_in(client, opt["id"], verdict="meets", rating=4, occurred_on="2026-11-24")
    # Recorded afterwards, but it happened before the `meets`.
    late = await check_in(client, opt["id"], verdict="failing", rating=1, occurred_on="2026-11-20")

    assert (await current(client, opt["id"]))["at_risk"] is False
    assert await events_of(client, "option.at_risk") == []
    listed = await ok(await client.get(f"/v1/options/{opt['id']}/check-ins"))
    assert [c["id"] for c in listed["data"]] == [late["id"], meets["id"]]


async def test_a_failing_first_choice_selected_again_is_still_at_risk(client):
    opt = await selected_option(client)
    await check_in(client, opt["id"], verdict="failing", rating=1, occurred_on="2026-11-20")
    warm = await act(client, opt["id"], "keep-warm", reason="Give them a second look.")
    assert warm["at_risk"] is False  # at risk only means something for a first choice

    again = await act(client, opt["id"], "select", reason="Back as first choice.")

    # Its latest check-in is still `failing`, so as a first choice it is at risk (contract §3).
    assert again["at_risk"] is True


@pytest.mark.parametrize(
    ("action", "body"),
    [
        ("keep-warm", {"reason": "Give them a second look."}),
        ("release", {"reason": "Missed milestones."}),
        ("withdraw", {"reason": "Took another offer."}),
    ],
)
async def test_moving_an_at_risk_option_is_one_version_step(client, action, body):
    opt = await selected_option(client)
    await check_in(client, opt["id"], verdict="failing", rating=1)
    flagged = await current(client, opt["id"])
    assert flagged["at_risk"] is True

    r = await client.post(f"/v1/options/{opt['id']}/{action}", json=body)

    # Status and at-risk change in one request: clients see one new version, not two.
    assert r.status_code == 200, r.text
    assert r.json()["at_risk"] is False
    assert r.json()["version"] == flagged["version"] + 1
    assert r.headers["etag"] == f'"{flagged["version"] + 1}"'


async def test_reactivating_a_runner_up_over_an_at_risk_first_choice_steps_each_once(client):
    first = await selected_option(client)
    runner_up = await option(client, first["requisition_id"], "Juan Pérez")
    runner_up = await act(client, runner_up["id"], "keep-warm", reason="Strong second.")
    await check_in(client, first["id"], verdict="failing", rating=1)
    flagged = await current(client, first["id"])

    selected = await act(
        client, runner_up["id"], "reactivate", reason="Agency failing.", replaces=first["id"]
    )

    assert selected["version"] == runner_up["version"] + 1
    assert (await current(client, first["id"]))["version"] == flagged["version"] + 1


# --- A reviewer is a touchpoint ----------------------------------------------------------------


async def test_a_reviewer_candidate_gets_a_touchpoint(client):
    req = await requisition(client)
    agency = await option(client, req["id"], "Northwind Engineering", kind="agency")
    juan = await option(client, req["id"], "Juan Pérez")
    await act(client, agency["id"], "select", reason="Can cover the whole scope.")

    checkin = await check_in(
        client,
        agency["id"],
        verdict="below",
        rating=2,
        reviewer_name="Juan Pérez",
        reviewer_candidate_id=juan["candidate_id"],
    )

    assert checkin["reviewer_candidate_id"] == juan["candidate_id"]
    assert checkin["reviewer_name"] == "Juan Pérez"
    touchpoints = await ok(await client.get(f"/v1/candidates/{juan['candidate_id']}/touchpoints"))
    [touchpoint] = touchpoints["data"]
    assert touchpoint["candidate_id"] == juan["candidate_id"]
    [event] = await events_of(client, "touchpoint.logged")
    assert event["subject"] == {"type": "touchpoint", "id": touchpoint["id"]}
    assert event["data"]["candidate_id"] == juan["candidate_id"]
    # The reviewed agency itself was not contacted.
    agency_touches = await client.get(f"/v1/candidates/{agency['candidate_id']}/touchpoints")
    assert (await ok(agency_touches))["data"] == []


async def test_a_reviewer_of_another_organization_is_not_found(client, other_tenant):
    opt = await selected_option(client)
    async with other_tenant.client() as stranger:
        theirs = await ok(
            await stranger.post("/v1/candidates", json={"name": "Somebody Else"}), 201
        )

    problem = await check_in(client, opt["id"], 404, reviewer_candidate_id=theirs["id"])
    assert problem["code"] == "not_found"
    assert (await ok(await client.get(f"/v1/options/{opt['id']}/check-ins")))["data"] == []
    assert await events_of(client, "checkin.recorded") == []
    async with other_tenant.client() as stranger:
        touches = await stranger.get(f"/v1/candidates/{theirs['id']}/touchpoints")
        assert (await ok(touches))["data"] == []


async def test_simultaneous_below_check_ins_still_put_the_option_at_risk(client):
    import asyncio

    for _ in range(3):
        req = await requisition(client)
        opt = await option(client, req["id"], "Pat")
        await act(client, opt["id"], "select", reason="Best fit.")
        responses = await asyncio.gather(
            *(
                client.post(
                    f"/v1/options/{opt['id']}/check-ins", json={"verdict": "below", "rating": 2}
                )
                for _ in range(2)
            )
        )
        assert [r.status_code for r in responses] == [201, 201]
        assert (await ok(await client.get(f"/v1/options/{opt['id']}")))["at_risk"] is True
