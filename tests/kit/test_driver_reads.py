"""Reads built once run on PostgreSQL through asyncpg itself (`app.db.read_rows`): the rows a
route sees must be the ones SQLAlchemy would have given, and a failure must look the same."""

import uuid

import pytest
from sqlalchemy.exc import StatementError

from app.db import _driver_form, read_rows
from app.kit.auth import KEY_BY_HASH, hash_secret
from app.kit.pagination import _first_page
from app.options.service import ORDER
from app.options.views import option_by_id, options_of_requisition
from tests.story import option, requisition


async def test_rows_read_by_the_driver_are_sqlalchemys_rows(app, client, tenant):
    opening = await requisition(client)
    first = await option(client, opening["id"], "Juan Pérez", rank=1)
    await option(client, opening["id"], "Ana Lima", rank=2)
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
    ]
    async with db.reader() as session:
        connection = await session.connection()
        for statement, parameters in reads:
            # Only PostgreSQL reads skip SQLAlchemy; SQLite's go through it.
            assert (_driver_form(connection, statement) is not None) is postgresql
            rows = await read_rows(session, statement, parameters)
            expected = (await connection.execute(statement, parameters)).all()
            assert rows, "the read found nothing: the comparison would prove nothing"
            assert [tuple(row) for row in rows] == [tuple(row) for row in expected]
            assert rows[0]._fields == expected[0]._fields
    names = [row.candidate_name for row in rows]
    assert names == ["Juan Pérez", "Ana Lima"]


async def test_a_write_transaction_reads_through_sqlalchemy(app):
    """Its statements must all run in the one transaction SQLAlchemy holds."""
    async with app.state.db.writer() as session:
        assert _driver_form(await session.connection(), KEY_BY_HASH) is None


async def test_a_failed_driver_read_raises_sqlalchemys_error(app):
    """A bad parameter: the caller sees SQLAlchemy's error, as for any other statement, and
    the session's connection still works."""
    statement = option_by_id(app.state.db.engine.dialect.name)
    async with app.state.db.reader() as session:
        with pytest.raises(StatementError):
            await read_rows(session, statement, {"option_id": "not an id", "organization_id": 1})
        rows = await read_rows(session, KEY_BY_HASH, {"key_hash": "unknown"})
        assert rows.one_or_none() is None
