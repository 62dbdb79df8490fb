"""The check-in cadence (issue 11): when a check-in on a first choice or an interim is due,
what satisfies it, and the call to the runner-up when a first choice turns at risk."""

import pytest

from tests.followups.makers import day, person, runner_up
from tests.story import act, assert_problem, ok, option, requisition


async def follow_ups(client, due_before: str | None = None) -> list[dict]:
    params = {"due_before": due_before} if due_before else {}
    page = await ok(await client.get("/v1/follow-ups", params=params))
    assert page["next_cursor"] is None
    return page["data"]


def check_ins(items: list[dict]) -> list[tuple[str, int, str]]:
    """(name, which check-in, due_on) of each check_in_due item, in the order served."""
    return [
        (i["candidate_name"], i["checkin_number"], i["due_on"])
        for i in items
        if i["reason"] == "check_in_due"
    ]


async def hired(client, rid: str, name: str, start: int) -> dict:
    """An option selected and hired with a start date `start` days from today."""
    opt = await option(client, rid, name)
    await act(client, opt["id"], "select", reason="The best fit.")
    return await act(client, opt["id"], "hire", start_date=day(start))


async def check_in(client, path: str, verdict: str = "meets", on: int = 0) -> dict:
    rating = {"exceeds": 5, "meets": 4, "below": 2, "failing": 1}[verdict]
    body = {"verdict": verdict, "rating": rating, "occurred_on": day(on)}
    return await ok(await client.post(f"{path}/check-ins", json=body), 201)


# --- the cadence --------------------------------------------------------------------------------


async def test_a_requisition_checks_in_on_days_3_14_30_60_and_90_by_default(client):
    req = await requisition(client)
    assert req["checkin_cadence_days"] == [3, 14, 30, 60, 90]
    fetched = await ok(await client.get(f"/v1/requisitions/{req['id']}"))
    assert fetched["checkin_cadence_days"] == [3, 14, 30, 60, 90]


async def test_the_cadence_is_set_on_create_and_patch_and_put(client):
    req = await requisition(client, checkin_cadence_days=[7, 30])
    assert req["checkin_cadence_days"] == [7, 30]

    path = f"/v1/requisitions/{req['id']}"
    patched = await ok(await client.patch(path, json={"checkin_cadence_days": [1, 2, 365]}))
    assert patched["checkin_cadence_days"] == [1, 2, 365]
    assert (await ok(await client.get(path)))["checkin_cadence_days"] == [1, 2, 365]

    put = "/v1/requisitions/by-external-ref/greenhouse/77"
    body = {"title": "Platform engineer", "checkin_cadence_days": [5, 10]}
    created = await ok(await client.put(put, json=body), 201)
    assert created["checkin_cadence_days"] == [5, 10]
    replaced = await ok(await client.put(put, json={**body, "checkin_cadence_days": [20]}))
    assert replaced["checkin_cadence_days"] == [20]


@pytest.mark.parametrize(
    "cadence",
    [[14, 3], [3, 3], [0, 3], [3, 366], [], [-1], ["three"], None, list(range(1, 54))],
    ids=[
        "descending",
        "repeated",
        "zero",
        "past-a-year",
        "empty",
        "negative",
        "text",
        "null",
        "too-many",
    ],
)
async def test_a_bad_cadence_is_422_on_create_and_patch(client, cadence):
    response = await client.post(
        "/v1/requisitions", json={"title": "Platform engineer", "checkin_cadence_days": cadence}
    )
    assert_problem(response, 422, "validation_failed")

    req = await requisition(client)
    path = f"/v1/requisitions/{req['id']}"
    assert_problem(
        await client.patch(path, json={"checkin_cadence_days": cadence}), 422, "validation_failed"
    )
    assert (await ok(await client.get(path)))["checkin_cadence_days"] == [3, 14, 30, 60, 90]


# --- check-ins due ------------------------------------------------------------------------------


async def test_a_hire_is_due_a_check_in_3_days_after_the_start(client):
    req = await requisition(client)
    ana = await hired(client, req["id"], "Ana Silva", start=-4)

    [item] = await follow_ups(client)

    assert item["reason"] == "check_in_due"
    assert item["option_id"] == ana["id"]
    assert item["candidate_id"] == ana["candidate_id"]
    assert item["requisition_id"] == req["id"]
    assert item["due_on"] == day(-1)
    assert item["checkin_number"] == 1
    assert item["engagement_id"] is None
    # The rest of the cadence is coming: 14, 30, 60 and 90 days after the start.
    assert check_ins(await follow_ups(client, day(100))) == [
        ("Ana Silva", 1, day(-1)),
        ("Ana Silva", 2, day(10)),
        ("Ana Silva", 3, day(26)),
        ("Ana Silva", 4, day(56)),
        ("Ana Silva", 5, day(86)),
    ]


async def test_a_selected_option_counts_from_the_day_it_was_selected(client):
    req = await requisition(client)
    ana = await option(client, req["id"], "Ana Silva")
    await act(client, ana["id"], "select", reason="The best fit.")

    assert await follow_ups(client) == []
    assert check_ins(await follow_ups(client, day(15))) == [
        ("Ana Silva", 1, day(3)),
        ("Ana Silva", 2, day(14)),
    ]


async def test_a_check_in_on_or_after_the_due_date_satisfies_it_one_before_does_not(client):
    req = await requisition(client)
    ana = await hired(client, req["id"], "Ana Silva", start=-5)  # check-in 1 due day(-2)
    path = f"/v1/options/{ana['id']}"

    await check_in(client, path, on=-3)
    assert check_ins(await follow_ups(client)) == [("Ana Silva", 1, day(-2))]

    await check_in(client, path, on=-1)
    assert await follow_ups(client) == []
    assert check_ins(await follow_ups(client, day(10))) == [("Ana Silva", 2, day(9))]


async def test_a_missed_check_in_gives_way_to_the_next(client):
    req = await requisition(client)
    await hired(client, req["id"], "Ana Silva", start=-20)  # due day(-17), then day(-6)

    assert check_ins(await follow_ups(client)) == [("Ana Silva", 2, day(-6))]


async def test_an_edited_cadence_moves_the_check_ins(client):
    req = await requisition(client)
    await hired(client, req["id"], "Ana Silva", start=-4)
    path = f"/v1/requisitions/{req['id']}"
    await ok(await client.patch(path, json={"checkin_cadence_days": [10, 20]}))

    assert await follow_ups(client) == []
    assert check_ins(await follow_ups(client, day(30))) == [
        ("Ana Silva", 1, day(6)),
        ("Ana Silva", 2, day(16)),
    ]


async def test_an_option_no_longer_chosen_is_not_checked_in_on(client):
    req = await requisition(client)
    ana = await hired(client, req["id"], "Ana Silva", start=-4)
    await act(client, ana["id"], "release", reason="Missed the milestones.")

    assert check_ins(await follow_ups(client, day(365))) == []


async def test_an_interim_is_due_a_check_in_every_7_days(client):
    req = await requisition(client)
    bea = await person(client, "Bea Ortiz")
    engagement = await ok(
        await client.post(
            f"/v1/requisitions/{req['id']}/interim-engagements",
            json={"candidate_id": bea["id"], "starts_on": day(-8), "ends_on": day(20)},
        ),
        201,
    )

    [item] = await follow_ups(client)
    assert item["reason"] == "check_in_due"
    assert item["engagement_id"] == engagement["id"]
    assert item["candidate_id"] == bea["id"]
    assert item["option_id"] is None
    assert (item["checkin_number"], item["due_on"]) == (1, day(-1))

    await check_in(client, f"/v1/interim-engagements/{engagement['id']}")
    # Satisfied; the next ones come weekly until the engagement's end.
    assert check_ins(await follow_ups(client, day(60))) == [
        ("Bea Ortiz", 2, day(6)),
        ("Bea Ortiz", 3, day(13)),
        ("Bea Ortiz", 4, day(20)),
    ]

    await ok(
        await client.post(
            f"/v1/interim-engagements/{engagement['id']}/end", json={"end_reason": "Filled."}
        )
    )
    assert await follow_ups(client, day(60)) == []


async def test_an_interim_who_becomes_the_first_choice_is_checked_in_on_as_one(client):
    req = await requisition(client)
    bea = await option(client, req["id"], "Bea Ortiz")
    await ok(
        await client.post(
            f"/v1/requisitions/{req['id']}/interim-engagements",
            json={"candidate_id": bea["candidate_id"], "starts_on": day(-8)},
        ),
        201,
    )
    assert [i["engagement_id"] is not None for i in await follow_ups(client)] == [True]

    await act(client, bea["id"], "select", reason="Proved herself as the interim.")

    items = await follow_ups(client, day(15))
    assert [i["engagement_id"] for i in items] == [None, None]
    assert check_ins(items) == [("Bea Ortiz", 1, day(3)), ("Bea Ortiz", 2, day(14))]


# --- calling the runner-up ----------------------------------------------------------------------


async def at_risk_with_juan_warm(client) -> tuple[dict, dict, dict]:
    """(requisition, the agency selected and failing, Juan the warm runner-up)."""
    req = await requisition(client)
    juan = await runner_up(client, req["id"], "Juan Pérez", touched_on=day(-2))
    agency = await option(client, req["id"], "Northwind", kind="agency")
    await act(client, agency["id"], "select", reason="Can cover the whole scope.")
    await check_in(client, f"/v1/options/{agency['id']}", "failing")
    return req, agency, juan


async def touch_now(client, candidate_id: str) -> None:
    body = {"direction": "outbound", "channel": "call"}
    await ok(await client.post(f"/v1/candidates/{candidate_id}/touchpoints", json=body), 201)


def calls(items: list[dict]) -> list[dict]:
    return [i for i in items if i["reason"] == "call_runner_up"]


async def test_a_first_choice_at_risk_is_a_call_to_the_recommended_runner_up_within_2_days(
    client,
):
    req, agency, juan = await at_risk_with_juan_warm(client)
    assert calls(await follow_ups(client, day(2))) == []

    [item] = calls(await follow_ups(client, day(3)))

    assert item["due_on"] == day(2)
    assert item["option_id"] == agency["id"]
    assert item["candidate_name"] == "Northwind"
    assert item["requisition_id"] == req["id"]
    replacement = item["replacement"]
    assert replacement["option_id"] == juan["id"]
    assert replacement["candidate_id"] == juan["candidate_id"]
    assert replacement["candidate_name"] == "Juan Pérez"
    assert "the only warm runner-up" in replacement["reasons"]
    assert any(reason.startswith("warm: last contact") for reason in replacement["reasons"])
    # The bench recommends the same runner-up.
    bench = await ok(await client.get(f"/v1/requisitions/{req['id']}/bench"))
    assert bench["recommended_replacement"]["option_id"] == juan["id"]


async def test_a_call_with_the_runner_up_clears_it(client):
    _, _, juan = await at_risk_with_juan_warm(client)
    await touch_now(client, juan["candidate_id"])

    assert calls(await follow_ups(client, day(30))) == []


async def test_a_touch_with_someone_else_does_not_clear_it(client):
    _, agency, _ = await at_risk_with_juan_warm(client)
    await touch_now(client, agency["candidate_id"])

    assert len(calls(await follow_ups(client, day(30)))) == 1


async def test_a_passing_check_in_ends_the_risk_and_the_call(client):
    _, agency, _ = await at_risk_with_juan_warm(client)
    await check_in(client, f"/v1/options/{agency['id']}", "exceeds")

    assert calls(await follow_ups(client, day(30))) == []


async def test_reactivating_the_runner_up_in_its_place_clears_the_call(client):
    _, agency, juan = await at_risk_with_juan_warm(client)
    await act(
        client, juan["id"], "reactivate", reason="The agency fell through.", replaces=agency["id"]
    )

    items = await follow_ups(client, day(30))
    assert calls(items) == []
    # Juan is the first choice now, checked in on from today (his selection).
    assert check_ins(items) == [("Juan Pérez", 1, day(3)), ("Juan Pérez", 2, day(14))]


async def test_with_no_warm_runner_up_the_call_names_no_one(client):
    req = await requisition(client)
    await runner_up(client, req["id"], "Juan Pérez", touched_on=day(-40))
    agency = await option(client, req["id"], "Northwind", kind="agency")
    await act(client, agency["id"], "select", reason="Can cover the whole scope.")
    await check_in(client, f"/v1/options/{agency['id']}", "failing")

    [item] = calls(await follow_ups(client, day(3)))
    assert item["replacement"] is None


async def test_with_no_runner_up_at_all_there_is_no_one_to_call(client):
    req = await requisition(client)
    agency = await option(client, req["id"], "Northwind", kind="agency")
    await act(client, agency["id"], "select", reason="Can cover the whole scope.")
    await check_in(client, f"/v1/options/{agency['id']}", "failing")

    assert calls(await follow_ups(client, day(30))) == []


# --- the bench ----------------------------------------------------------------------------------


async def test_the_bench_shows_the_next_check_in_and_flags_an_overdue_one(client):
    req = await requisition(client)
    ana = await hired(client, req["id"], "Ana Silva", start=-5)
    bench_path = f"/v1/requisitions/{req['id']}/bench"

    bench = await ok(await client.get(bench_path))
    assert bench["check_ins"] == [
        {"option_id": ana["id"], "next_check_in_on": day(-2), "checkin_number": 1, "overdue": True}
    ]
    assert "check_in_overdue" in bench["flags"]

    await check_in(client, f"/v1/options/{ana['id']}")

    bench = await ok(await client.get(bench_path))
    assert bench["check_ins"] == [
        {"option_id": ana["id"], "next_check_in_on": day(9), "checkin_number": 2, "overdue": False}
    ]
    assert "check_in_overdue" not in bench["flags"]


async def test_a_check_in_due_today_is_not_overdue(client):
    req = await requisition(client)
    ana = await hired(client, req["id"], "Ana Silva", start=-3)

    bench = await ok(await client.get(f"/v1/requisitions/{req['id']}/bench"))

    assert bench["check_ins"] == [
        {"option_id": ana["id"], "next_check_in_on": day(), "checkin_number": 1, "overdue": False}
    ]
    assert "check_in_overdue" not in bench["flags"]


# --- tenancy ------------------------------------------------------------------------------------


async def test_another_organization_never_sees_these_items(client, other_tenant):
    await at_risk_with_juan_warm(client)
    await hired(client, (await requisition(client))["id"], "Ana Silva", start=-4)
    ours = await follow_ups(client, day(30))
    assert {"check_in_due", "call_runner_up"} <= {i["reason"] for i in ours}

    async with other_tenant.client() as theirs:
        assert await follow_ups(theirs, day(365)) == []
        calendar = await theirs.get("/v1/follow-ups.ics", params={"due_before": day(365)})
        assert "VEVENT" not in calendar.text


async def test_the_calendar_says_whom_to_call_and_which_check_in(client):
    await at_risk_with_juan_warm(client)

    response = await client.get("/v1/follow-ups.ics", params={"due_before": day(4)})

    assert response.status_code == 200
    text = response.text.replace("\r\n ", "")  # unfold long lines (RFC 5545 §3.1)
    assert "SUMMARY:Northwind is at risk: call the runner-up" in text
    assert "Call Juan Pérez: the only warm runner-up" in text
    assert "SUMMARY:Check-in 1 on Northwind" in text
