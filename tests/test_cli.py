"""`shortlist keys create`, and what `shortlist serve` prints (contract §8). Always on a
temporary SQLite file: the CLI migrates and writes its own database, whatever
SHORTLIST_TEST_DATABASE_URL says.

The CLI runs `asyncio.run` itself, so these tests are synchronous and drive the app with their
own `asyncio.run`.
"""

import asyncio
import os
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from conftest import make_client

from app import cli
from app.config import Settings, get_settings
from app.main import create_app
from tests.webhooks.test_worker_process import Server


@pytest.fixture
def cli_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    url = f"sqlite+aiosqlite:///{tmp_path}/cli.db"
    monkeypatch.setenv("SHORTLIST_DATABASE_URL", url)
    get_settings.cache_clear()
    yield url
    get_settings.cache_clear()


def create_key(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[str, list[str]]:
    cli.main(["keys", "create", *args])
    lines = capsys.readouterr().out.splitlines()
    assert lines, "keys create printed nothing"
    return lines[-1], lines


def call_app(url: str, key: str, calls: list[tuple[str, str, dict | None]]) -> list[object]:
    """Run HTTP calls against a fresh app on `url`, returning the responses."""

    async def run() -> list[object]:
        app = create_app(Settings(database_url=url))
        try:
            async with make_client(app, key) as client:
                return [await client.request(m, p, json=body) for m, p, body in calls]
        finally:
            await app.state.db.engine.dispose()

    return asyncio.run(run())


def test_keys_create_prints_the_key_alone_on_the_last_line(cli_database, capsys):
    key, _ = create_key(capsys, "--org", "x", "--scopes", "read")
    assert key.startswith("sl_")
    assert key == key.strip()
    assert " " not in key
    assert len(key) >= 32


def test_the_printed_key_works_with_its_scopes(cli_database, capsys):
    key, _ = create_key(capsys, "--org", "x", "--scopes", "read")
    listed, created, denied = call_app(
        cli_database,
        key,
        [
            ("GET", "/v1/requisitions", None),
            ("POST", "/v1/requisitions", {"title": "Role"}),
            ("GET", "/v1/api-keys", None),
        ],
    )
    assert listed.status_code == 200, listed.text
    assert listed.json() == {"data": [], "next_cursor": None}
    assert created.status_code == 403
    assert created.json()["code"] == "forbidden"
    assert denied.status_code == 403


def test_admin_key_sees_itself(cli_database, capsys):
    key, _ = create_key(capsys, "--org", "x", "--scopes", "read,write,admin", "--name", "ops")
    [keys] = call_app(cli_database, key, [("GET", "/v1/api-keys", None)])
    assert keys.status_code == 200, keys.text
    [record] = keys.json()["data"]
    assert record["name"] == "ops"
    assert record["scopes"] == ["read", "write", "admin"]
    assert key.startswith(record["prefix"])
    assert key not in keys.text


def test_keys_of_the_same_org_share_data_and_other_orgs_do_not(cli_database, capsys):
    writer, _ = create_key(capsys, "--org", "x", "--scopes", "read,write")
    reader, _ = create_key(capsys, "--org", "x", "--scopes", "read")
    stranger, _ = create_key(capsys, "--org", "y", "--scopes", "read")
    assert len({writer, reader, stranger}) == 3

    [created] = call_app(cli_database, writer, [("POST", "/v1/requisitions", {"title": "Role"})])
    assert created.status_code == 201, created.text
    location = created.headers["location"]
    [seen] = call_app(cli_database, reader, [("GET", location, None)])
    assert seen.status_code == 200
    assert seen.json()["title"] == "Role"
    [hidden] = call_app(cli_database, stranger, [("GET", location, None)])
    assert hidden.status_code == 404


def test_unknown_scope_is_refused(cli_database, capsys):
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["keys", "create", "--org", "x", "--scopes", "read,root"])
    assert exit_info.value.code == 2
    assert "scopes" in capsys.readouterr().err


def serve_once(env: dict[str, str]) -> list[str]:
    """Start `shortlist serve`, stop it with SIGTERM once up; its output lines."""
    server = Server(env)
    try:
        # Uvicorn's line comes after the CLI's: once it is read, so is everything before.
        server.wait_for(
            lambda: any("Application startup complete" in line for line in server.lines),
            "uvicorn to start",
        )
    finally:
        server.process.send_signal(signal.SIGTERM)
        server.process.wait(timeout=60)
    return server.lines


def test_serve_says_it_created_the_secrets_key_on_the_first_start_only(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("SHORTLIST_")}
    env.update(
        SHORTLIST_DATABASE_URL=f"sqlite+aiosqlite:///{tmp_path}/served.db",
        SHORTLIST_WORKER="off",
        SHORTLIST_LOG_LEVEL="info",
    )
    first, second = serve_once(env), serve_once(env)
    key_file = tmp_path / "served.db.key"
    assert [line for line in first if line.startswith("Created ")] == [
        f"Created {key_file}, the key that encrypts signing secrets at rest; back it up "
        "with the database (or set SHORTLIST_SECRET_KEY)."
    ]
    assert key_file.stat().st_mode & 0o777 == 0o600
    assert not [line for line in second if "Created" in line], second


def started_worker_leaves(folder: Path, *flags: str) -> set[str]:
    """The tables of a fresh SQLite file once a real `shortlist worker` has started on it and
    been stopped."""
    folder.mkdir()
    database = folder / "worker.db"
    env = {**os.environ, "SHORTLIST_DATABASE_URL": f"sqlite+aiosqlite:///{database}"}
    worker = subprocess.Popen(
        [sys.executable, "-m", "app.cli", "worker", *flags],
        cwd=Path(__file__).resolve().parents[1],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert worker.stdout is not None
        assert worker.stdout.readline().startswith("Worker running")
        worker.send_signal(signal.SIGTERM)
        worker.wait(timeout=30)
    finally:
        if worker.poll() is None:
            worker.kill()
            worker.wait()
    with closing(sqlite3.connect(database)) as connection:
        rows = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        return {name for (name,) in rows}


def test_a_worker_migrates_on_start_unless_told_not_to(tmp_path):
    assert "alembic_version" in started_worker_leaves(tmp_path / "migrating")
    # The deploy example migrates once, in its own job, before workers start.
    assert started_worker_leaves(tmp_path / "not-migrating", "--no-migrate") == set()
