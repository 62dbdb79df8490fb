"""Notes of an option and the respect-check preview (contract §4), through HTTP."""

from datetime import UTC, datetime, timedelta

import pytest

from tests.story import note_for, ok, option, requisition

# Respectful, with a reason and an open door, but addressed to nobody.
UNNAMED = {
    "reason_code": "chose_another_candidate",
    "message": (
        "Thank you for the time you gave us. We chose another candidate because their "
        "experience matched this role more closely. I'd like to stay in touch and will reach "
        "out when a similar role opens."
    ),
    "door_open": True,
}


async def sam_option(client) -> dict:
    req = await requisition(client)
    return await option(client, req["id"], "Sam Lee")


async def notes_of(client, option_id: str) -> list[dict]:
    return (await ok(await client.get(f"/v1/options/{option_id}/notes")))["data"]


async def all_events(client) -> list[dict]:
    return (await ok(await client.get("/v1/events", params={"limit": 200})))["data"]


def codes(findings: list[dict]) -> set[str]:
    return {f["code"] for f in findings}


async def test_a_note_is_an_update_about_the_options_candidate(client):
    opt = await sam_option(client)
    response = await client.post(f"/v1/options/{opt['id']}/notes", json=note_for("Sam"))
    note = await ok(response, 201)

    assert response.headers["location"].endswith(f"/v1/notes/{response.json()['id']}")
    assert note["kind"] == "update"
    assert note["option_id"] == opt["id"]
    assert note["candidate_id"] == opt["candidate_id"]
    assert note["reason_code"] == "chose_another_candidate"
    assert note["message"] == note_for("Sam")["message"]
    assert note["door_open"] is True
    assert note["keep_in_touch_on"] is None
    assert note["respect_findings"] == []
    assert note["version"] == 1
    created = datetime.fromisoformat(note["created_at"])
    assert abs(datetime.now(UTC) - created) < timedelta(minutes=1)
    assert note["updated_at"] == note["created_at"]

    [event] = [e for e in await all_events(client) if e["type"] == "note.created"]
    assert event["subject"] == {"type": "note", "id": note["id"]}
    assert event["requisition_id"] == opt["requisition_id"]


async def test_warnings_are_kept_on_the_saved_note(client):
    opt = await sam_option(client)
    note = await ok(await client.post(f"/v1/options/{opt['id']}/notes", json=UNNAMED), 201)

    assert codes(note["respect_findings"]) == {"impersonal"}
    [finding] = note["respect_findings"]
    assert finding["severity"] == "warning" and finding["detail"]
    [listed] = await notes_of(client, opt["id"])
    assert listed["respect_findings"] == note["respect_findings"]


@pytest.mark.parametrize(
    ("message", "code"),
    [
        pytest.param("No.", "empty_or_curt", id="curt"),
        pytest.param("", "empty_or_curt", id="empty"),
        pytest.param(
            "Hi Sam, you seemed clueless about our stack, so we chose another candidate.",
            "disparaging",
            id="disparaging",
        ),
    ],
)
async def test_a_disrespectful_note_is_refused_and_nothing_is_saved(client, message, code):
    opt = await sam_option(client)
    before = await all_events(client)

    response = await client.post(
        f"/v1/options/{opt['id']}/notes",
        json={"reason_code": "skills_gap", "message": message},
    )

    problem = await ok(response, 422)
    assert response.headers["content-type"].startswith("application/problem+json")
    assert problem["code"] == "note_not_respectful"
    assert code in codes(problem["findings"])
    assert all({"code", "severity", "detail"} <= f.keys() for f in problem["findings"])
    assert await notes_of(client, opt["id"]) == []
    assert await all_events(client) == before


async def test_notes_are_listed_oldest_first(client):
    opt = await sam_option(client)
    sent = []
    for reason_code in ("timing", "skills_gap", "location"):
        note = note_for("Sam", reason_code=reason_code)
        sent.append(
            (await ok(await client.post(f"/v1/options/{opt['id']}/notes", json=note), 201))["id"]
        )

    assert [n["id"] for n in await notes_of(client, opt["id"])] == sent


async def test_keep_in_touch_on_round_trips(client):
    opt = await sam_option(client)
    note = await ok(
        await client.post(
            f"/v1/options/{opt['id']}/notes",
            json=note_for("Sam", keep_in_touch_on="2027-03-01"),
        ),
        201,
    )
    assert note["keep_in_touch_on"] == "2027-03-01"
    [listed] = await notes_of(client, opt["id"])
    assert listed["keep_in_touch_on"] == "2027-03-01"


@pytest.mark.parametrize("reason_code", ["cheaper_elsewhere", "SKILLS_GAP", "", None])
async def test_an_unknown_reason_code_is_422(client, reason_code):
    opt = await sam_option(client)
    problem = await ok(
        await client.post(
            f"/v1/options/{opt['id']}/notes",
            json=note_for("Sam", reason_code=reason_code),
        ),
        422,
    )
    assert problem["code"] == "validation_failed"
    assert [e["loc"] for e in problem["errors"]] == [["body", "reason_code"]]
    assert await notes_of(client, opt["id"]) == []


# --- POST /v1/notes/check ----------------------------------------------------------------------


async def check(client, **body) -> dict:
    return await ok(await client.post("/v1/notes/check", json=body))


async def test_check_answers_findings_and_saves_nothing(client):
    await sam_option(client)
    before = await all_events(client)

    curt = await check(client, reason_code="other", message="Not interested")
    assert "empty_or_curt" in codes(curt["findings"])
    assert {f["severity"] for f in curt["findings"] if f["code"] == "empty_or_curt"} == {"error"}

    fine = await check(client, **note_for("Sam"), candidate_name="Sam Lee")
    assert fine == {"findings": []}

    assert await all_events(client) == before


async def test_check_warns_when_the_door_is_open_but_the_message_does_not_say_so(client):
    message = (
        "Hi Sam, thank you for your time. We chose another candidate because their experience "
        "matched this role more closely."
    )
    open_door = await check(client, reason_code="chose_another_candidate", message=message)
    assert codes(open_door["findings"]) == {"door_not_open"}
    closed = await check(
        client, reason_code="chose_another_candidate", message=message, door_open=False
    )
    assert closed["findings"] == []


async def test_candidate_name_decides_whether_the_message_is_impersonal(client):
    greeting_sam = note_for("Sam")
    # A greeting with a name reads as personal when the check does not know the name...
    assert "impersonal" not in codes((await check(client, **greeting_sam))["findings"])
    # ...but not when it is addressed to someone else.
    wrong = await check(client, **greeting_sam, candidate_name="Juan Pérez")
    assert "impersonal" in codes(wrong["findings"])

    # No greeting: the name in the text counts only once the check knows it.
    named_in_text = {**UNNAMED, "message": "Juan, t" + UNNAMED["message"][1:]}
    assert "impersonal" in codes((await check(client, **named_in_text))["findings"])
    known = await check(client, **named_in_text, candidate_name="Juan Pérez")
    assert "impersonal" not in codes(known["findings"])


async def test_check_validates_its_body_like_a_note(client):
    problem = await ok(
        await client.post(
            "/v1/notes/check", json={"reason_code": "because", "message": "Hi Sam, thanks."}
        ),
        422,
    )
    assert problem["code"] == "validation_failed"
