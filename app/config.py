from datetime import timedelta
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal
from urllib.parse import urlsplit

from limits import parse as parse_rate_limit
from pydantic import Field, HttpUrl, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict
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
    # A request body not complete within this long is cut off with 408 (a stalled client).
    body_timeout: timedelta = Field(default=timedelta(seconds=30), gt=timedelta(0))
    idempotency_ttl: timedelta = timedelta(hours=24)
    # A claimed key whose request has not answered within this long is taken to have died
    # with its process (a crash, a kill); a retry then runs it. Longer than any request.
    idempotency_lease: timedelta = Field(default=timedelta(seconds=60), gt=timedelta(0))
    # A key's last_used_at is written at most this often per process, off the request path.
    key_touch_interval: timedelta = timedelta(minutes=1)
    log_level: str = "info"
    # Where clients reach the API (`https://hiring.example.com`), for absolute links. Unset,
    # links are relative: the request's Host header is never trusted to build them.
    public_base_url: HttpUrl | None = None
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

    # Logs: one JSON object a line, or readable lines; unset = console on a terminal, else JSON.
    log_format: Literal["json", "console"] | None = None
    # Budgets per API key (per client IP without one), in the `limits` notation
    # ("600/minute", "50/10 seconds"). Reads are GET/HEAD; everything else is a write.
    rate_limit_read: str = "600/minute"
    rate_limit_write: str = "120/minute"
    # Failed authentications (missing, unknown or revoked API keys) per client address; past
    # it the address is refused (429) before any key it sends is looked up.
    rate_limit_failed_auth: str = "30/minute"
    # Shared state (the rate-limit budgets) lives here when set; otherwise in each process.
    redis_url: str | None = None
    redis_key_prefix: str = Field(default="shortlist", min_length=1, max_length=100)
    # Browser origins allowed to call the API (comma-separated); empty: no cross-origin access.
    cors_origins: Annotated[list[str], NoDecode] = []
    # `GET /metrics`: with a token, any client presenting it; without, loopback clients only.
    metrics_token: SecretStr | None = None
    # On SIGTERM: /readyz fails for `shutdown_drain` while requests are still served (so the
    # proxy stops sending new ones), then in-flight requests get `shutdown_timeout` to finish.
    shutdown_drain: timedelta = timedelta(seconds=0)
    shutdown_timeout: timedelta = timedelta(seconds=30)
    # Retention: how long rows are kept before upkeep purges them (in batches).
    events_retention: timedelta = timedelta(days=365 * 3)
    inbound_events_retention: timedelta = timedelta(days=30)
    delivered_outbox_retention: timedelta = timedelta(days=7)
    purge_batch_size: int = Field(default=1000, ge=1, le=100_000)

    @field_validator("rate_limit_read", "rate_limit_write", "rate_limit_failed_auth")
    @classmethod
    def _valid_rate_limit(cls, value: str) -> str:
        parse_rate_limit(value)  # raises ValueError on nonsense, so a typo fails at start
        return value

    @field_validator("cors_origins", mode="before")
    @classmethod
    def _split_origins(cls, value: object) -> object:
        if isinstance(value, str):
            return [origin.strip() for origin in value.split(",") if origin.strip()]
        return value

    @field_validator("smtp_url")
    @classmethod
    def _smtp_scheme(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None:
            url = urlsplit(value.get_secret_value())
            if url.scheme not in ("smtp", "smtps") or not url.hostname:
                raise ValueError("smtp://host[:port] or smtps://[user:password@]host[:port]")
        return value

    @property
    def public_origin(self) -> str:
        """Where people reach this server, for absolute links in emails (status pages):
        `public_base_url`, else the default local address of `shortlist serve`."""
        base = self.public_base_url
        return str(base).rstrip("/") if base is not None else "http://127.0.0.1:8000"

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
