"""Makers for the follow-up tests: options that owe someone a call, by reason."""

from datetime import timedelta

from app.models.base import utcnow
from tests.story import act, note_for, ok, option


def day(offset: int = 0) -> str:
    """Today (UTC, as the app sees it) plus `offset` days, as YYYY-MM-DD."""
    return (utcnow().date() + timedelta(days=offset)).isoformat()


async def person(client, name: str, consent: bool = True) -> dict:
    body = {"name": name, "keep_in_touch_consent": consent}
    return await ok(await client.post("/v1/candidates", json=body), 201)


async def option_of(client, rid: str, candidate: dict, **fields) -> dict:
    body = {"candidate_id": candidate["id"], **fields}
    return await ok(await client.post(f"/v1/requisitions/{rid}/options", json=body), 201)


async def declined(
    client, rid: str, name: str, keep_in_touch_on: str, consent: bool = True, **note
) -> dict:
    """An option declined with a note (door open unless overridden) to keep in touch on a
    date, for a candidate who consented to it unless `consent` is false."""
    opt = await option_of(client, rid, await person(client, name, consent))
    body = note_for(name, keep_in_touch_on=keep_in_touch_on, **note)
    return await act(client, opt["id"], "decline", note=body)


async def on_hold(client, rid: str, name: str, revisit_on: str) -> dict:
    opt = await option_of(client, rid, await person(client, name, consent=False))
    return await act(client, opt["id"], "hold", reason="No budget yet.", revisit_on=revisit_on)


async def runner_up(client, rid: str, name: str, touched_on: str | None = None) -> dict:
    opt = await option(client, rid, name)
    opt = await act(client, opt["id"], "keep-warm", reason="Strong second.")
    if touched_on is not None:
        await touch(client, opt["candidate_id"], f"{touched_on}T12:00:00Z")
    return opt


async def touch(client, candidate_id: str, occurred_at: str) -> None:
    body = {"direction": "outbound", "channel": "email", "occurred_at": occurred_at}
    await ok(await client.post(f"/v1/candidates/{candidate_id}/touchpoints", json=body), 201)


async def ended_interim(client, rid: str, candidate_id: str, keep_in_touch_on: str) -> dict:
    """An interim engagement ended with a door-open note to keep in touch on a date."""
    engagement = await ok(
        await client.post(
            f"/v1/requisitions/{rid}/interim-engagements",
            json={"candidate_id": candidate_id, "starts_on": day(-20)},
        ),
        201,
    )
    name = (await ok(await client.get(f"/v1/candidates/{candidate_id}")))["name"]
    body = {
        "end_reason": "The agency has started.",
        "note": note_for(name, keep_in_touch_on=keep_in_touch_on),
    }
    return await ok(await client.post(f"/v1/interim-engagements/{engagement['id']}/end", json=body))
