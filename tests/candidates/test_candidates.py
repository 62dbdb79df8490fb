"""Candidates: create, list and search, get, patch, erase, upsert by external ref (contract §2, §6, §7)."""

import uuid

import pytest

from tests.story import assert_problem, at, events, note_for, ok

FIELDS = {
    "id",
    "created_at",
    "updated_at",
    "version",
    "kind",
    "name",
    "email",
    "phone",
    "location",
    "headline",
    "source",
    "tags",
    "available_from",
    "keep_in_touch_consent",
    "external_refs",
    "erased_at",
}

JUAN = {
    "kind": "person",
    "name": "Juan Pérez",
    "email": "juan@example.com",
    "phone": "+34 600 000 000",
    "location": "Madrid",
    "headline": "Backend engineer, ten years of payments",
    "source": "referral",
    "tags": ["python", "payments"],
    "available_from": "2026-12-01",
    "keep_in_touch_consent": True,
    "external_refs": [{"system": "greenhouse", "external_id": "69306314"}],
}

PERSONAL = ("name", "email", "phone", "location", "headline", "source")


async def new_candidate(client, **fields) -> dict:
    fields.setdefault("name", "Ana García")
    r = await client.post("/v1/candidates", json=fields)
    assert r.status_code == 201, r.text
    return r.json()


async def listed(client, **params) -> list[dict]:
    r = await client.get("/v1/candidates", params={"limit": 200, **params})
    assert r.status_code == 200, r.text
    return r.json()["data"]


# --- create / get / list -----------------------------------------------------------------------


async def test_create_with_every_field(client):
    r = await client.post("/v1/candidates", json=JUAN)
    assert r.status_code == 201, r.text
    body = r.json()
    assert r.headers["location"] == f"/v1/candidates/{body['id']}"
    assert r.headers["etag"] == '"1"'
    assert set(body) >= FIELDS
    uuid.UUID(body["id"])
    for field, value in JUAN.items():
        assert body[field] == value, field
    assert body["erased_at"] is None
    assert body["version"] == 1
    assert at(body["updated_at"]) >= at(body["created_at"])


async def test_create_with_defaults(client):
    body = await new_candidate(client, name="Ana")
    assert body["kind"] == "person"
    assert body["tags"] == []
    assert body["keep_in_touch_consent"] is False
    assert body["external_refs"] == []
    assert body["erased_at"] is None
    for field in ("email", "phone", "location", "headline", "source", "available_from"):
        assert body[field] is None


async def test_create_an_agency(client):
    body = await new_candidate(client, name="Acme Staffing", kind="agency")
    assert body["kind"] == "agency"


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"name": ""},
        {"name": "x", "kind": "robot"},
        {"name": "x", "email": "not-an-email"},
        {"name": "x", "erased_at": "2026-01-01T00:00:00Z"},
        {"name": "x", "id": str(uuid.uuid4())},
        {"name": "x", "tags": [""]},
    ],
)
async def test_create_rejects_bad_bodies(client, body):
    r = await client.post("/v1/candidates", json=body)
    assert_problem(r, 422, "validation_failed")
    assert await listed(client) == []


async def test_get_returns_what_create_returned(client):
    created = await new_candidate(client, **JUAN)
    r = await client.get(f"/v1/candidates/{created['id']}")
    assert r.status_code == 200
    assert r.json() == created


async def test_get_unknown_is_404(client):
    assert_problem(await client.get(f"/v1/candidates/{uuid.uuid4()}"), 404, "not_found")


async def test_list_oldest_first_and_by_kind(client):
    a = await new_candidate(client, name="A")
    b = await new_candidate(client, name="B", kind="agency")
    c = await new_candidate(client, name="C")
    assert await listed(client) == [a, b, c]
    assert [x["id"] for x in await listed(client, kind="agency")] == [b["id"]]
    assert [x["id"] for x in await listed(client, kind="person")] == [a["id"], c["id"]]


# --- search ------------------------------------------------------------------------------------


async def test_q_searches_name_email_and_headline_case_insensitively(client):
    juan = await new_candidate(client, name="Juan Pérez", email="jp@example.com")
    juanita = await new_candidate(client, name="JUANITA Ruiz")
    mail = await new_candidate(client, name="Someone", email="juan.else@example.org")
    headline = await new_candidate(client, name="Other", headline="Worked with Juan at Acme")
    await new_candidate(client, name="Ana", email="ana@example.com", headline="Designer")

    found = [x["id"] for x in await listed(client, q="juan")]
    assert found == [juan["id"], juanita["id"], mail["id"], headline["id"]]
    assert [x["id"] for x in await listed(client, q="JuAnItA")] == [juanita["id"]]
    assert [x["id"] for x in await listed(client, q="EXAMPLE.ORG")] == [mail["id"]]
    assert await listed(client, q="nobody-like-this") == []


async def test_q_treats_percent_and_underscore_literally(client):
    percent = await new_candidate(client, name="Percy", headline="100% remote")
    underscore = await new_candidate(client, name="snake_case fan")
    await new_candidate(client, name="Plain Name", headline="1000 remote, snakeXcase")
    await new_candidate(client, name="Backslash \\ person")

    assert [x["id"] for x in await listed(client, q="%")] == [percent["id"]]
    assert [x["id"] for x in await listed(client, q="0% r")] == [percent["id"]]
    assert [x["id"] for x in await listed(client, q="_")] == [underscore["id"]]
    assert [x["id"] for x in await listed(client, q="e_c")] == [underscore["id"]]
    assert [x["name"] for x in await listed(client, q="\\")] == ["Backslash \\ person"]


async def test_q_is_case_insensitive_beyond_ascii(client):
    elodie = await new_candidate(client, name="Élodie Durand")
    oskar = await new_candidate(client, name="ÖSKAR Åberg")
    assert [x["id"] for x in await listed(client, q="élodie")] == [elodie["id"]]
    assert [x["id"] for x in await listed(client, q="öskar åberg")] == [oskar["id"]]


async def test_q_combines_with_other_filters(client):
    person = await new_candidate(client, name="Juan")
    agency = await new_candidate(client, name="Juan's agency", kind="agency")
    assert [x["id"] for x in await listed(client, q="juan", kind="agency")] == [agency["id"]]
    assert [x["id"] for x in await listed(client, q="juan", kind="person")] == [person["id"]]


# --- patch -------------------------------------------------------------------------------------


async def test_patch_changes_only_the_fields_sent(client):
    created = await new_candidate(client, **JUAN)
    r = await client.patch(
        f"/v1/candidates/{created['id']}", json={"headline": "Staff engineer", "tags": ["go"]}
    )
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["headline"] == "Staff engineer"
    assert body["tags"] == ["go"]
    assert body["version"] == 2
    assert r.headers["etag"] == '"2"'
    assert body["created_at"] == created["created_at"]
    assert at(body["updated_at"]) > at(created["updated_at"])
    for field in FIELDS - {"headline", "tags", "version", "updated_at"}:
        assert body[field] == created[field], field
    assert (await client.get(f"/v1/candidates/{created['id']}")).json() == body


@pytest.mark.parametrize(
    "patch",
    [{}, {"name": "Juan Pérez"}, {"tags": ["python", "payments"], "available_from": "2026-12-01"}],
)
async def test_patch_without_a_real_change_keeps_the_version(client, patch):
    created = await new_candidate(client, **JUAN)
    r = await client.patch(f"/v1/candidates/{created['id']}", json=patch)
    assert r.status_code == 200, r.text
    assert r.json() == created
    assert await events(client, type="candidate.updated") == []


async def test_patch_of_fields_and_refs_together_is_one_change(client):
    created = await new_candidate(client, name="Ana")
    refs = [{"system": "lever", "external_id": "abc"}]
    r = await client.patch(
        f"/v1/candidates/{created['id']}", json={"phone": "+1 555 0100", "external_refs": refs}
    )
    assert r.status_code == 200, r.text
    assert r.json()["external_refs"] == refs
    assert r.json()["version"] == created["version"] + 1


@pytest.mark.parametrize(
    "patch", [{"name": None}, {"kind": None}, {"tags": None}, {"erased_at": None}, {"x": 1}]
)
async def test_patch_rejects_bad_bodies(client, patch):
    created = await new_candidate(client)
    r = await client.patch(f"/v1/candidates/{created['id']}", json=patch)
    assert_problem(r, 422, "validation_failed")
    assert (await client.get(f"/v1/candidates/{created['id']}")).json() == created


async def test_create_and_update_write_events_without_personal_data(client):
    created = await new_candidate(client, **JUAN)
    await client.patch(f"/v1/candidates/{created['id']}", json={"email": "new@example.com"})
    mine = [e for e in await events(client) if e["subject"]["id"] == created["id"]]
    assert [e["type"] for e in mine] == ["candidate.created", "candidate.updated"]
    for event in mine:
        assert event["subject"] == {"type": "candidate", "id": created["id"]}
        assert event["requisition_id"] is None
    assert mine[1]["data"]["changed"] == ["email"]
    assert "new@example.com" not in str(mine)


# --- erase -------------------------------------------------------------------------------------


async def _with_option(client, candidate: dict) -> dict:
    requisition = (await client.post("/v1/requisitions", json={"title": "Role"})).json()
    r = await client.post(
        f"/v1/requisitions/{requisition['id']}/options",
        json={
            "candidate_id": candidate["id"],
            "rank": 1,
            "fit_summary": "Juan knows payments inside out.",
        },
    )
    assert r.status_code == 201, r.text
    return r.json()


async def test_delete_erases_personal_data_and_keeps_the_record(client):
    candidate = await new_candidate(client, **JUAN)
    option = await _with_option(client, candidate)

    r = await client.delete(f"/v1/candidates/{candidate['id']}")
    assert r.status_code == 200, r.text
    erased = r.json()
    assert erased["id"] == candidate["id"]
    for field in PERSONAL:
        assert erased[field] is None, field
    assert erased["tags"] == []
    assert erased["erased_at"] is not None
    assert at(erased["erased_at"]) >= at(candidate["created_at"])
    assert erased["kind"] == "person"
    assert erased["version"] == candidate["version"] + 1
    assert erased["created_at"] == candidate["created_at"]

    got = await client.get(f"/v1/candidates/{candidate['id']}")
    assert got.status_code == 200
    assert got.json() == erased

    got_option = await client.get(f"/v1/options/{option['id']}")
    assert got_option.status_code == 200
    after = got_option.json()
    assert after["fit_summary"] is None
    assert after["candidate"] == {"id": candidate["id"], "kind": "person", "name": None}
    assert after["status"] == option["status"]
    assert after["rank"] == 1
    assert after["version"] == option["version"] + 1

    erase_events = await events(client, type="candidate.erased")
    assert [e["subject"] for e in erase_events] == [{"type": "candidate", "id": candidate["id"]}]


async def test_erased_data_is_gone_from_search_and_events(client):
    candidate = await new_candidate(client, **JUAN)
    await _with_option(client, candidate)
    await client.delete(f"/v1/candidates/{candidate['id']}")
    assert await listed(client, q="Juan") == []
    assert await listed(client, q="example.com") == []
    feed = (await client.get("/v1/events", params={"limit": 200})).text
    for value in ("Juan", "juan@example.com", "600 000 000", "Madrid", "payments inside out"):
        assert value not in feed
    listed_ids = [c["id"] for c in await listed(client)]
    assert listed_ids == [candidate["id"]]


async def test_patch_after_erase_is_409(client):
    candidate = await new_candidate(client, **JUAN)
    await client.delete(f"/v1/candidates/{candidate['id']}")
    r = await client.patch(f"/v1/candidates/{candidate['id']}", json={"name": "Juan again"})
    assert_problem(r, 409, "candidate_erased")
    assert (await client.get(f"/v1/candidates/{candidate['id']}")).json()["name"] is None


async def test_upsert_of_an_erased_candidate_does_not_bring_the_data_back(client):
    url = "/v1/candidates/by-external-ref/greenhouse/123"
    created = (await client.put(url, json={"name": "Juan", "email": "juan@example.com"})).json()
    await client.delete(f"/v1/candidates/{created['id']}")
    r = await client.put(url, json={"name": "Juan", "email": "juan@example.com"})
    assert_problem(r, 409, "candidate_erased")
    got = (await client.get(f"/v1/candidates/{created['id']}")).json()
    assert got["name"] is None
    assert got["email"] is None


async def test_erasing_twice_changes_nothing(client):
    candidate = await new_candidate(client, **JUAN)
    first = (await client.delete(f"/v1/candidates/{candidate['id']}")).json()
    r = await client.delete(f"/v1/candidates/{candidate['id']}")
    assert r.status_code == 200
    assert r.json() == first
    assert len(await events(client, type="candidate.erased")) == 1


async def test_erase_unknown_is_404(client):
    assert_problem(await client.delete(f"/v1/candidates/{uuid.uuid4()}"), 404, "not_found")


# --- external refs -----------------------------------------------------------------------------


async def test_upsert_by_external_ref_creates_then_replaces(client):
    url = "/v1/candidates/by-external-ref/greenhouse/123"
    first = await client.put(
        url, json={"name": "Juan", "email": "juan@example.com", "tags": ["python"]}
    )
    assert first.status_code == 201, first.text
    created = first.json()
    assert first.headers["location"] == f"/v1/candidates/{created['id']}"
    assert created["external_refs"] == [{"system": "greenhouse", "external_id": "123"}]

    second = await client.put(url, json={"name": "Juan Pérez", "phone": "+34 600"})
    assert second.status_code == 200, second.text
    replaced = second.json()
    assert replaced["id"] == created["id"]
    assert replaced["name"] == "Juan Pérez"
    assert replaced["phone"] == "+34 600"
    assert replaced["email"] is None  # the body replaces, it does not merge
    assert replaced["tags"] == []
    assert replaced["external_refs"] == [{"system": "greenhouse", "external_id": "123"}]
    assert replaced["version"] == created["version"] + 1
    assert replaced["created_at"] == created["created_at"]

    assert [c["id"] for c in await listed(client)] == [created["id"]]
    types = [e["type"] for e in await events(client) if e["subject"]["id"] == created["id"]]
    assert types == ["candidate.created", "candidate.updated"]


async def test_upsert_with_the_same_body_changes_nothing(client):
    url = "/v1/candidates/by-external-ref/lever/abc"
    created = (await client.put(url, json={"name": "Ana"})).json()
    r = await client.put(url, json={"name": "Ana"})
    assert r.status_code == 200
    assert r.json() == created


async def test_list_filters_by_external_ref(client):
    gh = (
        await client.put("/v1/candidates/by-external-ref/greenhouse/123", json={"name": "A"})
    ).json()
    lever = (
        await client.put("/v1/candidates/by-external-ref/lever/123", json={"name": "B"})
    ).json()
    await new_candidate(client, name="C")
    both = [gh["id"], lever["id"]]
    assert [c["id"] for c in await listed(client, external_system="greenhouse")] == [gh["id"]]
    assert [
        c["id"] for c in await listed(client, external_system="greenhouse", external_id="123")
    ] == [gh["id"]]
    assert [c["id"] for c in await listed(client, external_id="123")] == both
    assert await listed(client, external_system="greenhouse", external_id="124") == []
    assert await listed(client, external_system="workday") == []


async def test_external_ref_taken_is_409(client):
    holder = (
        await client.put("/v1/candidates/by-external-ref/greenhouse/123", json={"name": "Juan"})
    ).json()
    other = await new_candidate(client, name="Ana")
    ref = {"system": "greenhouse", "external_id": "123"}

    r = await client.patch(f"/v1/candidates/{other['id']}", json={"external_refs": [ref]})
    assert_problem(r, 409, "external_ref_taken")
    r = await client.post("/v1/candidates", json={"name": "Dup", "external_refs": [ref]})
    assert_problem(r, 409, "external_ref_taken")
    r = await client.put(
        "/v1/candidates/by-external-ref/greenhouse/456",
        json={"name": "Dup", "external_refs": [ref]},
    )
    assert_problem(r, 409, "external_ref_taken")

    assert [c["id"] for c in await listed(client)] == [holder["id"], other["id"]]
    assert (await client.get(f"/v1/candidates/{other['id']}")).json()["external_refs"] == []


async def test_refs_are_per_resource_type(client):
    candidate = (
        await client.put("/v1/candidates/by-external-ref/greenhouse/7", json={"name": "Juan"})
    ).json()
    requisition = await client.put(
        "/v1/requisitions/by-external-ref/greenhouse/7", json={"title": "R"}
    )
    assert requisition.status_code == 201, requisition.text
    assert candidate["id"] != requisition.json()["id"]


async def test_updated_after_filter(client):
    a = await new_candidate(client, name="A")
    b = await new_candidate(client, name="B")
    c = await new_candidate(client, name="C")
    changed = (await client.patch(f"/v1/candidates/{a['id']}", json={"phone": "1"})).json()
    assert [x["id"] for x in await listed(client, updated_after=b["updated_at"])] == [
        a["id"],
        c["id"],
    ]
    assert await listed(client, updated_after=changed["updated_at"]) == []


async def test_updated_after_needs_an_offset(client):
    r = await client.get("/v1/candidates", params={"updated_after": "2026-01-01T00:00:00"})
    assert_problem(r, 422, "validation_failed")


@pytest.mark.parametrize("instant", ["0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-01:00"])
async def test_updated_after_out_of_range_is_422(client, instant):
    r = await client.get("/v1/candidates", params={"updated_after": instant})
    assert_problem(r, 422, "validation_failed")


async def test_erasure_clears_their_name_on_check_ins_they_reviewed(client):
    req = await ok(await client.post("/v1/requisitions", json={"title": "Role"}), 201)
    agency = await new_candidate(client, name="Northwind", kind="agency")
    juan = await new_candidate(client, name="Juan Pérez")
    option = await ok(
        await client.post(
            f"/v1/requisitions/{req['id']}/options", json={"candidate_id": agency["id"]}
        ),
        201,
    )
    await ok(await client.post(f"/v1/options/{option['id']}/select", json={"reason": "Best."}))
    await ok(
        await client.post(
            f"/v1/options/{option['id']}/check-ins",
            json={
                "verdict": "below",
                "rating": 2,
                "reviewer_name": "Juan Pérez",
                "reviewer_candidate_id": juan["id"],
            },
        ),
        201,
    )
    await ok(await client.delete(f"/v1/candidates/{juan['id']}"))
    checkins = await ok(await client.get(f"/v1/options/{option['id']}/check-ins"))
    assert [c["reviewer_name"] for c in checkins["data"]] == [None]
    assert "Juan" not in str(checkins)


async def test_erasure_reaches_responses_stored_for_idempotent_retries(client):
    """Every POST that answered with the person's data, replayed after the erasure, gives
    none of it back, and still runs only once."""
    juan = {"name": "Juan Pérez", "email": "juan@example.com", "phone": "+34 600 000 000"}
    secrets = ["Juan", "juan@example.com", "+34 600", "sick daughter", "over coffee", "Lisbon"]
    req = await ok(await client.post("/v1/requisitions", json={"title": "Role"}), 201)
    template = await ok(
        await client.post(
            "/v1/note-templates",
            json={
                "name": "warm",
                "kind": "update",
                "reason_code": "timing",
                "body": "Hi {candidate_name}, thank you, we will be in touch.",
            },
        ),
        201,
    )
    posts: list[tuple[str, dict]] = []

    async def post(path: str, body: dict) -> dict:
        key = f"erase-{len(posts)}"
        response = await client.post(path, json=body, headers={"Idempotency-Key": key})
        posts.append((path, body))
        return await ok(response, response.status_code)

    candidate = await post("/v1/candidates", juan)
    option = await post(
        f"/v1/requisitions/{req['id']}/options",
        {"candidate_id": candidate["id"], "fit_summary": "Ran the Lisbon office."},
    )
    await post(f"/v1/options/{option['id']}/select", {"reason": "Best fit."})
    await post(
        f"/v1/options/{option['id']}/check-ins",
        {"verdict": "meets", "rating": 3, "notes": "Juan is settling in."},
    )
    await post(f"/v1/options/{option['id']}/release", {"reason": "Left for his sick daughter."})
    await post(f"/v1/options/{option['id']}/notes", note_for("Juan"))
    await post(
        f"/v1/candidates/{candidate['id']}/touchpoints",
        {"direction": "outbound", "channel": "call", "summary": "Talked with Juan over coffee."},
    )
    await post(f"/v1/note-templates/{template['id']}/render", {"option_id": option["id"]})

    await ok(await client.delete(f"/v1/candidates/{candidate['id']}"))

    for i, (path, body) in enumerate(posts):
        replay = await client.post(path, json=body, headers={"Idempotency-Key": f"erase-{i}"})
        assert replay.headers["idempotent-replayed"] == "true", (path, replay.text)
        assert not [s for s in secrets if s in replay.text], (path, replay.text)
    assert len((await ok(await client.get("/v1/candidates")))["data"]) == 1
    feed = await events(client)
    assert not [s for s in secrets if s in str(feed)], feed
