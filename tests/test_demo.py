"""`shortlist demo` (contract §8) loads the contract §1 story. Always on a temporary SQLite file, like
tests/test_cli.py: the command migrates and writes its own database.

The CLI runs `asyncio.run` itself, so these tests are synchronous.
"""

import asyncio
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from conftest import make_client

from app import cli
from app.config import Settings, get_settings
from app.main import create_app
from app.models.base import utcnow


@pytest.fixture
def demo_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    url = f"sqlite+aiosqlite:///{tmp_path}/demo.db"
    monkeypatch.setenv("SHORTLIST_DATABASE_URL", url)
    get_settings.cache_clear()
    yield url
    get_settings.cache_clear()


def run_demo(capsys: pytest.CaptureFixture[str]) -> str:
    cli.main(["demo"])
    return capsys.readouterr().out


def default_org_key(capsys: pytest.CaptureFixture[str]) -> str:
    """A read key for organization `default`, where the demo loads its story."""
    cli.main(["keys", "create", "--org", "default", "--scopes", "read"])
    return capsys.readouterr().out.splitlines()[-1]


def read(url: str, key: str, *paths: str) -> list[dict]:
    """GET each path from a fresh app on `url`; every answer must be 200."""

    async def run() -> list[dict]:
        app = create_app(Settings(database_url=url))
        try:
            async with make_client(app, key) as client:
                responses = [await client.get(path) for path in paths]
        finally:
            await app.state.db.engine.dispose()
        for response in responses:
            assert response.status_code == 200, response.text
        return [response.json() for response in responses]

    return asyncio.run(run())


def the_story(url: str, key: str) -> tuple[dict, list[dict]]:
    """The demo's one requisition and its options."""
    [requisitions] = read(url, key, "/v1/requisitions?limit=200")
    [requisition] = requisitions["data"]
    [options] = read(url, key, f"/v1/requisitions/{requisition['id']}/options?limit=200")
    return requisition, options["data"]


def test_demo_prints_what_it_made(demo_database, capsys):
    out = run_demo(capsys)
    requisition, options = the_story(demo_database, default_org_key(capsys))

    assert requisition["id"] in out
    assert len(options) == 3
    for opt in options:
        assert opt["id"] in out


def test_running_the_demo_twice_makes_nothing_new(demo_database, capsys):
    run_demo(capsys)
    key = default_org_key(capsys)
    before = read(demo_database, key, "/v1/requisitions", "/v1/candidates", "/v1/events?limit=200")

    again = run_demo(capsys)

    assert "already" in again.lower()
    after = read(demo_database, key, "/v1/requisitions", "/v1/candidates", "/v1/events?limit=200")
    assert after == before
    _, options = the_story(demo_database, key)
    assert len(options) == 3


def test_the_demo_tells_the_story_of_spec_section_1(demo_database, capsys):
    out = run_demo(capsys)
    key = default_org_key(capsys)
    requisition, options = the_story(demo_database, key)
    by_status = {opt["status"]: opt for opt in options}

    # The agency started three days ago, failed its day-3 check-in, and was let go.
    agency = by_status["released"]
    assert agency["candidate"]["kind"] == "agency"
    [check_ins] = read(demo_database, key, f"/v1/options/{agency['id']}/check-ins")
    assert [c["verdict"] for c in check_ins["data"]] == ["failing"]

    # Juan, the runner-up kept warm, was called and hired in its place, to start in a week.
    juan = by_status["hired"]
    assert juan["candidate"]["name"] == "Juan Pérez"
    assert juan["at_risk"] is False
    juan_starts = utcnow().date() + timedelta(days=7)
    assert date.fromisoformat(juan["start_date"]) == juan_starts

    not_now = by_status["on_hold"]
    assert not_now["revisit_on"] is not None
    [notes] = read(demo_database, key, f"/v1/options/{not_now['id']}/notes")
    assert [n["kind"] for n in notes["data"]] == ["not_now"]

    # The call with Juan cleared the call to make; his check-ins count from his start.
    [bench] = read(demo_database, key, f"/v1/requisitions/{requisition['id']}/bench")
    assert "first_choice_at_risk" not in bench["flags"]
    [check_in] = bench["check_ins"]
    first_check_in = (juan_starts + timedelta(days=3)).isoformat()
    assert (check_in["option_id"], check_in["next_check_in_on"]) == (juan["id"], first_check_in)
    past_it = (juan_starts + timedelta(days=4)).isoformat()
    [follow_ups] = read(demo_database, key, f"/v1/follow-ups?due_before={past_it}")
    assert "call_runner_up" not in {f["reason"] for f in follow_ups["data"]}
    [due] = [f for f in follow_ups["data"] if f["reason"] == "check_in_due"]
    assert (due["option_id"], due["due_on"]) == (juan["id"], first_check_in)

    # From the agency's turn at risk on, the events feed tells the rest in order, and the
    # walkthrough says the same.
    [feed] = read(demo_database, key, "/v1/events?limit=200")
    moves = [e["type"] for e in feed["data"] if e["type"] in STEPS]
    assert moves[moves.index("option.at_risk") :] == list(STEPS)
    assert f"check-in is due on {first_check_in}" in out


STEPS = (
    "option.at_risk",
    "touchpoint.logged",
    "option.released",
    "option.reactivated",
    "option.hired",
)
