from pathlib import Path

import pytest
from cryptography.fernet import Fernet

from app.config import Settings
from app.kit.secrets import SecretKeyMissing, ensure_key_file, reseal, seal, unseal


def test_a_sealed_secret_is_not_the_secret_and_opens_again() -> None:
    settings = Settings(secret_key=Fernet.generate_key().decode())
    sealed = seal(settings, "whsec_abc")
    assert "whsec_abc" not in sealed
    assert unseal(settings, sealed) == "whsec_abc"


def test_rotation_keeps_old_secrets_readable_and_reseals_with_the_new_key() -> None:
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    sealed = seal(Settings(secret_key=old), "token")
    rotating = Settings(secret_key=f"{new},{old}")
    assert unseal(rotating, sealed) == "token"
    resealed = reseal(rotating, sealed)
    assert unseal(Settings(secret_key=new), resealed) == "token"
    with pytest.raises(SecretKeyMissing):
        unseal(Settings(secret_key=new), sealed)


def test_embedded_default_creates_a_private_key_file_once(tmp_path: Path) -> None:
    settings = Settings(database_url=f"sqlite+aiosqlite:///{tmp_path}/s.db")
    created = ensure_key_file(settings)
    assert created == tmp_path / "s.db.key"
    assert created.stat().st_mode & 0o077 == 0
    assert ensure_key_file(settings) is None
    assert unseal(settings, seal(settings, "x")) == "x"


def test_postgres_without_a_key_says_how_to_make_one() -> None:
    settings = Settings(database_url="postgresql+asyncpg://u@h/db")
    with pytest.raises(SecretKeyMissing, match="SHORTLIST_SECRET_KEY"):
        seal(settings, "x")
