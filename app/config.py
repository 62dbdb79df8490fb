from datetime import timedelta
from functools import lru_cache
from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict
from sqlalchemy.engine import make_url


class Settings(BaseSettings):
    """Everything the service reads from its environment (prefix `SHORTLIST_`)."""

    model_config = SettingsConfigDict(env_prefix="SHORTLIST_", extra="ignore")

    database_url: str = "sqlite+aiosqlite:///./shortlist.db"
    database_pool_size: int = Field(default=10, ge=1, le=200)
    database_echo: bool = False
    # Ping each pooled connection before use: survives a database restart without one failed
    # request per stale connection, at the cost of a round trip on every request.
    database_pool_pre_ping: bool = False
    # Largest request body accepted; bigger bodies get 413 before they are read into memory.
    max_body_bytes: int = Field(default=256 * 1024, ge=1024)
    idempotency_ttl: timedelta = timedelta(hours=24)
    # A key's last_used_at is written at most this often per process, off the request path.
    key_touch_interval: timedelta = timedelta(minutes=1)
    log_level: str = "info"
    # Fernet keys (comma-separated; the first encrypts, all decrypt) for signing secrets at rest.
    # Unset on the embedded default: a key file beside the SQLite database is created and used.
    secret_key: SecretStr | None = None

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    @property
    def sqlite_path(self) -> Path | None:
        """The database file of a SQLite URL (None in memory or on another database)."""
        if not self.is_sqlite:
            return None
        path = make_url(self.database_url).database
        return Path(path) if path and path != ":memory:" else None


@lru_cache
def get_settings() -> Settings:
    return Settings()
