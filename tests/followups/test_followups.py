"""Follow-ups (contract §5): who to get back to, and when, so no open door is forgotten."""

import pytest

from tests.followups.makers import (
    day,
    declined,
    ended_interim,
    on_hold,
    option_of,
    person,
    runner_up,
    touch,
)
from tests.story import act, ok, option, requisition


async def follow_ups(client, due_before: str | None = None, **params) -> list[dict]:
    if due_before is not None:
        params["due_before"] = due_before
    page = await ok(await client.get("/v1/follow-ups", params=params))
    assert page["next_cursor"] is None
    return page["data"]


def summary(items: list[dict]) -> list[tuple[str, str, str]]:
    """(name, reason, due_on) of each item, in the order served."""
    return [(i["candidate_name"], i["reason"], i["due_on"]) for i in items]


def kinds(items: list[dict]) -> set[str]:
    return {i["reason"] for i in items}


# --- the three sources --------------------------------------------------------------------------


async def test_a_door_open_note_with_a_date_is_a_keep_in_touch_follow_up(client):
    req = await requisition(client)
    juan = await declined(client, req["id"], "Juan Pérez", keep_in_touch_on=day(-1))

    [note] = (await ok(await client.get(f"/v1/options/{juan['id']}/notes")))["data"]

    [item] = await follow_ups(client)

    assert item == {
        "candidate_id": juan["candidate_id"],
        "candidate_name": "Juan Pérez",
        "option_id": juan["id"],
        "requisition_id": req["id"],
        "reason": "keep_in_touch",
        "due_on": day(-1),
        "note_id": note["id"],
        "engagement_id": None,
        "checkin_number": None,
        "replacement": None,
    }


async def test_without_consent_a_candidate_is_never_listed_to_keep_in_touch(client):
    req = await requisition(client)
    juan = await declined(client, req["id"], "Juan Pérez", day(-3), consent=False)

    assert await follow_ups(client, day(365)) == []

    # Consent given later lists them; withdrawn again, they are gone.
    path = f"/v1/candidates/{juan['candidate_id']}"
    await ok(await client.patch(path, json={"keep_in_touch_consent": True}))
    assert summary(await follow_ups(client)) == [("Juan Pérez", "keep_in_touch", day(-3))]
    await ok(await client.patch(path, json={"keep_in_touch_consent": False}))
    assert await follow_ups(client, day(365)) == []


async def test_a_closed_door_is_no_follow_up(client):
    req = await requisition(client)
    closing = (
        "Hi Juan Pérez, thank you for your time with the team. We decided to hire someone with "
        "more Kubernetes experience, because the role leads our platform migration."
    )
    await declined(
        client,
        req["id"],
        "Juan Pérez",
        day(-3),
        reason_code="skills_gap",
        message=closing,
        door_open=False,
    )

    assert await follow_ups(client, day(365)) == []


async def test_the_note_ending_an_interim_engagement_is_a_keep_in_touch_follow_up(client):
    req = await requisition(client)
    juan = await person(client, "Juan Pérez")
    await ended_interim(client, req["id"], juan["id"], keep_in_touch_on=day(-2))

    [item] = await follow_ups(client)

    assert item["candidate_id"] == juan["id"]
    assert item["requisition_id"] == req["id"]
    assert item["option_id"] is None
    assert item["reason"] == "keep_in_touch"
    assert item["due_on"] == day(-2)


async def test_a_hold_is_revisited_on_its_date(client):
    req = await requisition(client)
    ana = await on_hold(client, req["id"], "Ana Silva", revisit_on=day(-4))

    [item] = await follow_ups(client)

    assert item == {
        "candidate_id": ana["candidate_id"],
        "candidate_name": "Ana Silva",
        "option_id": ana["id"],
        "requisition_id": req["id"],
        "reason": "revisit_hold",
        "due_on": day(-4),
        "note_id": None,
        "engagement_id": None,
        "checkin_number": None,
        "replacement": None,
    }


async def test_a_hold_reactivated_is_no_longer_revisited(client):
    req = await requisition(client)
    ana = await on_hold(client, req["id"], "Ana Silva", revisit_on=day(-4))
    await act(client, ana["id"], "reactivate", reason="The budget came through.")

    assert await follow_ups(client, day(365)) == []


async def test_a_runner_up_not_touched_for_14_days_needs_a_call(client):
    req = await requisition(client)
    cold = await runner_up(client, req["id"], "Ana Silva", touched_on=day(-20))
    await runner_up(client, req["id"], "Bea Ortiz", touched_on=day(-3))

    [item] = await follow_ups(client)

    assert item == {
        "candidate_id": cold["candidate_id"],
        "candidate_name": "Ana Silva",
        "option_id": cold["id"],
        "requisition_id": req["id"],
        "reason": "warm_runner_up",
        "due_on": day(-6),
        "note_id": None,
        "engagement_id": None,
        "checkin_number": None,
        "replacement": None,
    }


async def test_a_runner_up_touched_recently_is_due_when_they_would_cool(client):
    req = await requisition(client)
    await runner_up(client, req["id"], "Bea Ortiz", touched_on=day(-3))

    assert await follow_ups(client) == []
    assert summary(await follow_ups(client, day(12))) == [("Bea Ortiz", "warm_runner_up", day(11))]


async def test_a_runner_up_who_reviews_the_first_choices_work_is_back_in_touch(client):
    req = await requisition(client)
    ana = await runner_up(client, req["id"], "Ana Silva", touched_on=day(-20))
    agency = await option(client, req["id"], "Northwind", kind="agency")
    await act(client, agency["id"], "select", reason="Can cover the whole scope.")
    assert summary(await follow_ups(client)) == [("Ana Silva", "warm_runner_up", day(-6))]

    review = {"verdict": "below", "rating": 2, "reviewer_candidate_id": ana["candidate_id"]}
    await ok(await client.post(f"/v1/options/{agency['id']}/check-ins", json=review), 201)

    assert await follow_ups(client) == []
    # Besides the agency's own check-ins of the cadence, due 3 and 14 days after selection.
    assert summary(await follow_ups(client, day(15))) == [
        ("Northwind", "check_in_due", day(3)),
        ("Northwind", "check_in_due", day(14)),
        ("Ana Silva", "warm_runner_up", day(14)),
    ]


# --- due dates and touchpoints ------------------------------------------------------------------


async def test_due_before_is_exclusive(client):
    req = await requisition(client)
    await declined(client, req["id"], "Juan Pérez", keep_in_touch_on=day(10))

    assert await follow_ups(client, day(10)) == []
    assert summary(await follow_ups(client, day(11))) == [("Juan Pérez", "keep_in_touch", day(10))]


async def test_by_default_everything_due_today_or_earlier_is_listed(client):
    req = await requisition(client)
    await declined(client, req["id"], "Juan Pérez", keep_in_touch_on=day())
    await declined(client, req["id"], "Ana Silva", keep_in_touch_on=day(1))

    assert summary(await follow_ups(client)) == [("Juan Pérez", "keep_in_touch", day())]


@pytest.mark.parametrize(
    ("touched_on", "at", "cleared"),
    [
        pytest.param(-6, "23:59", False, id="the-day-before"),
        pytest.param(-5, "00:01", True, id="on-the-due-date"),
        pytest.param(-1, "12:00", True, id="after-the-due-date"),
    ],
)
async def test_a_touchpoint_on_or_after_the_due_date_clears_the_item(
    client, touched_on, at, cleared
):
    req = await requisition(client)
    juan = await declined(client, req["id"], "Juan Pérez", keep_in_touch_on=day(-5))
    ana = await on_hold(client, req["id"], "Ana Silva", revisit_on=day(-5))
    for opt in (juan, ana):
        await touch(client, opt["candidate_id"], f"{day(touched_on)}T{at}:00Z")

    listed = summary(await follow_ups(client))

    expected = [("Juan Pérez", "keep_in_touch", day(-5)), ("Ana Silva", "revisit_hold", day(-5))]
    assert sorted(listed) == ([] if cleared else sorted(expected))


async def test_a_touchpoint_with_someone_else_clears_nothing(client):
    req = await requisition(client)
    await declined(client, req["id"], "Juan Pérez", keep_in_touch_on=day(-5))
    ana = await person(client, "Ana Silva")
    await touch(client, ana["id"], f"{day()}T00:00:00Z")

    assert summary(await follow_ups(client)) == [("Juan Pérez", "keep_in_touch", day(-5))]


# --- order and pages ----------------------------------------------------------------------------


async def five_follow_ups(client) -> list[tuple[str, str, str]]:
    req = await requisition(client)
    await declined(client, req["id"], "Carla Ruiz", keep_in_touch_on=day(-1))
    await on_hold(client, req["id"], "Ana Silva", revisit_on=day(-9))
    await runner_up(client, req["id"], "Bea Ortiz", touched_on=day(-17))  # due day(-3)
    await declined(client, req["id"], "Dan Wu", keep_in_touch_on=day(-3))
    await on_hold(client, req["id"], "Eve Moss", revisit_on=day())
    return [
        ("Ana Silva", "revisit_hold", day(-9)),
        ("Dan Wu", "keep_in_touch", day(-3)),
        ("Bea Ortiz", "warm_runner_up", day(-3)),
        ("Carla Ruiz", "keep_in_touch", day(-1)),
        ("Eve Moss", "revisit_hold", day()),
    ]


async def test_follow_ups_come_soonest_first(client):
    expected = await five_follow_ups(client)

    listed = summary(await follow_ups(client))

    assert [due for _, _, due in listed] == sorted(due for _, _, due in expected)
    assert sorted(listed) == sorted(expected)


async def test_pages_serve_every_follow_up_once(client):
    expected = await five_follow_ups(client)
    everything = summary(await follow_ups(client))

    seen, cursor, pages = [], None, 0
    while True:
        params = {"limit": 2, **({"cursor": cursor} if cursor else {})}
        response = await client.get("/v1/follow-ups", params=params)
        page = await ok(response)
        pages += 1
        assert len(page["data"]) <= 2
        seen += summary(page["data"])
        cursor = page["next_cursor"]
        if cursor is None:
            break
        assert 'rel="next"' in response.headers["link"]

    assert pages == 3
    assert seen == everything
    assert sorted(seen) == sorted(expected)


async def test_pages_agree_with_one_page_when_a_candidate_has_two_notes_for_one_day(client):
    # Juan's option was declined and his interim engagement ended, each with a note to keep
    # in touch on the same day: however the list pages, it serves the same items.
    req = await requisition(client)
    juan = await declined(client, req["id"], "Juan Pérez", keep_in_touch_on=day(-2))
    await ended_interim(client, req["id"], juan["candidate_id"], keep_in_touch_on=day(-2))
    everything = await follow_ups(client)
    assert everything

    seen, cursor = [], None
    while True:
        params = {"limit": 1, **({"cursor": cursor} if cursor else {})}
        page = await ok(await client.get("/v1/follow-ups", params=params))
        seen += page["data"]
        cursor = page["next_cursor"]
        if cursor is None:
            break

    assert seen == everything


async def test_more_items_than_a_page_are_served_in_order_with_cursors(client):
    # Eight holds and four runner-ups due the same day: the candidate breaks the tie.
    req = await requisition(client)
    holds = [await on_hold(client, req["id"], f"Held {i}", revisit_on=day(-1)) for i in range(8)]
    warm = [await runner_up(client, req["id"], f"Warm {i}", touched_on=day(-15)) for i in range(4)]
    expected = [
        ("revisit_hold", o["candidate_id"]) for o in sorted(holds, key=lambda o: o["candidate_id"])
    ] + [
        ("warm_runner_up", o["candidate_id"]) for o in sorted(warm, key=lambda o: o["candidate_id"])
    ]

    seen, cursor, pages = [], None, 0
    while True:
        params = {"limit": 5, **({"cursor": cursor} if cursor else {})}
        page = await ok(await client.get("/v1/follow-ups", params=params))
        pages += 1
        seen += [(item["reason"], item["candidate_id"]) for item in page["data"]]
        assert {item["due_on"] for item in page["data"]} == {day(-1)}
        cursor = page["next_cursor"]
        if cursor is None:
            break

    assert pages == 3
    assert seen == expected


@pytest.mark.parametrize("cursor", ["garbage", "e30", "WyJvcHRpb25zIl0"])
async def test_a_cursor_the_api_did_not_issue_is_422(client, cursor):
    await five_follow_ups(client)
    response = await client.get("/v1/follow-ups", params={"cursor": cursor})
    problem = await ok(response, 422)
    assert problem["code"] == "invalid_cursor"


@pytest.mark.parametrize("due_before", ["tomorrow", "2026-02-30", "2026-13-01", "26-01-01", ""])
async def test_a_bad_due_before_is_422(client, due_before):
    response = await client.get("/v1/follow-ups", params={"due_before": due_before})
    problem = await ok(response, 422)
    assert problem["code"] == "validation_failed"


# --- who is never listed ------------------------------------------------------------------------


async def test_a_selected_candidate_is_no_longer_kept_in_touch_with(client):
    req = await requisition(client)
    juan = await declined(client, req["id"], "Juan Pérez", keep_in_touch_on=day(-2))
    assert summary(await follow_ups(client)) == [("Juan Pérez", "keep_in_touch", day(-2))]

    await act(client, juan["id"], "reactivate", reason="The agency fell through.", to="selected")

    assert kinds(await follow_ups(client, day(365))) == {"check_in_due"}


async def test_an_interim_later_selected_is_no_longer_kept_in_touch_with(client):
    req = await requisition(client)
    juan = await option_of(client, req["id"], await person(client, "Juan Pérez"))
    await ended_interim(client, req["id"], juan["candidate_id"], keep_in_touch_on=day(-2))
    assert [i["option_id"] for i in await follow_ups(client)] == [juan["id"]]

    await act(client, juan["id"], "select", reason="Proved himself as the interim.")

    assert kinds(await follow_ups(client, day(365))) == {"check_in_due"}


async def test_erased_candidates_are_never_listed(client):
    req = await requisition(client)
    options = [
        await declined(client, req["id"], "Juan Pérez", keep_in_touch_on=day(-2)),
        await on_hold(client, req["id"], "Ana Silva", revisit_on=day(-2)),
        await runner_up(client, req["id"], "Bea Ortiz", touched_on=day(-20)),
    ]
    assert len(await follow_ups(client)) == 3

    for opt in options:
        await ok(await client.delete(f"/v1/candidates/{opt['candidate_id']}"))

    assert await follow_ups(client, day(365)) == []


async def test_another_organizations_follow_ups_never_appear(client, other_tenant):
    req = await requisition(client)
    await declined(client, req["id"], "Juan Pérez", keep_in_touch_on=day(-2))
    async with other_tenant.client() as theirs:
        their_req = await requisition(theirs)
        await declined(theirs, their_req["id"], "Their Ana", keep_in_touch_on=day(-2))
        await on_hold(theirs, their_req["id"], "Their Bea", revisit_on=day(-2))
        await runner_up(theirs, their_req["id"], "Their Carla", touched_on=day(-20))

        assert len(await follow_ups(theirs)) == 3

    assert summary(await follow_ups(client, day(365))) == [("Juan Pérez", "keep_in_touch", day(-2))]


async def test_follow_ups_need_the_read_scope(tenant):
    async with tenant.client("write") as writer:
        response = await writer.get("/v1/follow-ups")
    assert response.status_code == 403
