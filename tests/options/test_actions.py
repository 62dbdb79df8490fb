"""The option actions of contract §3, driven through HTTP."""

import asyncio
from datetime import date

import pytest

from app.options.state_machine import ACTIONS, EVENT_TYPES, TRANSITIONS
from tests.story import act, note_for, ok, option, requisition

BODIES = {
    "select": {"reason": "Best fit."},
    "keep-warm": {"reason": "Strong second."},
    "hold": {"reason": "No budget until Q2.", "revisit_on": "2027-04-01"},
    "decline": {"note": note_for("Sam")},
    "withdraw": {"reason": "Took another offer."},
    "hire": {"start_date": "2027-01-11"},
    "release": {"reason": "Missed milestones."},
    "reactivate": {"reason": "Need came back."},
}

# A way to bring a new option into each status.
PATHS = {
    "considering": [],
    "on_hold": ["hold"],
    "runner_up": ["keep-warm"],
    "selected": ["select"],
    "hired": ["select", "hire"],
    "declined": ["decline"],
    "withdrawn": ["withdraw"],
    "released": ["select", "release"],
}


async def option_in(client, status: str, headcount: int = 5):
    req = await requisition(client, headcount=headcount)
    opt = await option(client, req["id"], "Sam Lee")
    for action in PATHS[status]:
        opt = await act(client, opt["id"], action, **BODIES[action])
    assert opt["status"] == status
    return req, opt


@pytest.mark.parametrize("status", list(PATHS))
async def test_allowed_actions_come_from_the_table(client, status):
    _, opt = await option_in(client, status)
    expected = [a for a in ACTIONS if (status, a) in TRANSITIONS]
    assert opt["allowed_actions"] == expected


@pytest.mark.parametrize(
    ("status", "action"), [(s, a) for s in PATHS for a in ACTIONS if (s, a) not in TRANSITIONS]
)
async def test_transitions_outside_the_table_are_409(client, status, action):
    _, opt = await option_in(client, status)
    problem = await act(client, opt["id"], action, 409, **BODIES[action])
    assert problem["code"] == "invalid_transition"
    assert problem["allowed_actions"] == opt["allowed_actions"]
    again = await ok(await client.get(f"/v1/options/{opt['id']}"))
    assert again["status"] == status and again["version"] == opt["version"]


@pytest.mark.parametrize(("status", "action"), sorted(TRANSITIONS))
async def test_transitions_in_the_table_land_where_it_says(client, status, action):
    _, opt = await option_in(client, status)
    moved = await act(client, opt["id"], action, **BODIES[action])
    assert moved["status"] == TRANSITIONS[(status, action)]
    assert moved["version"] > opt["version"]
    events = await ok(await client.get(f"/v1/requisitions/{moved['requisition_id']}/timeline"))
    last = [e for e in events["data"] if e["subject"]["id"] == opt["id"]][-1]
    assert last["type"] == EVENT_TYPES[action]
    assert last["data"]["to"] == moved["status"]
    assert last["actor"]["api_key_id"]


async def test_select_beyond_headcount_is_409(client):
    req = await requisition(client, headcount=1)
    first = await option(client, req["id"], "First")
    second = await option(client, req["id"], "Second")
    await act(client, first["id"], "select", reason="Best fit.")
    problem = await act(client, second["id"], "select", 409, reason="Also good.")
    assert problem["code"] == "headcount_reached"
    assert problem["headcount"] == 1


async def test_hire_fills_and_release_reopens_the_requisition(client):
    req = await requisition(client, headcount=1)
    opt = await option(client, req["id"], "Pat")
    await act(client, opt["id"], "select", reason="Best fit.")
    await act(client, opt["id"], "hire", start_date="2027-01-11")
    assert (await ok(await client.get(f"/v1/requisitions/{req['id']}")))["status"] == "filled"
    await act(client, opt["id"], "release", reason="Left in the first month.")
    assert (await ok(await client.get(f"/v1/requisitions/{req['id']}")))["status"] == "open"


async def test_reactivate_with_replaces_swaps_first_choice_and_runner_up(client):
    req = await requisition(client, headcount=1)
    agency = await option(client, req["id"], "Northwind", kind="agency", rank=1)
    juan = await option(client, req["id"], "Juan", rank=2)
    await act(client, agency["id"], "select", reason="Can start the whole scope.")
    await act(client, juan["id"], "keep-warm", reason="Strong second.")

    juan = await act(
        client, juan["id"], "reactivate", reason="Agency failing.", replaces=agency["id"]
    )

    assert juan["status"] == "selected"
    agency = await ok(await client.get(f"/v1/options/{agency['id']}"))
    assert agency["status"] == "released" and agency["status_reason"] == "Agency failing."
    events = (await ok(await client.get(f"/v1/requisitions/{req['id']}/timeline")))["data"]
    released = next(e for e in events if e["type"] == "option.released")
    reactivated = next(e for e in events if e["type"] == "option.reactivated")
    assert released["data"]["replaced_by"] == juan["id"]
    assert reactivated["data"]["replaces"] == agency["id"]


async def test_reactivate_without_replaces_beyond_headcount_is_409(client):
    req = await requisition(client, headcount=1)
    first = await option(client, req["id"], "First")
    second = await option(client, req["id"], "Second")
    await act(client, first["id"], "select", reason="Best fit.")
    await act(client, second["id"], "keep-warm", reason="Close second.")
    problem = await act(client, second["id"], "reactivate", 409, reason="Both?", to="selected")
    assert problem["code"] == "headcount_reached"
    assert (await act(client, second["id"], "reactivate", reason="Back in."))[
        "status"
    ] == "considering"


async def test_replaces_must_be_a_seated_option_of_the_same_requisition(client):
    req = await requisition(client)
    other_req = await requisition(client)
    runner = await option(client, req["id"], "Runner")
    await act(client, runner["id"], "keep-warm", reason="Close second.")
    elsewhere = await option(client, other_req["id"], "Elsewhere")
    await act(client, elsewhere["id"], "select", reason="Best fit.")
    unseated = await option(client, req["id"], "Unseated")
    for target in (elsewhere["id"], unseated["id"]):
        problem = await act(client, runner["id"], "reactivate", 409, reason="x", replaces=target)
        assert problem["code"] == "invalid_replacement"


async def test_concurrent_reactivations_against_one_first_choice(client):
    req = await requisition(client, headcount=1)
    first = await option(client, req["id"], "First choice", rank=1)
    await act(client, first["id"], "select", reason="Best fit.")
    runners = []
    for i in range(4):
        runner = await option(client, req["id"], f"Runner {i}", rank=i + 2)
        runners.append(await act(client, runner["id"], "keep-warm", reason="Keep close."))

    responses = await asyncio.gather(
        *(
            client.post(
                f"/v1/options/{r['id']}/reactivate",
                json={"reason": "First choice failing.", "replaces": first["id"]},
            )
            for r in runners
        )
    )

    statuses = sorted(r.status_code for r in responses)
    assert statuses == [200, 409, 409, 409], [r.text for r in responses]
    options = (await ok(await client.get(f"/v1/requisitions/{req['id']}/options")))["data"]
    assert sum(o["status"] in ("selected", "hired") for o in options) == 1


async def test_reactivation_retried_with_the_same_idempotency_key_acts_once(client):
    req = await requisition(client, headcount=1)
    first = await option(client, req["id"], "First")
    runner = await option(client, req["id"], "Runner")
    await act(client, first["id"], "select", reason="Best fit.")
    await act(client, runner["id"], "keep-warm", reason="Keep close.")
    body = {"reason": "First choice failing.", "replaces": first["id"]}
    headers = {"Idempotency-Key": "swap-1"}
    one = await client.post(f"/v1/options/{runner['id']}/reactivate", json=body, headers=headers)
    two = await client.post(f"/v1/options/{runner['id']}/reactivate", json=body, headers=headers)
    assert one.status_code == two.status_code == 200
    assert one.json() == two.json()
    assert two.headers["idempotent-replayed"] == "true"
    events = await ok(await client.get("/v1/events", params={"type": "option.reactivated"}))
    assert len(events["data"]) == 1


async def test_if_match_guards_actions(client):
    req = await requisition(client)
    opt = await option(client, req["id"], "Pat")
    stale = f'"{opt["version"]}"'
    await ok(await client.patch(f"/v1/options/{opt['id']}", json={"rank": 1}))
    response = await client.post(
        f"/v1/options/{opt['id']}/select", json={"reason": "x"}, headers={"If-Match": stale}
    )
    assert response.status_code == 412
    assert (await ok(await client.get(f"/v1/options/{opt['id']}")))["status"] == "considering"


async def test_decline_requires_a_respectful_note_and_writes_it(client):
    req = await requisition(client)
    opt = await option(client, req["id"], "Sam Lee")
    problem = await act(
        client, opt["id"], "decline", 422, note={"reason_code": "skills_gap", "message": "No."}
    )
    assert problem["code"] == "note_not_respectful"
    assert any(f["code"] == "empty_or_curt" for f in problem["findings"])
    assert (await ok(await client.get(f"/v1/options/{opt['id']}")))["status"] == "considering"

    declined = await act(client, opt["id"], "decline", note=note_for("Sam"))
    assert declined["status"] == "declined"
    notes = (await ok(await client.get(f"/v1/options/{opt['id']}/notes")))["data"]
    assert [n["kind"] for n in notes] == ["rejection"]


async def test_hold_keeps_revisit_date_and_not_now_note(client):
    req = await requisition(client)
    opt = await option(client, req["id"], "Ana Silva")
    held = await act(
        client,
        opt["id"],
        "hold",
        reason="No budget until Q2.",
        revisit_on="2027-04-01",
        note=note_for("Ana", reason_code="no_current_need"),
    )
    assert held["status"] == "on_hold" and held["revisit_on"] == "2027-04-01"
    notes = (await ok(await client.get(f"/v1/options/{opt['id']}/notes")))["data"]
    assert [n["kind"] for n in notes] == ["not_now"]
    assert date.fromisoformat(held["revisit_on"]) > date(2026, 1, 1)
