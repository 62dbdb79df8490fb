"""The follow-up calendar feed (contract §5): the same items as `GET /v1/follow-ups`, as RFC 5545."""

from datetime import date, datetime

import icalendar
import pytest

from tests.conftest import make_client
from tests.followups.makers import day, declined, ended_interim, on_hold, runner_up
from tests.story import act, ok, requisition

CALENDAR = "/v1/follow-ups.ics"


async def calendar(client, **params) -> icalendar.Calendar:
    response = await client.get(CALENDAR, params=params)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/calendar")
    return icalendar.Calendar.from_ical(response.content)


async def follow_ups(client, due_before: str) -> list[dict]:
    page = await ok(await client.get("/v1/follow-ups", params={"due_before": due_before}))
    assert page["next_cursor"] is None
    return page["data"]


def all_day(event: icalendar.Event) -> date:
    start = event.decoded("dtstart")
    assert isinstance(start, date) and not isinstance(start, datetime), start
    return start


async def three_follow_ups(client) -> None:
    req = await requisition(client)
    await declined(client, req["id"], "Juan Pérez", keep_in_touch_on=day(-2))
    await on_hold(client, req["id"], "Ana Silva", revisit_on=day(5))
    await runner_up(client, req["id"], "Bea Ortiz", touched_on=day(-20))


async def test_the_feed_is_a_valid_calendar(client):
    await three_follow_ups(client)

    feed = await calendar(client, due_before=day(30))

    assert feed.name == "VCALENDAR"
    assert str(feed["version"]) == "2.0"
    assert str(feed["prodid"]).strip()
    assert len(feed.walk("VEVENT")) == 3


async def test_one_all_day_event_per_follow_up(client):
    await three_follow_ups(client)
    # Outside the window: not in the JSON list, so not in the calendar either.
    req = await requisition(client, title="Data engineer")
    await on_hold(client, req["id"], "Late Larry", revisit_on=day(40))
    items = await follow_ups(client, day(30))

    events = (await calendar(client, due_before=day(30))).walk("VEVENT")

    assert len(events) == len(items) == 3
    assert len({str(e["uid"]) for e in events}) == len(events)
    by_day = sorted((all_day(e), str(e["summary"])) for e in events)
    for item, (on, summary) in zip(sorted(items, key=lambda i: i["due_on"]), by_day, strict=True):
        assert on.isoformat() == item["due_on"]
        assert item["candidate_name"] in summary


async def test_names_with_commas_semicolons_and_accents_survive(client):
    req = await requisition(client)
    name = "Pérez, Juan; Jr."
    await declined(client, req["id"], name, keep_in_touch_on=day(-1))
    assert [i["candidate_name"] for i in await follow_ups(client, day(1))] == [name]

    [event] = (await calendar(client, due_before=day(1))).walk("VEVENT")

    assert name in str(event["summary"])
    assert all_day(event).isoformat() == day(-1)


@pytest.mark.parametrize(
    ("declined_for", "interim_for"), [(20, 10), (10, 10)], ids=["two-days", "same-day"]
)
async def test_a_candidate_with_two_notes_gets_distinct_events(client, declined_for, interim_for):
    # Juan's option was declined with a note to keep in touch, and his interim engagement
    # ended with another: one event per follow-up, and a calendar needs unique UIDs.
    req = await requisition(client)
    juan = await declined(client, req["id"], "Juan Pérez", keep_in_touch_on=day(declined_for))
    await ended_interim(client, req["id"], juan["candidate_id"], keep_in_touch_on=day(interim_for))
    items = await follow_ups(client, day(30))

    events = (await calendar(client, due_before=day(30))).walk("VEVENT")

    assert len(events) == len(items)
    assert len({str(e["uid"]) for e in events}) == len(events)
    assert sorted(all_day(e).isoformat() for e in events) == sorted(i["due_on"] for i in items)


async def test_a_selected_candidate_leaves_the_calendar_until_their_check_ins(client):
    req = await requisition(client)
    juan = await declined(client, req["id"], "Juan Pérez", keep_in_touch_on=day(-2))
    assert len((await calendar(client, due_before=day(30))).walk("VEVENT")) == 1

    await act(client, juan["id"], "reactivate", reason="The agency fell through.", to="selected")

    # Not kept in touch with any more: checked in on, 3 and 14 days after his selection.
    events = (await calendar(client, due_before=day(30))).walk("VEVENT")
    assert [(str(e["summary"]), all_day(e).isoformat()) for e in events] == [
        ("Check-in 1 on Juan Pérez", day(3)),
        ("Check-in 2 on Juan Pérez", day(14)),
    ]


async def test_by_default_the_feed_shows_what_is_coming_up(client):
    req = await requisition(client)
    await on_hold(client, req["id"], "Ana Silva", revisit_on=day(7))

    [event] = (await calendar(client)).walk("VEVENT")

    assert all_day(event).isoformat() == day(7)
    assert "Ana Silva" in str(event["summary"])


async def test_an_empty_calendar_is_still_a_valid_calendar(client):
    feed = await calendar(client, due_before=day(30))

    assert str(feed["version"]) == "2.0"
    assert str(feed["prodid"]).strip()
    assert feed.walk("VEVENT") == []


async def test_another_organizations_follow_ups_stay_off_the_feed(client, other_tenant):
    async with other_tenant.client() as theirs:
        await three_follow_ups(theirs)
        assert len((await calendar(theirs, due_before=day(30))).walk("VEVENT")) == 3

    assert (await calendar(client, due_before=day(30))).walk("VEVENT") == []


async def test_the_feed_needs_an_api_key(app):
    async with make_client(app, None) as anonymous:
        response = await anonymous.get(CALENDAR)
    assert response.status_code == 401
    assert response.headers["www-authenticate"].startswith("Bearer")
    assert response.json()["code"] == "unauthorized"


async def test_a_bad_due_before_is_422(client):
    response = await client.get(CALENDAR, params={"due_before": "next week"})
    assert (await ok(response, 422))["code"] == "validation_failed"
