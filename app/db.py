"""Engine and the request's session.

The session is opened, committed and rolled back by `app.kit.transaction.TransactionMiddleware`
(one transaction per request, committed before the response leaves); routes get it through the
`Session` dependency and services only ever flush.
"""

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from alembic import command
from alembic.config import Config
from fastapi import Depends, Request
from sqlalchemy import event
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

from app.config import Settings


def create_engine(settings: Settings) -> AsyncEngine:
    if settings.is_sqlite:
        engine = create_async_engine(settings.database_url, echo=settings.database_echo)
        _tune_sqlite(engine)
        return engine
    return create_async_engine(
        settings.database_url,
        echo=settings.database_echo,
        pool_size=settings.database_pool_size,
        max_overflow=settings.database_pool_size,
        pool_pre_ping=True,
    )


def _tune_sqlite(engine: AsyncEngine) -> None:
    @event.listens_for(engine.sync_engine, "connect")
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        # We emit BEGIN ourselves (below), so writers can take the lock up front.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        for pragma in (
            "foreign_keys=ON",
            "journal_mode=WAL",
            "synchronous=NORMAL",
            "busy_timeout=10000",
        ):
            cursor.execute(f"PRAGMA {pragma}")
        cursor.close()
        # SQLite's lower() folds only A-Z, so ILIKE would miss "Élodie" for "élodie".
        dbapi_connection.create_function("lower", 1, _fold, deterministic=True)

    @event.listens_for(engine.sync_engine, "begin")
    def on_begin(conn: Any) -> None:
        # A deferred transaction that reads and then writes can fail with SQLITE_BUSY instead
        # of waiting; write requests therefore begin IMMEDIATE and queue on busy_timeout.
        immediate = conn.get_execution_options().get("sqlite_immediate", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _fold(value: object) -> object:
    return value.lower() if isinstance(value, str) else value


@dataclass(frozen=True)
class Database:
    engine: AsyncEngine
    reader: async_sessionmaker[AsyncSession]
    writer: async_sessionmaker[AsyncSession]

    @classmethod
    def connect(cls, settings: Settings) -> "Database":
        engine = create_engine(settings)
        write_engine = engine.execution_options(sqlite_immediate=True)
        # The settings travel with each session, so a rule deep in a call chain (a note's send
        # delay) reads the service's own, not the environment's.
        info = {"settings": settings}
        return cls(
            engine=engine,
            reader=async_sessionmaker(engine, expire_on_commit=False, info=info),
            writer=async_sessionmaker(write_engine, expire_on_commit=False, info=info),
        )


def settings_of(session: AsyncSession) -> Settings:
    settings: Settings = session.info["settings"]
    return settings


def get_session(request: Request) -> AsyncSession:
    session: AsyncSession = request.state.session
    return session


Session = Annotated[AsyncSession, Depends(get_session)]


MIGRATIONS = Path(__file__).resolve().parents[1] / "migrations"


def alembic_config(database_url: str) -> Config:
    """Alembic's configuration for `database_url`, without needing an alembic.ini."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["database_url"] = database_url
    return config


def migrate(database_url: str, revision: str = "head") -> None:
    """`alembic upgrade` (synchronous: it runs its own event loop)."""
    command.upgrade(alembic_config(database_url), revision)
