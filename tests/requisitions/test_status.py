"""A requisition's status and headcount never contradict its options."""

import pytest

from app.requisitions.status import MANUAL_MOVES
from tests.story import act, assert_problem, events, ok, option, requisition


async def seated(client, headcount: int, *actions: str) -> tuple[dict, list[dict]]:
    """A requisition with one option per action, each selected (and hired for `hire`)."""
    req = await requisition(client, headcount=headcount)
    options = []
    for i, action in enumerate(actions):
        opt = await option(client, req["id"], f"Person {i}")
        opt = await act(client, opt["id"], "select", reason="Best fit.")
        if action == "hire":
            opt = await act(client, opt["id"], "hire", start_date="2027-01-11")
        options.append(opt)
    return await ok(await client.get(f"/v1/requisitions/{req['id']}")), options


async def patch(client, req: dict, **body) -> object:
    return await client.patch(f"/v1/requisitions/{req['id']}", json=body)


# --- Headcount and seats -----------------------------------------------------------------------


async def test_headcount_below_the_seats_taken_is_409_naming_them(client):
    req, options = await seated(client, 2, "select", "hire")

    problem = assert_problem(await patch(client, req, headcount=1), 409, "headcount_below_seats")

    assert problem["headcount"] == 1 and problem["seats_taken"] == 2
    assert {(s["option_id"], s["status"]) for s in problem["seats"]} == {
        (options[0]["id"], "selected"),
        (options[1]["id"], "hired"),
    }
    after = await ok(await client.get(f"/v1/requisitions/{req['id']}"))
    assert after["headcount"] == 2 and after["version"] == req["version"]


async def test_headcount_below_the_seats_taken_is_409_by_external_ref_too(client):
    url = "/v1/requisitions/by-external-ref/greenhouse/4012"
    req = await ok(await client.put(url, json={"title": "Backend", "headcount": 2}), 201)
    for name in ("Ana", "Ben"):
        opt = await option(client, req["id"], name)
        await act(client, opt["id"], "select", reason="Strong.")

    r = await client.put(url, json={"title": "Backend", "headcount": 1})

    assert_problem(r, 409, "headcount_below_seats")
    assert (await ok(await client.get(f"/v1/requisitions/{req['id']}")))["headcount"] == 2


async def test_headcount_down_to_the_seats_taken_is_fine(client):
    req, _ = await seated(client, 3, "select", "select")
    changed = await ok(await patch(client, req, headcount=2))
    assert changed["headcount"] == 2 and changed["status"] == "open"


# --- Status: by hand, or following the hires ----------------------------------------------------


@pytest.mark.parametrize("status", ["open", "on_hold"])
async def test_a_filled_requisition_cannot_be_opened_or_held_by_hand(client, status):
    req, _ = await seated(client, 1, "hire")
    assert req["status"] == "filled"

    problem = assert_problem(await patch(client, req, status=status), 409, "invalid_status_change")

    assert problem["current_status"] == "filled"
    assert problem["allowed_statuses"] == sorted(MANUAL_MOVES["filled"])
    after = await ok(await client.get(f"/v1/requisitions/{req['id']}"))
    assert after["status"] == "filled" and after["version"] == req["version"]


async def test_a_filled_requisition_can_be_closed(client):
    req, _ = await seated(client, 1, "hire")
    assert (await ok(await patch(client, req, status="closed")))["status"] == "closed"


async def test_a_closed_requisition_whose_seats_are_hired_cannot_reopen(client):
    req, _ = await seated(client, 1, "hire")
    closed = await ok(await patch(client, req, status="closed"))
    assert_problem(await patch(client, closed, status="open"), 409, "invalid_status_change")
    # With a seat to fill it can.
    reopened = await ok(await patch(client, closed, status="open", headcount=2))
    assert reopened["status"] == "open" and reopened["headcount"] == 2


async def test_raising_the_headcount_of_a_filled_requisition_opens_it(client):
    req, _ = await seated(client, 1, "hire")
    opened = await ok(await patch(client, req, headcount=2))
    assert opened["status"] == "open"
    assert opened["version"] == req["version"] + 1
    [event] = [e for e in await events(client, type="requisition.updated")]
    assert sorted(event["data"]["changed"]) == ["headcount", "status"]


async def test_lowering_the_headcount_to_the_hires_fills_it(client):
    req, _ = await seated(client, 2, "hire")
    assert req["status"] == "open"
    assert (await ok(await patch(client, req, headcount=1)))["status"] == "filled"


async def test_the_last_hire_fills_even_a_requisition_on_hold(client):
    req, [opt] = await seated(client, 1, "select")
    await ok(await patch(client, req, status="on_hold"))
    await act(client, opt["id"], "hire", start_date="2027-01-11")
    assert (await ok(await client.get(f"/v1/requisitions/{req['id']}")))["status"] == "filled"
