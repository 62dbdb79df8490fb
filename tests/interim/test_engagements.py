"""Interim engagements (contract §5): someone filling the role while the decision waits."""

from datetime import date, timedelta

import pytest

from app.models.base import utcnow
from tests.story import note_for, ok, option, requisition

CURT = {"reason_code": "other", "message": "No.", "door_open": False}
DISPARAGING = {
    "reason_code": "performance",
    "message": (
        "Hi Juan Pérez, we are ending the interim role because you were lazy and clueless "
        "in every meeting."
    ),
    "door_open": False,
}


def day(offset: int = 0) -> str:
    """Today (UTC, as the app sees it) plus `offset` days, as YYYY-MM-DD."""
    return (utcnow().date() + timedelta(days=offset)).isoformat()


async def candidate(client, name: str = "Juan Pérez", kind: str = "person", **fields) -> dict:
    body = {"name": name, "kind": kind, **fields}
    return await ok(await client.post("/v1/candidates", json=body), 201)


async def engage(client, rid: str, candidate_id: str, expect: int = 201, **fields) -> dict:
    body = {"candidate_id": candidate_id, "starts_on": day(), **fields}
    return await ok(
        await client.post(f"/v1/requisitions/{rid}/interim-engagements", json=body), expect
    )


async def engagement_of(client, name: str = "Juan Pérez", **fields) -> dict:
    """A requisition and an engagement of a new candidate on it (starting today)."""
    req = await requisition(client)
    juan = await candidate(client, name)
    return await engage(client, req["id"], juan["id"], **fields)


async def get(client, engagement_id: str) -> dict:
    return await ok(await client.get(f"/v1/interim-engagements/{engagement_id}"))


async def patch(client, engagement_id: str, expect: int = 200, **fields) -> dict:
    response = await client.patch(f"/v1/interim-engagements/{engagement_id}", json=fields)
    return await ok(response, expect)


async def end(client, engagement_id: str, expect: int = 200, **body) -> dict:
    body.setdefault("end_reason", "The agency has started.")
    response = await client.post(f"/v1/interim-engagements/{engagement_id}/end", json=body)
    return await ok(response, expect)


async def events(client, type: str) -> list[dict]:
    return (await ok(await client.get("/v1/events", params={"type": type})))["data"]


async def listed(client, rid: str, **params) -> dict:
    path = f"/v1/requisitions/{rid}/interim-engagements"
    return await ok(await client.get(path, params=params))


# --- create -------------------------------------------------------------------------------------


async def test_creating_an_engagement_answers_201_with_its_location(client):
    req = await requisition(client)
    juan = await candidate(client)
    response = await client.post(
        f"/v1/requisitions/{req['id']}/interim-engagements",
        json={
            "candidate_id": juan["id"],
            "starts_on": day(),
            "ends_on": day(30),
            "scope": "Keep the deploy pipeline running until the agency can start.",
        },
    )
    engagement = await ok(response, 201)

    assert response.headers["location"] == f"/v1/interim-engagements/{engagement['id']}"
    assert response.headers["etag"] == f'"{engagement["version"]}"'
    assert engagement["requisition_id"] == req["id"]
    assert engagement["candidate_id"] == juan["id"]
    assert engagement["starts_on"] == day()
    assert engagement["ends_on"] == day(30)
    assert engagement["scope"] == "Keep the deploy pipeline running until the agency can start."
    assert engagement["end_reason"] is None
    assert await get(client, engagement["id"]) == engagement


@pytest.mark.parametrize("offset", [0, -10], ids=["today", "past"])
async def test_an_engagement_that_has_started_is_active_at_once(client, offset):
    engagement = await engagement_of(client, starts_on=day(offset))

    assert engagement["status"] == "active"
    assert (await get(client, engagement["id"]))["status"] == "active"
    [created] = await events(client, "interim.created")
    [started] = await events(client, "interim.started")
    assert created["subject"]["id"] == started["subject"]["id"] == engagement["id"]
    assert created["requisition_id"] == engagement["requisition_id"]
    assert created["data"]["candidate_id"] == engagement["candidate_id"]


async def test_an_engagement_starting_later_is_planned(client):
    engagement = await engagement_of(client, starts_on=day(7))

    assert engagement["status"] == "planned"
    assert (await get(client, engagement["id"]))["status"] == "planned"
    assert len(await events(client, "interim.created")) == 1
    assert await events(client, "interim.started") == []


async def test_an_engagement_cannot_end_before_it_starts(client):
    req = await requisition(client)
    juan = await candidate(client)

    problem = await engage(client, req["id"], juan["id"], 422, starts_on=day(5), ends_on=day(4))
    assert problem["code"] == "validation_failed"
    assert (await listed(client, req["id"]))["data"] == []


async def test_an_engagement_may_end_on_the_day_it_starts(client):
    engagement = await engagement_of(client, starts_on=day(3), ends_on=day(3))
    assert engagement["ends_on"] == engagement["starts_on"] == day(3)


@pytest.mark.parametrize("kind", ["person", "agency"])
async def test_a_person_or_an_agency_can_be_an_interim(client, kind):
    req = await requisition(client)
    interim = await candidate(client, "Northwind Staffing", kind=kind)
    engagement = await engage(client, req["id"], interim["id"])
    assert engagement["candidate_id"] == interim["id"]


async def test_the_interim_may_also_be_an_option_on_the_requisition(client):
    req = await requisition(client)
    juan_option = await option(client, req["id"], "Juan Pérez", rank=2)

    engagement = await engage(client, req["id"], juan_option["candidate_id"])

    assert engagement["candidate_id"] == juan_option["candidate_id"]
    still = await ok(await client.get(f"/v1/options/{juan_option['id']}"))
    assert still["status"] == "considering"


async def test_another_organizations_candidate_is_not_found(client, other_tenant):
    req = await requisition(client)
    async with other_tenant.client() as theirs:
        stranger = await candidate(theirs, "Their Juan")

    problem = await engage(client, req["id"], stranger["id"], 404)
    assert problem["code"] == "not_found"
    assert (await listed(client, req["id"]))["data"] == []


async def test_another_organizations_engagement_is_not_found(client, other_tenant):
    engagement = await engagement_of(client)
    async with other_tenant.client() as theirs:
        for response in (
            await theirs.get(f"/v1/interim-engagements/{engagement['id']}"),
            await theirs.patch(f"/v1/interim-engagements/{engagement['id']}", json={"scope": "x"}),
            await theirs.post(
                f"/v1/interim-engagements/{engagement['id']}/end", json={"end_reason": "x"}
            ),
        ):
            assert response.status_code == 404, response.text
    assert (await get(client, engagement["id"]))["status"] == "active"


async def test_an_erased_candidate_cannot_become_an_interim(client):
    req = await requisition(client)
    juan = await candidate(client)
    await ok(await client.delete(f"/v1/candidates/{juan['id']}"))

    problem = await engage(client, req["id"], juan["id"], 409)
    assert problem["code"] == "candidate_erased"
    assert (await listed(client, req["id"]))["data"] == []


# --- update -------------------------------------------------------------------------------------


async def test_patch_changes_dates_and_scope(client):
    engagement = await engagement_of(client, starts_on=day(5), ends_on=day(20))

    response = await client.patch(
        f"/v1/interim-engagements/{engagement['id']}",
        json={"starts_on": day(6), "ends_on": None, "scope": "Cover on-call too."},
    )
    changed = await ok(response)

    assert changed["starts_on"] == day(6)
    assert changed["ends_on"] is None
    assert changed["scope"] == "Cover on-call too."
    assert changed["status"] == "planned"
    assert changed["version"] > engagement["version"]
    assert response.headers["etag"] == f'"{changed["version"]}"'
    assert await get(client, engagement["id"]) == changed


@pytest.mark.parametrize(
    "fields",
    [
        pytest.param({"ends_on": day(4)}, id="end-before-stored-start"),
        pytest.param({"starts_on": day(21)}, id="start-after-stored-end"),
        pytest.param({"starts_on": day(8), "ends_on": day(7)}, id="both-inverted"),
    ],
)
async def test_patch_cannot_make_an_engagement_end_before_it_starts(client, fields):
    engagement = await engagement_of(client, starts_on=day(5), ends_on=day(20))

    problem = await patch(client, engagement["id"], 422, **fields)

    assert problem["code"] == "validation_failed"
    assert await get(client, engagement["id"]) == engagement


async def test_patch_to_active_starts_a_planned_engagement_now(client):
    engagement = await engagement_of(client, starts_on=day(10), ends_on=day(40))

    started = await patch(client, engagement["id"], status="active")

    assert started["status"] == "active"
    assert started["starts_on"] == day()
    assert started["ends_on"] == day(40)
    [event] = await events(client, "interim.started")
    assert event["subject"]["id"] == engagement["id"]
    listed_active = await listed(client, engagement["requisition_id"], status="active")
    assert [e["id"] for e in listed_active["data"]] == [engagement["id"]]


@pytest.mark.parametrize(
    "fields",
    [
        pytest.param({"status": "ended"}, id="end-by-patch"),
        pytest.param({"status": "planned"}, id="back-to-planned"),
        pytest.param({"status": None}, id="null-status"),
        pytest.param({"starts_on": None}, id="null-start"),
        pytest.param({"end_reason": "Done."}, id="read-only-end-reason"),
        pytest.param({"candidate_id": "00000000-0000-4000-8000-000000000000"}, id="candidate"),
    ],
)
async def test_patch_refuses_what_it_cannot_change(client, fields):
    engagement = await engagement_of(client, starts_on=day(5))

    problem = await patch(client, engagement["id"], 422, **fields)

    assert problem["code"] == "validation_failed"
    assert await get(client, engagement["id"]) == engagement


@pytest.mark.parametrize("fields", [{"scope": "More work."}, {"status": "active"}])
async def test_an_ended_engagement_cannot_change(client, fields):
    engagement = await engagement_of(client)
    ended = await end(client, engagement["id"])

    problem = await patch(client, engagement["id"], 409, **fields)

    assert problem["code"] == "engagement_ended"
    assert await get(client, engagement["id"]) == ended


# --- list ---------------------------------------------------------------------------------------


async def test_engagements_are_listed_by_status(client):
    req = await requisition(client)
    planned = await engage(
        client, req["id"], (await candidate(client, "Ana"))["id"], starts_on=day(9)
    )
    active = await engage(
        client, req["id"], (await candidate(client, "Bo"))["id"], starts_on=day(-3)
    )
    ended = await engage(client, req["id"], (await candidate(client, "Cy"))["id"])
    await end(client, ended["id"])
    elsewhere = await requisition(client, title="Data engineer")
    await engage(client, elsewhere["id"], (await candidate(client, "Di"))["id"])

    everything = await listed(client, req["id"])
    assert [e["id"] for e in everything["data"]] == [planned["id"], active["id"], ended["id"]]
    for status, expected in (("planned", planned), ("active", active), ("ended", ended)):
        page = await listed(client, req["id"], status=status)
        assert [e["id"] for e in page["data"]] == [expected["id"]], status
        assert page["data"][0]["status"] == status

    problem = await ok(
        await client.get(
            f"/v1/requisitions/{req['id']}/interim-engagements", params={"status": "paused"}
        ),
        422,
    )
    assert problem["code"] == "validation_failed"


async def test_the_list_pages_through_every_engagement_once(client):
    req = await requisition(client)
    created = [
        (await engage(client, req["id"], (await candidate(client, f"Interim {n}"))["id"]))["id"]
        for n in range(5)
    ]

    seen, cursor, pages = [], None, 0
    while True:
        params = {"limit": 2, **({"cursor": cursor} if cursor else {})}
        response = await client.get(
            f"/v1/requisitions/{req['id']}/interim-engagements", params=params
        )
        page = await ok(response)
        pages += 1
        seen += [e["id"] for e in page["data"]]
        cursor = page["next_cursor"]
        if cursor is None:
            assert "link" not in response.headers
            break
        assert 'rel="next"' in response.headers["link"]

    assert seen == created
    assert pages == 3


async def test_engagements_of_an_unknown_requisition_are_not_found(client):
    missing = "00000000-0000-4000-8000-000000000000"
    response = await client.get(f"/v1/requisitions/{missing}/interim-engagements")
    assert response.status_code == 404


# --- end ----------------------------------------------------------------------------------------


async def test_ending_an_engagement_records_why_and_when(client):
    engagement = await engagement_of(client, starts_on=day(-20), ends_on=day(30))

    ended = await end(client, engagement["id"], end_reason="The agency has started.")

    assert ended["status"] == "ended"
    assert ended["end_reason"] == "The agency has started."
    assert date.fromisoformat(ended["ends_on"]) <= utcnow().date()
    assert ended["ends_on"] >= ended["starts_on"]
    assert await get(client, engagement["id"]) == ended
    [event] = await events(client, "interim.ended")
    assert event["subject"]["id"] == engagement["id"]
    assert event["requisition_id"] == engagement["requisition_id"]


async def test_an_engagement_that_already_ended_keeps_its_end_date(client):
    engagement = await engagement_of(client, starts_on=day(-30), ends_on=day(-5))
    ended = await end(client, engagement["id"])
    assert ended["ends_on"] == day(-5)


async def test_ending_with_a_respectful_door_open_note_keeps_the_note(client):
    engagement = await engagement_of(client)
    note = note_for("Juan Pérez", keep_in_touch_on=day(60))

    ended = await end(client, engagement["id"], note=note)

    assert ended["status"] == "ended"
    [created] = await events(client, "note.created")
    assert created["requisition_id"] == engagement["requisition_id"]
    assert created["data"]["engagement_id"] == engagement["id"]
    assert created["data"]["door_open"] is True
    assert created["data"]["reason_code"] == note["reason_code"]
    [ended_event] = await events(client, "interim.ended")
    assert ended_event["data"]["note_id"] == created["subject"]["id"]


@pytest.mark.parametrize(
    ("note", "finding"),
    [(CURT, "empty_or_curt"), (DISPARAGING, "disparaging")],
    ids=["curt", "disparaging"],
)
async def test_a_disrespectful_note_refuses_the_end_and_writes_nothing(client, note, finding):
    engagement = await engagement_of(client)

    problem = await end(client, engagement["id"], 422, note=note)

    assert problem["code"] == "note_not_respectful"
    assert finding in {f["code"] for f in problem["findings"]}
    assert await get(client, engagement["id"]) == engagement
    assert await events(client, "note.created") == []
    assert await events(client, "interim.ended") == []


async def test_an_engagement_ends_only_once(client):
    engagement = await engagement_of(client)
    ended = await end(client, engagement["id"], end_reason="First.")

    problem = await end(client, engagement["id"], 409, end_reason="Second.")

    assert problem["code"] == "engagement_ended"
    assert await get(client, engagement["id"]) == ended
    assert len(await events(client, "interim.ended")) == 1


async def test_ending_needs_a_reason(client):
    engagement = await engagement_of(client)
    response = await client.post(f"/v1/interim-engagements/{engagement['id']}/end", json={})
    assert (await ok(response, 422))["code"] == "validation_failed"
    assert (await get(client, engagement["id"]))["status"] == "active"


# --- If-Match -----------------------------------------------------------------------------------


async def test_a_stale_if_match_is_refused_on_patch_and_end(client):
    engagement = await engagement_of(client, starts_on=day(5))
    stale = f'"{engagement["version"]}"'
    await patch(client, engagement["id"], scope="Changed by someone else.")
    current = await get(client, engagement["id"])
    path = f"/v1/interim-engagements/{engagement['id']}"

    for response in (
        await client.patch(path, json={"scope": "Mine."}, headers={"If-Match": stale}),
        await client.post(f"{path}/end", json={"end_reason": "x"}, headers={"If-Match": stale}),
    ):
        assert response.status_code == 412, response.text
        assert response.json()["code"] == "precondition_failed"
    assert await get(client, engagement["id"]) == current

    fresh = {"If-Match": f'"{current["version"]}"'}
    ended = await ok(await client.post(f"{path}/end", json={"end_reason": "x"}, headers=fresh))
    assert ended["status"] == "ended"


# --- erasure ------------------------------------------------------------------------------------


async def test_erasing_the_interim_clears_what_was_written_about_them(client):
    engagement = await engagement_of(client)
    await end(client, engagement["id"], end_reason="Juan kept missing the stand-ups.")

    await ok(await client.delete(f"/v1/candidates/{engagement['candidate_id']}"))

    after = await get(client, engagement["id"])
    assert after["status"] == "ended"
    assert after["end_reason"] is None
    [event] = await events(client, "interim.ended")
    assert "Juan" not in str(event["data"])
