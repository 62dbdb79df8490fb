"""Engine and the request's session.

The session is opened, committed and rolled back by `app.kit.transaction.TransactionMiddleware`
(one transaction per request, committed before the response leaves); routes get it through the
`Session` dependency and services only ever flush.
"""

import asyncio
import re
import weakref
from collections import namedtuple
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, TypeVar

import orjson
from alembic import command
from alembic.config import Config
from fastapi import Depends, Request
from sqlalchemy import Connection, Dialect, Engine, Executable, event, make_url
from sqlalchemy.exc import MultipleResultsFound
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.orm import Session as OrmSession
from sqlalchemy.orm import SessionTransaction
from sqlalchemy.util import greenlet_spawn

from app import sqlite_driver
from app.config import Settings

E = TypeVar("E", bound=Executable)


def create_engine(settings: Settings) -> AsyncEngine:
    # JSON columns (an option's aggregated external refs, event data) are parsed by orjson:
    # the stdlib's parser was a visible share of a list page's CPU.
    # No overflow: the pool closes an overflow connection as soon as it is returned, so under
    # a steady load above the pool's size every few requests paid for a new connection (on
    # PostgreSQL a TCP and TLS handshake and a backend start; on SQLite a thread and the
    # pragmas). Requests beyond the pool's size wait for a connection instead.
    pooling: dict[str, Any] = {"pool_size": settings.database_pool_size, "max_overflow": 0}
    if settings.is_sqlite:

        def one_trip_connection() -> Awaitable[Any]:
            arguments, options = engine.dialect.create_connect_args(engine.url)
            return sqlite_driver.connect(*arguments, **options)

        engine = create_async_engine(
            settings.database_url,
            echo=settings.database_echo,
            json_deserializer=orjson.loads,
            async_creator=one_trip_connection,
            # (an in-memory database has a single connection, not a pool)
            **(
                pooling
                if make_url(settings.database_url).database not in (None, "", ":memory:")
                else {}
            ),
        )
        _tune_sqlite(engine)
        return engine
    return create_async_engine(
        settings.database_url,
        echo=settings.database_echo,
        json_deserializer=orjson.loads,
        **pooling,
        pool_pre_ping=settings.database_pool_pre_ping,
        # A database host that stops answering must not hold requests for asyncpg's default
        # minute: a request waits this long for a connection, then gets 503.
        pool_timeout=10,
        connect_args={"timeout": 5},
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
        options = conn.get_execution_options()
        if options.get("sqlite_autocommit"):
            return  # reads: each statement is its own transaction
        # A deferred transaction that reads and then writes can fail with SQLITE_BUSY instead
        # of waiting; write requests therefore begin IMMEDIATE (after queueing in-process).
        if not options.get("sqlite_immediate"):
            conn.exec_driver_sql("BEGIN")
            return
        conn.exec_driver_sql("BEGIN IMMEDIATE")
        # Holding the write lock, nothing can make a statement wait: a request's (small, bounded
        # by its body) run in the event loop's thread, without two thread hand-offs each.
        conn.connection.driver_connection.inline = bool(options.get("sqlite_inline"))


def _fold(value: object) -> object:
    return value.lower() if isinstance(value, str) else value


class _ReadOrmSession(OrmSession):
    """The ORM session of a `ReadSession`, with the connection (and its asyncpg connection)
    that `read_rows` leased for reads built once: checking one out through the Session's
    own transaction, and closing that, cost more CPU than the reads themselves."""

    lease: tuple[Connection, Any] | None = None

    def release_lease(self) -> None:
        lease, self.lease = self.lease, None
        if lease is not None:
            lease[0].close()

    def close_and_release(self) -> None:
        try:
            self.close()
        finally:
            self.release_lease()


@event.listens_for(_ReadOrmSession, "after_transaction_create")
def _release_before_the_sessions_own(session: OrmSession, _transaction: SessionTransaction) -> None:
    # The session is about to check out a connection of its own (a statement run through
    # it): the lease goes back first, so a request never holds two of the pool's connections.
    assert isinstance(session, _ReadOrmSession)
    session.release_lease()


class ReadSession(AsyncSession):
    """A read request's session; it gives back the connection `read_rows` leased on close."""

    sync_session_class = _ReadOrmSession
    sync_session: _ReadOrmSession

    async def close(self) -> None:
        # `AsyncSession.close` and the lease's return, in one greenlet rather than two.
        await greenlet_spawn(self.sync_session.close_and_release)

    async def __aexit__(self, type_: Any, value: Any, traceback: Any) -> None:
        # `AsyncSession.__aexit__` closes in a task of its own behind `asyncio.shield`, so that
        # a cancelled request cannot cut the close short. On PostgreSQL a read runs in
        # autocommit: its close rolls nothing back, awaits nothing, and so cannot be cut short;
        # closed in place it spares the task and two turns of the event loop (about a twentieth
        # of a GET's CPU). On SQLite returning the connection is a trip to its thread.
        if settings_of(self).is_sqlite:
            await super().__aexit__(type_, value, traceback)
        else:
            await self.close()


@dataclass(frozen=True)
class Database:
    """The engine and the two kinds of session a request gets.

    `reader` runs each statement in autocommit: a read opens no transaction (no BEGIN and
    COMMIT round trips on PostgreSQL) and can never write. `writer` opens a transaction; on
    SQLite, where one writer at a time holds the database, writers of this process queue on
    an asyncio lock, first come first served, instead of spinning in SQLite's busy handler
    (which is not fair and gave p99s of seconds). `busy_timeout` still covers other processes.
    """

    engine: AsyncEngine
    reader: async_sessionmaker[ReadSession]
    write_sessions: async_sessionmaker[AsyncSession]
    request_write_engine: AsyncEngine
    write_queue: asyncio.Lock | None

    @classmethod
    def connect(cls, settings: Settings) -> "Database":
        engine = create_engine(settings)
        # On SQLite the driver is in autocommit already (BEGIN is ours, above): a read just
        # sends none. Setting SQLAlchemy's AUTOCOMMIT there cost a PRAGMA on every checkout
        # and another to reset it on every checkin, each a trip to aiosqlite's thread.
        read_engine = engine.execution_options(
            **(
                {"sqlite_autocommit": True}
                if settings.is_sqlite
                else {"isolation_level": "AUTOCOMMIT"}
            )
        )
        write_engine = engine.execution_options(sqlite_immediate=True)
        # The settings travel with each session, so a rule deep in a call chain (a note's send
        # delay) reads the service's own, not the environment's.
        info = {"settings": settings}
        return cls(
            engine=engine,
            reader=async_sessionmaker(
                read_engine, class_=ReadSession, expire_on_commit=False, info=info
            ),
            write_sessions=async_sessionmaker(write_engine, expire_on_commit=False, info=info),
            request_write_engine=write_engine.execution_options(sqlite_inline=True),
            write_queue=asyncio.Lock() if settings.is_sqlite else None,
        )

    @asynccontextmanager
    async def writer(self, *, request: bool = False) -> AsyncIterator[AsyncSession]:
        """A session for a write transaction (commit it; leaving without commit rolls back).
        `request`: a request's own, whose statements are few and small (see `_tune_sqlite`);
        a job's may be long, and keep to the connection's thread."""
        if self.write_queue is None:
            async with self.write_sessions() as session:
                yield session
            return
        bound = {"bind": self.request_write_engine} if request else {}
        async with self.write_queue, self.write_sessions(**bound) as session:
            yield session


class Rows(list[Any]):
    """The rows of a read, with attribute access to their columns."""

    def one_or_none(self) -> Any:
        if len(self) > 1:
            raise MultipleResultsFound("Multiple rows were found when one or none was required")
        return self[0] if self else None


# Statements that live as long as the process (built once), with their asyncpg form.
_BUILT_ONCE: "weakref.WeakKeyDictionary[Executable, _DriverForm | None]" = (
    weakref.WeakKeyDictionary()
)
_NOT_COMPILED: Any = object()
_REQUIRED: Any = object()  # an argument that comes from the execution's parameters
_EXPANDING = re.compile(r"(NOT )?IN \(__\[POSTCOMPILE_(\w+)\]\)")
_NUMBERED = re.compile(r"\$(\d+)")


def built_once(statement: E) -> E:
    """Mark a read statement that is built once and kept: on PostgreSQL it is compiled once
    more, for asyncpg itself, and `read_rows` runs it without SQLAlchemy's per-execution
    machinery (which cost more CPU than asyncpg's own work). A statement built per request
    must not be marked: its compiled form would be worked out every time."""
    _BUILT_ONCE.setdefault(statement, _NOT_COMPILED)
    return statement


def is_built_once(statement: Executable) -> bool:
    return statement in _BUILT_ONCE


@dataclass(frozen=True, slots=True)
class _DriverForm:
    """A statement as asyncpg runs it: its SQL, where each positional argument comes from
    (a parameter, or a value fixed in the statement), and how its columns are read back —
    the same bind and result processors SQLAlchemy applies."""

    sql: str
    arguments: tuple[tuple[str, Any, Callable[[Any], Any] | None], ...]
    processors: tuple[tuple[int, Callable[[Any], Any]], ...]
    row: type[tuple[Any, ...]]

    @classmethod
    def compile(cls, statement: Executable, dialect: Dialect) -> "_DriverForm | None":
        compiled = statement.compile(dialect=dialect)  # type: ignore[attr-defined]
        keys = [column.keyname for column in compiled._result_columns]
        positions = compiled.positiontup
        if positions is None or len(set(keys)) != len(keys):
            return None
        if not all(k.isidentifier() for k in keys):
            return None

        # SQLAlchemy numbers the other parameters $1, $2 … in `positions` order and leaves
        # each expanding list to be rendered per execution, one parameter an item; PostgreSQL
        # takes a list as one array parameter, numbered here after all the others.
        later = compiled.post_compile_params
        order = [n for n in positions if compiled.binds[n] not in later]
        order += [n for n in positions if compiled.binds[n] in later]

        def one_of(match: re.Match[str]) -> str:
            position = order.index(match[2]) + 1
            return f"<> ALL(${position})" if match[1] else f"= ANY(${position})"

        sql = _EXPANDING.sub(one_of, compiled.string)
        if "POSTCOMPILE" in sql or max(map(int, _NUMBERED.findall(sql)), default=0) != len(order):
            return None
        arguments = []
        for name in order:
            bind = compiled.binds[name]
            processor = compiled._bind_processors.get(name)
            if bind.callable or (
                bind.expanding and (processor is not None or bind.type._is_tuple_type)
            ):
                return None  # (a value worked out per execution; items that need converting)
            fixed = _REQUIRED if bind.required else bind.value
            arguments.append((name, fixed, processor))
        processors = tuple(
            (n, processor)
            for n, column in enumerate(compiled._result_columns)
            if (processor := column.type._cached_result_processor(dialect, None)) is not None
        )
        return cls(sql, tuple(arguments), processors, namedtuple("Row", keys))

    def bind(self, parameters: dict[str, Any]) -> list[Any]:
        values = []
        for name, fixed, processor in self.arguments:
            value = parameters[name] if fixed is _REQUIRED else fixed
            values.append(value if processor is None else processor(value))
        return values

    def rows(self, records: list[Any]) -> Rows:
        make = self.row._make  # type: ignore[attr-defined]
        if not self.processors:
            return Rows(make(record) for record in records)
        rows = Rows()
        for record in records:
            values = list(record)
            for n, processor in self.processors:
                values[n] = processor(values[n])
            rows.append(make(values))
        return rows


def _driver_form(bind: Connection | Engine, statement: Executable) -> _DriverForm | None:
    """The asyncpg form of a statement `built_once`, on a PostgreSQL connection (or engine)
    that runs each statement in autocommit (a read session: a write transaction's statements
    must all go through SQLAlchemy, which holds the transaction). None while anyone listens
    to SQLAlchemy's statements (echo, tracing, a test counting them): they see every one."""
    form = _BUILT_ONCE.get(statement)
    if form is None or bind.dialect.driver != "asyncpg":
        return None
    if bind.get_execution_options().get("isolation_level") != "AUTOCOMMIT":
        return None
    if bind.dispatch.before_cursor_execute or bind.engine.echo:
        return None
    if form is _NOT_COMPILED:
        form = _BUILT_ONCE[statement] = _DriverForm.compile(statement, bind.dialect)
    return form


def _checkout(engine: Engine) -> tuple[Connection, Any]:
    connection = engine.connect()
    return connection, connection.connection.driver_connection


def _all(connection: Connection, statement: Executable, parameters: dict[str, Any] | None) -> Rows:
    return Rows(connection.execute(statement, parameters).all())


async def _fetch(driver: Any, form: _DriverForm, parameters: dict[str, Any] | None) -> Rows | None:
    """The rows asyncpg reads, or None if it failed: the caller runs the statement again
    through SQLAlchemy, on the same connection, which raises its own error types and takes a
    lost connection out of the pool, as for any other statement. (A read: safe to repeat.)"""
    try:
        records = await driver.fetch(form.sql, *form.bind(parameters or {}))
    except Exception:
        return None
    return form.rows(records)


async def read_rows(
    session: AsyncSession, statement: Executable, parameters: dict[str, Any] | None = None
) -> Rows:
    """Run a read on the session's connection, bypassing the ORM: plain rows, no identity
    map, no autoflush (so only for reads that need no pending change of this session). The
    ORM's execution and result machinery was the largest share of a hot read's CPU; on
    PostgreSQL a statement `built_once` skips SQLAlchemy's execution machinery too, and in a
    read session that has run nothing through the ORM, the Session's own transaction."""
    orm = session.sync_session
    if isinstance(orm, _ReadOrmSession) and not orm.in_transaction():
        engine = orm.bind
        assert isinstance(engine, Engine)
        form = _driver_form(engine, statement)
        if form is not None:
            if orm.lease is None:
                orm.lease = await greenlet_spawn(_checkout, engine)
            connection, driver = orm.lease
            rows = await _fetch(driver, form, parameters)
            if rows is not None:
                return rows
            try:
                return await greenlet_spawn(_all, connection, statement, parameters)
            finally:
                # (a lease that failed once is not trusted with the next read)
                await greenlet_spawn(orm.release_lease)
    async_connection = await session.connection()
    sync = async_connection.sync_connection
    # (A connection that is not invalidated has its driver's connection at hand: getting it
    # needs no trip through a greenlet.)
    if sync is not None and not sync.invalidated and (form := _driver_form(sync, statement)):
        rows = await _fetch(sync.connection.driver_connection, form, parameters)
        if rows is not None:
            return rows
    return Rows((await async_connection.execute(statement, parameters)).all())


def dialect_of(session: AsyncSession) -> str:
    """`postgresql` or `sqlite`: statements built once are built per dialect."""
    return session.get_bind().dialect.name


def settings_of(session: AsyncSession) -> Settings:
    settings: Settings = session.info["settings"]
    return settings


async def get_session(request: Request) -> AsyncSession:
    session: AsyncSession = request.state.session
    return session


Session = Annotated[AsyncSession, Depends(get_session)]


# Inside the package, so an installed wheel has them (in a checkout, a link to `migrations/`).
MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config(database_url: str) -> Config:
    """Alembic's configuration for `database_url`, without needing an alembic.ini."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["database_url"] = database_url
    return config


def migrate(database_url: str, revision: str = "head") -> None:
    """`alembic upgrade` (synchronous: it runs its own event loop)."""
    command.upgrade(alembic_config(database_url), revision)
