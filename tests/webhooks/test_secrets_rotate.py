"""`shortlist secrets rotate`: every stored signing secret re-sealed with the newest key, so
the old key can be dropped. On a temporary SQLite file, like the other CLI tests."""

import sqlite3
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from test_cli import call_app, cli_database, create_key

from app import cli
from app.config import Settings, get_settings
from app.kit.secrets import SecretKeyMissing, unseal

__all__ = ["cli_database"]  # the temporary database fixture of the CLI tests


def stored_secrets(database: Path) -> list[str]:
    with sqlite3.connect(database) as connection:
        rows = connection.execute(
            "SELECT secret_sealed, previous_secret_sealed FROM webhook_endpoints"
        ).fetchall()
        rows += connection.execute("SELECT sealed_secret, NULL FROM integrations").fetchall()
    return [value for row in rows for value in row if value is not None]


def test_rotate_reseals_every_secret_with_the_newest_key(cli_database, capsys, monkeypatch):
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    monkeypatch.setenv("SHORTLIST_SECRET_KEY", old)
    monkeypatch.setenv("SHORTLIST_WEBHOOK_ALLOW_PRIVATE", "true")
    key, _ = create_key(capsys, "--org", "x")
    [created] = call_app(
        cli_database, key, [("POST", "/v1/webhook-endpoints", {"url": "http://127.0.0.1:9/hooks"})]
    )
    assert created.status_code == 201, created.text
    [rotated] = call_app(
        cli_database,
        key,
        [("POST", f"/v1/webhook-endpoints/{created.json()['id']}/rotate-secret", None)],
    )
    assert rotated.status_code == 200, rotated.text
    [integration] = call_app(
        cli_database,
        key,
        [
            (
                "POST",
                "/v1/integrations",
                {"system": "lever", "name": "Lever", "secret": "lever-token-0123456789"},
            )
        ],
    )
    assert integration.status_code == 201, integration.text
    database = Path(cli_database.removeprefix("sqlite+aiosqlite:///"))
    assert len(stored_secrets(database)) == 3

    monkeypatch.setenv("SHORTLIST_SECRET_KEY", f"{new},{old}")
    get_settings.cache_clear()
    cli.main(["secrets", "rotate"])
    assert "Re-sealed 3 stored secrets" in capsys.readouterr().out

    only_new = Settings(secret_key=new)
    current, previous, lever = stored_secrets(database)
    assert unseal(only_new, lever) == "lever-token-0123456789"
    assert unseal(only_new, current) == rotated.json()["secret"]
    assert unseal(only_new, previous) == created.json()["secret"]
    with pytest.raises(SecretKeyMissing):
        unseal(Settings(secret_key=old), current)
