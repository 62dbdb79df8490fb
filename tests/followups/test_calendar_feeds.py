"""Calendar feeds (contract §7): a secret, revocable URL a calendar app subscribes to without a
header, serving the organization's follow-up calendar read-only."""

import icalendar
import pytest
from sqlalchemy import text

from tests.conftest import make_client
from tests.followups.makers import day, on_hold
from tests.story import act, assert_problem, ok, requisition

FEEDS = "/v1/calendar-feeds"


async def new_feed(client, name: str = "Dana's calendar") -> dict:
    return await ok(await client.post(FEEDS, json={"name": name}), 201)


async def subscribe(app, url: str, **headers: str):
    """What a calendar app does: a GET of the URL, with no API key."""
    async with make_client(app, None, **headers) as calendar_app:
        return await calendar_app.get(url)


def events_of(response) -> dict[str, str]:
    """UID → start date of each event in a calendar response."""
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    return {str(e["uid"]): e.decoded("dtstart").isoformat() for e in calendar.walk("VEVENT")}


async def test_a_calendar_app_reads_the_follow_ups_with_the_url_alone(app, client):
    req = await requisition(client)
    await on_hold(client, req["id"], "Ana Silva", revisit_on=day(5))
    feed = await new_feed(client)

    response = await subscribe(app, feed["url"])

    assert list(events_of(response).values()) == [day(5)]
    assert "Ana Silva" in response.text
    assert feed["url"].startswith(f"{FEEDS}/cal_") and feed["url"].endswith(".ics")
    assert response.headers["etag"].startswith('"')
    assert response.headers["last-modified"].endswith("GMT")


async def test_an_unchanged_calendar_answers_304_and_a_change_a_new_etag(app, client):
    req = await requisition(client)
    ana = await on_hold(client, req["id"], "Ana Silva", revisit_on=day(5))
    feed = await new_feed(client)
    first = await subscribe(app, feed["url"])

    again = await subscribe(app, feed["url"], **{"If-None-Match": first.headers["etag"]})

    assert again.status_code == 304
    assert again.content == b""
    assert again.headers["etag"] == first.headers["etag"]

    await act(client, ana["id"], "reactivate", reason="The budget came through.")
    changed = await subscribe(app, feed["url"], **{"If-None-Match": first.headers["etag"]})
    assert events_of(changed) == {}
    assert changed.headers["etag"] != first.headers["etag"]


async def test_a_moved_due_date_moves_the_same_event(app, client):
    req = await requisition(client)
    ana = await on_hold(client, req["id"], "Ana Silva", revisit_on=day(5))
    feed = await new_feed(client)
    [(uid, on)] = events_of(await subscribe(app, feed["url"])).items()
    assert on == day(5)

    await act(client, ana["id"], "reactivate", reason="Talk again sooner.")
    await act(client, ana["id"], "hold", reason="Still no budget.", revisit_on=day(9))

    assert events_of(await subscribe(app, feed["url"])) == {uid: day(9)}
    # The authenticated calendar names it the same way.
    assert events_of(await client.get("/v1/follow-ups.ics")) == {uid: day(9)}


async def test_a_revoked_feed_answers_404(app, client):
    feed = await new_feed(client)
    assert (await subscribe(app, feed["url"])).status_code == 200

    revoked = await ok(await client.delete(f"{FEEDS}/{feed['id']}"))

    assert revoked["revoked_at"] is not None
    assert_problem(await subscribe(app, feed["url"]), 404, "not_found")
    listed = (await ok(await client.get(FEEDS)))["data"]
    assert [(f["id"], f["revoked_at"]) for f in listed] == [(feed["id"], revoked["revoked_at"])]
    assert "url" not in listed[0]


@pytest.mark.parametrize(
    "token",
    ["cal_" + "A" * 43, "cal_" + "-" * 43],
    ids=["unknown token", "another unknown token"],
)
async def test_an_unknown_token_answers_404(app, client, token):
    await new_feed(client)
    assert_problem(await subscribe(app, f"{FEEDS}/{token}.ics"), 404, "not_found")


async def test_a_feed_shows_only_its_own_organizations_follow_ups(app, client, other_tenant):
    req = await requisition(client)
    await on_hold(client, req["id"], "Ana Silva", revisit_on=day(5))
    async with other_tenant.client() as theirs:
        their_req = await requisition(theirs)
        await on_hold(theirs, their_req["id"], "Bea Ortiz", revisit_on=day(6))
        their_feed = await new_feed(theirs)

    response = await subscribe(app, their_feed["url"])

    assert list(events_of(response).values()) == [day(6)]
    assert "Ana Silva" not in response.text
    # Nor can our key see or revoke their feed.
    assert_problem(await client.get(f"{FEEDS}/{their_feed['id']}"), 404, "not_found")
    assert_problem(await client.delete(f"{FEEDS}/{their_feed['id']}"), 404, "not_found")


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE"])
async def test_the_url_is_read_only(app, client, method):
    feed = await new_feed(client)
    async with make_client(app, None) as anonymous:
        response = await anonymous.request(method, feed["url"])
    assert response.status_code == 405, response.text
    assert (await subscribe(app, feed["url"])).status_code == 200


async def test_the_token_is_stored_only_as_a_hash(client, engine):
    feed = await new_feed(client)
    token = feed["url"].removeprefix(f"{FEEDS}/").removesuffix(".ics")
    async with engine.connect() as connection:
        rows = (await connection.execute(text("SELECT * FROM calendar_feeds"))).all()
        keys = (
            await connection.execute(text("SELECT response_body FROM idempotency_records"))
        ).all()
    assert len(rows) == 1
    assert not any(token in str(value) for value in rows[0])
    assert keys == []


async def test_a_replayed_create_never_shows_the_url_again(client):
    headers = {"Idempotency-Key": "feed-1"}
    first = await client.post(FEEDS, json={"name": "Dana"}, headers=headers)
    replay = await client.post(FEEDS, json={"name": "Dana"}, headers=headers)

    assert first.status_code == replay.status_code == 201
    assert replay.headers["idempotent-replayed"] == "true"
    assert first.json()["url"] is not None
    assert replay.json() == {**first.json(), "url": None}
