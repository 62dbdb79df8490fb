"""aiosqlite connections whose statements take one trip to the connection's thread.

aiosqlite runs each call on the sqlite3 connection in its own thread, and SQLAlchemy's adapter
makes up to four calls a statement (open a cursor, execute, fetch, close): four trips, each a
future, a queue hand-off and a wake-up of the event loop. Here a cursor's `execute` opens,
runs, fetches and closes in one trip and keeps the rows; the other calls answer from them.
"""

import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

import aiosqlite

_Outcome = tuple[Any, int, int | None, list[Any]]  # description, rowcount, lastrowid, rows


def _run(connection: sqlite3.Connection, sql: str, parameters: Any, many: bool) -> _Outcome:
    cursor = connection.cursor()
    try:
        if many:
            cursor.executemany(sql, parameters)
        else:
            cursor.execute(sql, parameters)
        rows = cursor.fetchall() if cursor.description else []
        return cursor.description, cursor.rowcount, cursor.lastrowid, rows
    finally:
        cursor.close()


class OneTripCursor:
    """The part of aiosqlite's cursor that SQLAlchemy's adapter uses."""

    arraysize = 1

    def __init__(self, connection: "OneTripConnection") -> None:
        self._connection = connection
        self.description: Any = None
        self.rowcount = -1
        self.lastrowid: int | None = None
        self._rows: list[Any] = []

    async def __aenter__(self) -> "OneTripCursor":
        return self

    async def __aexit__(self, *_exc: object) -> None:
        pass

    async def _trip(self, sql: str, parameters: Any, many: bool) -> "OneTripCursor":
        connection = self._connection
        if connection.inline:
            outcome = _run(connection._conn, sql, parameters, many)
        else:
            # (aiosqlite's own cursor makes its trips by this same method)
            outcome = await connection._execute(  # type: ignore[no-untyped-call]
                _run, connection._conn, sql, parameters, many
            )
        self.description, self.rowcount, self.lastrowid, self._rows = outcome
        return self

    async def execute(self, sql: str, parameters: Sequence[Any] = ()) -> "OneTripCursor":
        return await self._trip(sql, parameters, many=False)

    async def executemany(self, sql: str, parameters: Iterable[Sequence[Any]]) -> "OneTripCursor":
        return await self._trip(sql, parameters, many=True)

    async def fetchall(self) -> list[Any]:
        rows, self._rows = self._rows, []
        return rows

    async def fetchone(self) -> Any:
        return self._rows.pop(0) if self._rows else None

    async def fetchmany(self, size: int | None = None) -> list[Any]:
        size = size or self.arraysize
        rows, self._rows = self._rows[:size], self._rows[size:]
        return rows

    async def close(self) -> None:
        self._rows = []


class OneTripConnection(aiosqlite.Connection):
    # Set while the connection holds SQLite's write lock for a request (`app.db._tune_sqlite`):
    # its statements then run in the caller's thread. No other connection can make them wait,
    # and the hand-offs to the connection's thread and back cost more than such statements.
    inline = False

    def cursor(self) -> OneTripCursor:  # type: ignore[override]
        return OneTripCursor(self)

    # sqlite3's commit and rollback do nothing outside a transaction; a read (autocommit) and
    # the pool's reset of a connection whose transaction is over need no trip to learn that.
    async def commit(self) -> None:
        if self._conn.in_transaction:
            if self.inline:
                self._conn.commit()
            else:
                await super().commit()
        self.inline = False

    async def rollback(self) -> None:
        try:
            if self._conn.in_transaction:
                if self.inline:
                    self._conn.rollback()
                else:
                    await super().rollback()
        finally:
            self.inline = False


async def connect(database: str, **kwargs: Any) -> OneTripConnection:
    """A connection to `database` (with sqlite3's `connect` arguments)."""
    connection = OneTripConnection(lambda: sqlite3.connect(database, **kwargs), 64)
    # As aiosqlite.connect under SQLAlchemy: a forgotten connection must not keep the process
    # alive.
    connection._thread.daemon = True
    await connection
    return connection
