"""Signing secrets (webhook endpoints, ATS integrations) encrypted at rest.

Fernet (AES-128-CBC + HMAC-SHA256) from `cryptography`. `SHORTLIST_SECRET_KEY` holds one or
more Fernet keys, comma-separated: the first encrypts, every one decrypts, so a key is rotated
by putting a new key first, re-sealing (`shortlist secrets rotate`), then dropping the old one.
On the embedded SQLite default without that setting, a key file beside the database is created
on first use (`<database>.key`, mode 0600).
"""

import os
from functools import lru_cache
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from app.config import Settings
from app.models import Integration, WebhookEndpoint

# Every column that holds a sealed secret; `shortlist secrets rotate` re-seals them all.
SEALED_COLUMNS: tuple[InstrumentedAttribute[str | None], ...] = (
    WebhookEndpoint.secret_sealed,
    WebhookEndpoint.previous_secret_sealed,
    Integration.sealed_secret,
)


class SecretKeyMissing(RuntimeError):
    pass


def key_file(settings: Settings) -> Path | None:
    database = settings.sqlite_path
    return database.with_name(database.name + ".key") if database is not None else None


def ensure_key_file(settings: Settings) -> Path | None:
    """Create the embedded default's key file if it is needed and missing; the path if created."""
    path = key_file(settings)
    if settings.secret_key is not None or path is None or path.exists():
        return None
    path.parent.mkdir(parents=True, exist_ok=True)
    # O_EXCL: two processes starting at once cannot overwrite each other's key.
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return None
    with os.fdopen(fd, "wb") as file:
        file.write(Fernet.generate_key() + b"\n")
    return path


def _keys(settings: Settings) -> list[str]:
    if settings.secret_key is not None:
        raw = settings.secret_key.get_secret_value()
    else:
        path = key_file(settings)
        if path is None:
            raise SecretKeyMissing(
                "Set SHORTLIST_SECRET_KEY (a Fernet key: "
                "python -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())')."
            )
        ensure_key_file(settings)
        raw = path.read_text()
    keys = [key.strip() for key in raw.split(",") if key.strip()]
    if not keys:
        raise SecretKeyMissing("SHORTLIST_SECRET_KEY is empty.")
    return keys


@lru_cache(maxsize=8)
def _fernet(keys: tuple[str, ...]) -> MultiFernet:
    return MultiFernet([Fernet(key.encode()) for key in keys])


def _cipher(settings: Settings) -> MultiFernet:
    return _fernet(tuple(_keys(settings)))


def seal(settings: Settings, plaintext: str) -> str:
    """Encrypt a secret for storage."""
    return _cipher(settings).encrypt(plaintext.encode()).decode()


def unseal(settings: Settings, sealed: str) -> str:
    """Decrypt a stored secret (with any configured key)."""
    try:
        return _cipher(settings).decrypt(sealed.encode()).decode()
    except InvalidToken as exc:
        raise SecretKeyMissing("No configured secret key decrypts a stored secret.") from exc


def reseal(settings: Settings, sealed: str) -> str:
    """Re-encrypt a stored secret with the first (newest) key, for key rotation."""
    return _cipher(settings).rotate(sealed.encode()).decode()


async def reseal_all(session: AsyncSession, settings: Settings) -> int:
    """Re-seal every stored secret with the newest key; how many there were."""
    count = 0
    for column in SEALED_COLUMNS:
        model = column.class_
        rows = (await session.execute(select(model.id, column).where(column.is_not(None)))).all()
        for row_id, sealed in rows:
            # Not a change anyone would notice: version and updated_at stay. A secret rotated
            # meanwhile is already sealed with the newest key and is left alone.
            await session.execute(
                update(model)
                .where(model.id == row_id, column == sealed)
                .values({column: reseal(settings, sealed), "updated_at": model.updated_at})
                .execution_options(synchronize_session=False)
            )
            count += 1
    return count
