"""Reads built once run on PostgreSQL through asyncpg itself (`app.db.read_rows`): the rows a
route sees must be the ones SQLAlchemy would have given, and a failure must look the same."""

import uuid
from datetime import date

import pytest
from sqlalchemy import bindparam, select, text
from sqlalchemy.exc import DBAPIError, StatementError

from app.bench.service import bench_options
from app.db import _driver_form, read_rows
from app.followups.service import _calendar
from app.kit.auth import KEY_BY_HASH, hash_secret
from app.kit.pagination import _first_page
from app.models import Option
from app.options.service import ORDER
from app.options.views import option_by_id, options_of_requisition
from tests.story import ok, option, requisition


async def test_rows_read_by_the_driver_are_sqlalchemys_rows(app, client, tenant):
    opening = await requisition(client)
    first = await option(client, opening["id"], "Juan Pérez", rank=1)
    second = await option(client, opening["id"], "Ana Lima", rank=2)
    await ok(
        await client.post(
            f"/v1/candidates/{second['candidate_id']}/touchpoints",
            json={"direction": "outbound", "channel": "call", "summary": "Still keen."},
        ),
        201,
    )
    await ok(await client.post(f"/v1/options/{second['id']}/keep-warm", json={"reason": "Close."}))
    db = app.state.db
    postgresql = db.engine.dialect.name == "postgresql"
    reads = [
        (KEY_BY_HASH, {"key_hash": hash_secret(tenant.keys["read"])}),
        (
            option_by_id(db.engine.dialect.name),
            {"option_id": uuid.UUID(first["id"]), "organization_id": tenant.organization_id},
        ),
        (
            _first_page(
                options_of_requisition(db.engine.dialect.name, by_status=False, by_update=False),
                tuple(ORDER),
            ),
            {
                "requisition_id": uuid.UUID(opening["id"]),
                "organization_id": tenant.organization_id,
                "page_size": 10,
            },
        ),
        # Lists (IN on SQLite, = ANY and an array on PostgreSQL); correlated aggregates of
        # touchpoints, notes and check-ins.
        (
            bench_options(db.engine.dialect.name),
            {
                "organization_id": tenant.organization_id,
                "requisition_ids": [uuid.UUID(opening["id"])],
                "statuses": ["considering", "runner_up"],
            },
        ),
        # The follow-ups: a UNION of several sources, each parameter used many times.
        (
            _calendar(),
            {
                "organization_id": tenant.organization_id,
                "due_before": date(2100, 1, 1),
                "today": date.today(),
            },
        ),
    ]
    async with db.reader() as session:
        connection = await session.connection()
        for statement, parameters in reads:
            # Only PostgreSQL reads skip SQLAlchemy; SQLite's go through it.
            assert (_driver_form(connection.sync_connection, statement) is not None) is postgresql
            rows = await read_rows(session, statement, parameters)
            expected = (await connection.execute(statement, parameters)).all()
            assert [tuple(row) for row in rows] == [tuple(row) for row in expected]
            if postgresql:
                # asyncpg itself gives them (`read_rows` would quietly fall back to SQLAlchemy
                # after a failed try, which costs a round trip and hides a wrong form).
                form = _driver_form(connection.sync_connection, statement)
                driver = (await connection.get_raw_connection()).driver_connection
                direct = form.rows(await driver.fetch(form.sql, *form.bind(parameters)))
                assert [tuple(row) for row in direct] == [tuple(row) for row in expected]
            if rows:
                assert rows[0]._fields == expected[0]._fields
        [paged, bench] = [await read_rows(session, *read) for read in reads[2:4]]
        empty = await read_rows(session, reads[3][0], {**reads[3][1], "requisition_ids": []})
        follow_ups = await read_rows(session, *reads[-1])
    assert [row.candidate_name for row in paged] == ["Juan Pérez", "Ana Lima"]
    assert [(row.candidate_name, row.status) for row in bench] == [
        ("Juan Pérez", "considering"),
        ("Ana Lima", "runner_up"),
    ]
    assert empty == []
    warm = bench[1]
    assert (warm.door_open, warm.own_checkins, warm.latest_verdict_overall) == (None, 0, None)
    assert warm.last_touch_at is not None and bench[0].last_touch_at is None
    assert {row.reason for row in follow_ups} == {"warm_runner_up"}


async def test_a_statement_built_per_request_is_not_compiled_for_the_driver(app):
    """Its first page is a new statement each time: compiling it again for asyncpg on every
    request would cost more than it saves."""
    built_now = select(Option.id).where(Option.organization_id == bindparam("organization_id"))
    async with app.state.db.reader() as session:
        connection = await session.connection()
        assert (
            _driver_form(connection.sync_connection, _first_page(built_now, tuple(ORDER))) is None
        )


async def test_a_write_transaction_reads_through_sqlalchemy(app):
    """Its statements must all run in the one transaction SQLAlchemy holds."""
    async with app.state.db.writer() as session:
        assert _driver_form((await session.connection()).sync_connection, KEY_BY_HASH) is None


async def test_a_failed_driver_read_raises_sqlalchemys_error(app):
    """A bad parameter: the caller sees SQLAlchemy's error, as for any other statement, and
    the session's connection still works."""
    statement = option_by_id(app.state.db.engine.dialect.name)
    async with app.state.db.reader() as session:
        with pytest.raises(StatementError):
            await read_rows(session, statement, {"option_id": "not an id", "organization_id": 1})
        rows = await read_rows(session, KEY_BY_HASH, {"key_hash": "unknown"})
        assert rows.one_or_none() is None


async def test_a_read_session_holds_one_connection_and_gives_it_back(app):
    """Before anything runs through the session, a read takes a connection of its own (no
    Session transaction, on PostgreSQL); a statement run through the session hands it back
    first, so a request never holds two of the pool's connections; closing returns it."""
    db = app.state.db
    postgresql = db.engine.dialect.name == "postgresql"
    pool = db.engine.pool
    before = pool.checkedout()
    async with db.reader() as session:
        await read_rows(session, KEY_BY_HASH, {"key_hash": "unknown"})
        assert session.in_transaction() is not postgresql
        assert pool.checkedout() == before + 1
        await session.execute(select(Option.id).limit(1))
        await read_rows(session, KEY_BY_HASH, {"key_hash": "unknown"})
        assert pool.checkedout() == before + 1
    assert pool.checkedout() == before
    async with db.reader() as session:
        await read_rows(session, KEY_BY_HASH, {"key_hash": "unknown"})
    assert pool.checkedout() == before


async def test_a_lost_connection_leaves_the_pool(app):
    """The driver's connection closed under it: SQLAlchemy runs the read again on it, raises
    its error for a lost connection, and the next read has a working one."""
    db = app.state.db
    if db.engine.dialect.name != "postgresql":
        pytest.skip("the driver path is PostgreSQL's")
    async with db.reader() as session:
        await read_rows(session, KEY_BY_HASH, {"key_hash": "unknown"})
        async with db.engine.connect() as other:
            await other.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    " WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )
            )
        with pytest.raises(DBAPIError) as lost:
            await read_rows(session, KEY_BY_HASH, {"key_hash": "unknown"})
        assert lost.value.connection_invalidated
    async with db.reader() as session:
        assert (await read_rows(session, KEY_BY_HASH, {"key_hash": "unknown"})) == []
