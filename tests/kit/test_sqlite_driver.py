"""The SQLite driver: each statement is one trip to the connection's thread (none for a
request's write once it holds the write lock), and SQLAlchemy still sees what a DB-API cursor
tells it (rows, row counts, errors)."""

import pytest
import sqlalchemy
from sqlalchemy import text

from app.config import Settings
from app.db import create_engine
from app.sqlite_driver import OneTripConnection


@pytest.fixture
async def scratch(tmp_path):
    scratch = create_engine(Settings(database_url=f"sqlite+aiosqlite:///{tmp_path}/one.db"))
    yield scratch
    await scratch.dispose()


@pytest.fixture
def trips(monkeypatch):
    count = [0]
    run = OneTripConnection._execute

    async def counted(self, fn, *args, **kwargs):
        count[0] += 1
        return await run(self, fn, *args, **kwargs)

    monkeypatch.setattr(OneTripConnection, "_execute", counted)
    return count


async def test_a_statement_is_one_trip(scratch, trips):
    async with scratch.connect() as connection:
        await connection.execute(text("SELECT 1"))  # (the first connects and sets pragmas)
        before = trips[0]
        rows = (await connection.execute(text("SELECT 1 UNION ALL SELECT 2"))).all()
        assert [tuple(r) for r in rows] == [(1,), (2,)]
        assert trips[0] - before == 1


async def test_a_read_in_autocommit_ends_without_a_trip(scratch, trips):
    async with scratch.execution_options(sqlite_autocommit=True).connect() as connection:
        await connection.execute(text("SELECT 1"))
        before = trips[0]
        await connection.execute(text("SELECT 2"))
    # Back in the pool: the reset of a connection with no transaction open asks nothing.
    assert trips[0] - before == 1


async def _table(scratch) -> None:
    async with scratch.begin() as connection:
        await connection.execute(text("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)"))


async def _count(scratch) -> int:
    async with scratch.execution_options(sqlite_autocommit=True).connect() as connection:
        return (await connection.execute(text("SELECT count(*) FROM t"))).scalar_one()


async def test_a_requests_write_goes_to_the_thread_only_to_take_the_write_lock(scratch, trips):
    await _table(scratch)
    requests = scratch.execution_options(sqlite_immediate=True, sqlite_inline=True)
    before = trips[0]
    async with requests.begin() as connection:
        await connection.execute(text("INSERT INTO t (name) VALUES ('ana')"))
        rows = await connection.execute(text("SELECT name FROM t"))
        assert rows.scalars().all() == ["ana"]
    assert trips[0] - before == 1  # BEGIN IMMEDIATE
    # Committed; and the connection's next statements go to its thread again.
    before = trips[0]
    assert await _count(scratch) == 1
    assert trips[0] - before == 1


async def test_a_requests_write_that_fails_is_rolled_back_and_the_connection_reused(scratch, trips):
    await _table(scratch)
    requests = scratch.execution_options(sqlite_immediate=True, sqlite_inline=True)
    with pytest.raises(sqlalchemy.exc.IntegrityError):
        async with requests.begin() as connection:
            await connection.execute(text("INSERT INTO t (id, name) VALUES (1, 'ana')"))
            await connection.execute(text("INSERT INTO t (id, name) VALUES (1, 'juan')"))
    before = trips[0]
    assert await _count(scratch) == 0
    assert trips[0] - before == 1


async def test_rows_counts_and_errors_reach_sqlalchemy(scratch):
    async with scratch.begin() as connection:
        await connection.execute(text("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)"))
        inserted = await connection.execute(
            text("INSERT INTO t (name) VALUES ('ana'), ('juan') RETURNING id, name")
        )
        assert [tuple(r) for r in inserted.all()] == [(1, "ana"), (2, "juan")]
        updated = await connection.execute(text("UPDATE t SET name = upper(name)"))
        assert updated.rowcount == 2
        many = await connection.execute(
            text("INSERT INTO t (name) VALUES (:name)"), [{"name": "a"}, {"name": "b"}]
        )
        assert many.rowcount == 2
        with pytest.raises(sqlalchemy.exc.IntegrityError):
            await connection.execute(text("INSERT INTO t (id, name) VALUES (1, 'again')"))
