"""An option's standing (contract §5): what the candidate may be told, in plain words."""

from typing import get_args

import pytest

from app.notes.schemas import ReasonCode
from tests.options.test_actions import BODIES, PATHS
from tests.story import act, note_for, ok, option, requisition

# The manager's own words for a move: internal, never for the candidate.
SECRET = "Internal: cheaper than the agency, do not tell them"
REASON_CODES = get_args(ReasonCode)
# Codes that are not plain words ("timing" and "location" are).
INTERNAL_CODES = [code for code in REASON_CODES if "_" in code]


async def option_in(client, status: str) -> dict:
    """A new option of Sam Lee brought into `status`, every reason given being SECRET."""
    req = await requisition(client, title="Platform engineer", headcount=5)
    opt = await option(client, req["id"], "Sam Lee")
    for action in PATHS[status]:
        body = {**BODIES[action]}
        if "reason" in body:
            body["reason"] = SECRET
        opt = await act(client, opt["id"], action, **body)
    assert opt["status"] == status
    return opt


async def standing_of(client, option_id: str) -> dict:
    return await ok(await client.get(f"/v1/options/{option_id}/standing"))


def told(standing: dict) -> str:
    return " ".join(standing[k] for k in ("headline", "explanation", "next_step"))


def promises_an_open_door(text: str) -> bool:
    text = text.lower()
    return any(
        phrase in text
        for phrase in ("door stays open", "door is open", "not closed the door", "stay in touch")
    )


# Firm and respectful: the door is closed, and the message does not pretend otherwise.
CLOSING_MESSAGE = (
    "Hi Sam, thank you for your time. We decided to hire someone with more experience "
    "leading teams, because the role manages six engineers from day one."
)


@pytest.mark.parametrize("status", list(PATHS))
async def test_every_status_has_a_plain_standing(client, status):
    opt = await option_in(client, status)

    standing = await standing_of(client, opt["id"])

    assert standing["status"] == status
    for field in ("headline", "explanation", "next_step"):
        assert isinstance(standing[field], str) and standing[field].strip(), field
    assert isinstance(standing["door_open"], bool)
    assert "cheaper" not in told(standing).lower()
    if opt["status_reason"]:
        assert opt["status_reason"] not in told(standing)


async def test_on_hold_says_when_we_will_come_back(client):
    opt = await option_in(client, "on_hold")
    standing = await standing_of(client, opt["id"])
    assert BODIES["hold"]["revisit_on"] in told(standing)
    assert standing["door_open"] is True


async def test_hired_gives_the_start_date(client):
    opt = await option_in(client, "hired")
    assert BODIES["hire"]["start_date"] in told(await standing_of(client, opt["id"]))


async def test_selected_and_considering_mention_the_role(client):
    for status in ("considering", "selected"):
        opt = await option_in(client, status)
        assert "Platform engineer" in told(await standing_of(client, opt["id"]))


async def decline(client, **note) -> dict:
    req = await requisition(client, title="Platform engineer")
    opt = await option(client, req["id"], "Sam Lee")
    return await act(client, opt["id"], "decline", note=note_for("Sam", **note))


async def test_declined_with_an_open_door_says_so_and_why(client):
    opt = await decline(client, reason_code="skills_gap")

    standing = await standing_of(client, opt["id"])

    assert standing["door_open"] is True
    text = told(standing)
    assert promises_an_open_door(text)
    assert "skills" in text
    assert "skills_gap" not in text


async def test_declined_with_a_closed_door_does_not_promise_one(client):
    opt = await decline(
        client,
        reason_code="experience_level",
        door_open=False,
        message=CLOSING_MESSAGE,
    )

    standing = await standing_of(client, opt["id"])

    assert standing["door_open"] is False
    assert not promises_an_open_door(told(standing))
    assert "experience" in told(standing).lower()


async def test_a_runner_up_whose_door_was_closed_is_not_told_it_is_open(client):
    opt = await option_in(client, "runner_up")
    assert promises_an_open_door(told(await standing_of(client, opt["id"])))
    await ok(
        await client.post(
            f"/v1/options/{opt['id']}/notes",
            json={
                "reason_code": "experience_level",
                "message": CLOSING_MESSAGE,
                "door_open": False,
            },
        ),
        201,
    )

    standing = await standing_of(client, opt["id"])

    assert standing["door_open"] is False
    assert not promises_an_open_door(told(standing)), standing


@pytest.mark.parametrize("reason_code", REASON_CODES)
async def test_no_internal_reason_code_leaks_into_the_standing(client, reason_code):
    opt = await decline(client, reason_code=reason_code)
    text = told(await standing_of(client, opt["id"]))
    assert not [code for code in INTERNAL_CODES if code in text]
    assert "_" not in text


async def test_a_released_first_choice_hears_why_without_the_status_reason(client):
    req = await requisition(client, title="Platform engineer")
    opt = await option(client, req["id"], "Northwind Engineering", kind="agency")
    await act(client, opt["id"], "select", reason="Can cover the whole scope.")
    released = await act(
        client,
        opt["id"],
        "release",
        reason=SECRET,
        note=note_for("Northwind", reason_code="performance"),
    )
    assert released["status_reason"] == SECRET

    standing = await standing_of(client, opt["id"])

    assert standing["status"] == "released"
    assert SECRET not in told(standing)
    assert "cheaper" not in told(standing).lower()


async def test_an_old_no_does_not_speak_for_a_reactivated_option(client):
    req = await requisition(client)
    opt = await option(client, req["id"], "Sam Lee")
    closed = note_for("Sam", reason_code="skills_gap", door_open=False)
    closed["message"] = (
        "Hi Sam, thank you for your time. We decided not to continue because the role needs "
        "deeper Kubernetes experience than we saw."
    )
    await act(client, opt["id"], "decline", note=closed)
    await act(client, opt["id"], "reactivate", reason="The role changed.")
    await act(client, opt["id"], "keep-warm", reason="Strong second now.")

    standing = await ok(await client.get(f"/v1/options/{opt['id']}/standing"))
    assert standing["door_open"] is True
    assert "skills" not in standing["explanation"]
    bench = await ok(await client.get(f"/v1/requisitions/{req['id']}/bench"))
    assert [r["door_open"] for r in bench["runner_ups"]] == [True]
