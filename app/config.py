from datetime import timedelta
from functools import lru_cache
from pathlib import Path
from typing import Annotated
from urllib.parse import urlsplit

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict
from sqlalchemy.engine import make_url


class Settings(BaseSettings):
    """Everything the service reads from its environment (prefix `SHORTLIST_`)."""

    model_config = SettingsConfigDict(env_prefix="SHORTLIST_", extra="ignore")

    database_url: str = "sqlite+aiosqlite:///./shortlist.db"
    database_pool_size: int = Field(default=10, ge=1, le=200)
    database_echo: bool = False
    # Largest request body accepted; bigger bodies get 413 before they are read into memory.
    max_body_bytes: int = Field(default=256 * 1024, ge=1024)
    idempotency_ttl: timedelta = timedelta(hours=24)
    # A key's last_used_at is written at most this often, so reads stay reads.
    key_touch_interval: timedelta = timedelta(minutes=1)
    log_level: str = "info"
    # Fernet keys (comma-separated; the first encrypts, all decrypt) for signing secrets at rest.
    # Unset on the embedded default: a key file beside the SQLite database is created and used.
    secret_key: SecretStr | None = None
    # Seconds to wait before each retry of a failed webhook delivery (before jitter); after
    # the last one the delivery is `failed`. The default spans about a day.
    webhook_retry_schedule: Annotated[tuple[int, ...], NoDecode] = (
        5,
        300,
        1800,
        7200,
        18000,
        36000,
        36000,
    )
    # Lets webhook URLs use http and point at loopback, private or link-local addresses.
    webhook_allow_private: bool = False
    # `serve` runs the delivery worker in-process unless this is off (separate `shortlist worker`s).
    worker: bool = True
    # Deliveries one worker sends at once.
    worker_concurrency: int = Field(default=8, ge=1, le=100)
    # Where notes to candidates are sent from: `smtp://host:port` (STARTTLS when offered) or
    # `smtps://user:password@host` (TLS from the start). Unset: delivered notes wait, scheduled.
    smtp_url: SecretStr | None = None
    email_from: str = "Shortlist <no-reply@shortlist.invalid>"
    email_reply_to: str | None = None
    # How long a delivered note waits before it leaves, so it can still be cancelled.
    email_send_delay: timedelta = timedelta(minutes=15)
    # Seconds to wait before each retry of a failed email (before jitter); then `failed`.
    email_retry_schedule: Annotated[tuple[int, ...], NoDecode] = (60, 300, 1800, 7200, 21600)
    # The address the candidate status page links are made from.
    public_base_url: str = "http://127.0.0.1:8000"
    # How long a candidate's status page link works.
    status_link_ttl: timedelta = timedelta(days=180)

    @field_validator("webhook_retry_schedule", "email_retry_schedule", mode="before")
    @classmethod
    def _comma_separated(cls, value: object) -> object:
        if isinstance(value, str):
            return tuple(part.strip() for part in value.split(",") if part.strip())
        return value

    @field_validator("webhook_retry_schedule", "email_retry_schedule")
    @classmethod
    def _sensible_schedule(cls, value: tuple[int, ...]) -> tuple[int, ...]:
        if not value or any(seconds < 0 for seconds in value):
            raise ValueError("a comma-separated list of seconds, at least one, none negative")
        return value

    @field_validator("smtp_url")
    @classmethod
    def _smtp_scheme(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None:
            url = urlsplit(value.get_secret_value())
            if url.scheme not in ("smtp", "smtps") or not url.hostname:
                raise ValueError("smtp://host[:port] or smtps://[user:password@]host[:port]")
        return value

    @field_validator("public_base_url")
    @classmethod
    def _no_trailing_slash(cls, value: str) -> str:
        return value.rstrip("/")

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
