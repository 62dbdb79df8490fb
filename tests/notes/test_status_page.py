"""The candidate status page `/c/{token}` through HTTP, opened from the link in a real email:
what it shows (and does not), its answers, and links that do not work."""

from datetime import timedelta
from typing import Any

import httpx

from app.models.base import utcnow
from tests.conftest import make_client
from tests.notes.smtp import LINK, person, smtp_server
from tests.story import act, ok, requisition
from tests.webhooks.helpers import deliver

BASE = "http://127.0.0.1:8000"


async def status_link(
    client: httpx.AsyncClient, app: Any, **settings: Any
) -> tuple[str, dict[str, Any]]:
    """Hold an option of Zoë's with a delivered note; the page's path and the option."""
    req = await requisition(client, title="Data engineer")
    opt = await person(client, req["id"], keep_in_touch_consent=True)
    # Someone else on the same requisition, with internal remarks the page must not show.
    other = await person(client, req["id"], name="Bo Chen", email="bo@example.org")
    await ok(await client.patch(f"/v1/options/{other['id']}", json={"fit_summary": "Sharp SQL."}))
    await act(
        client,
        opt["id"],
        "hold",
        reason="Internal: budget freeze until Q2.",
        revisit_on="2027-04-01",
        note={
            "reason_code": "timing",
            "message": "Hi Zoë, we have paused this role until spring because of timing. "
            "We would like to come back to you then.",
            "deliver": True,
            "send_after": utcnow().isoformat(),
        },
    )
    with smtp_server() as inbox:
        assert await deliver(app, smtp_url=inbox.url, **settings) == 1
    body = inbox.received[0].message.get_body(preferencelist=("plain",))
    assert body is not None
    [link] = LINK.findall(body.get_content())
    return link.removeprefix(BASE), opt


async def test_the_page_shows_standing_reason_and_door_and_nothing_internal(client, app):
    path, _ = await status_link(client, app)
    async with make_client(app, None) as browser:
        page = await browser.get(path)
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert page.headers["referrer-policy"] == "no-referrer"
    assert page.headers["cache-control"] == "no-store"
    html = page.text
    assert '<html lang="en">' in html and "<main>" in html
    assert "Your application for Data engineer" in html
    assert "Not now — and not a no" in html  # the standing rules' headline
    assert "we have paused this role until spring" in html  # the note's reason
    assert "The door is open" in html
    # A form that works without JavaScript, every control labelled.
    assert '<form method="post">' in html and "<script" not in html
    assert html.count("<label") == 4 and 'for="available_from"' in html
    for secret in ("Bo Chen", "Sharp SQL", "budget freeze", "Internal"):
        assert secret not in html


async def test_answers_are_touchpoints_and_dont_contact_withdraws_consent(client, app):
    path, opt = await status_link(client, app)
    candidate_url = f"/v1/candidates/{opt['candidate_id']}"
    async with make_client(app, None) as browser:
        answered = await browser.post(path, data={"answer": "still_interested"})
        assert answered.status_code == 303
        assert answered.headers["location"] == f"{path}?answered=1"
        thanks = await browser.get(answered.headers["location"])
        assert "Thank you: we have your answer." in thanks.text

        dated = await browser.post(
            path, data={"answer": "available_from", "available_from": "2027-03-01"}
        )
        assert dated.status_code == 303
        assert (await ok(await client.get(candidate_url)))["available_from"] == "2027-03-01"

        missing = await browser.post(path, data={"answer": "available_from"})
        assert missing.status_code == 422
        assert "Please give the date you are available from." in missing.text
        nonsense = await browser.post(path, data={"answer": "hire me now"})
        assert nonsense.status_code == 422

        assert (await ok(await client.get(candidate_url)))["keep_in_touch_consent"] is True
        pending = await ok(
            await client.post(
                f"/v1/options/{opt['id']}/notes",
                json={
                    "reason_code": "timing",
                    "message": "Hi Zoë, a short update: we are still deciding.",
                    "deliver": True,
                },
            ),
            201,
        )
        stop = await browser.post(path, data={"answer": "do_not_contact"})
        assert stop.status_code == 303
    assert (await ok(await client.get(candidate_url)))["keep_in_touch_consent"] is False
    # Nothing more is emailed to them.
    note = await ok(await client.get(f"/v1/notes/{pending['id']}"))
    assert note["delivery"]["status"] == "cancelled"
    touchpoints = (await ok(await client.get(f"{candidate_url}/touchpoints")))["data"]
    assert [(t["direction"], t["summary"]) for t in touchpoints] == [
        ("inbound", "Answered on the status page: still interested."),
        ("inbound", "Answered on the status page: available from 2027-03-01."),
        ("inbound", "Answered on the status page: please don't contact me."),
    ]


async def test_unknown_expired_and_erased_links_are_404_pages(client, app):
    async with make_client(app, None) as browser:
        unknown = await browser.get("/c/not-a-real-token")
        assert unknown.status_code == 404
        assert unknown.headers["content-type"].startswith("text/html")
        assert (
            await browser.post("/c/not-a-real-token", data={"answer": "still_interested"})
        ).status_code == 404

        expired, _ = await status_link(client, app, status_link_ttl=timedelta(seconds=-1))
        assert (await browser.get(expired)).status_code == 404

        path, opt = await status_link(client, app)
        assert (await browser.get(path)).status_code == 200
        await client.delete(f"/v1/candidates/{opt['candidate_id']}")
        assert (await browser.get(path)).status_code == 404


def test_the_page_is_not_part_of_the_json_api(app):
    assert not any(path.startswith("/c/") for path in app.openapi()["paths"])
