"""Alembic environment: migrations are the schema's source of truth (tests run them too)."""

import asyncio

from alembic import context
from sqlalchemy.engine import Connection

from app.config import Settings
from app.db import create_engine
from app.models import Base
from app.models.candidate import SEARCH_INDEX

config = context.config
target_metadata = Base.metadata


def database_url() -> str:
    # `shortlist migrate` and the tests pass the URL in; plain `alembic` reads the settings.
    return config.attributes.get("database_url") or Settings().database_url


def include_object(
    object: object, name: str | None, type_: str, reflected: bool, compare_to: object
) -> bool:
    # Indexes that exist on PostgreSQL only (an extension's operator class) are not models'.
    return not (type_ == "index" and name == SEARCH_INDEX and reflected and compare_to is None)


def run_migrations_offline() -> None:
    context.configure(
        url=database_url(),
        target_metadata=target_metadata,
        literal_binds=True,
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def do_run_migrations(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite alters tables by copying them
        compare_type=True,
        include_object=include_object,
    )
    with context.begin_transaction():
        context.run_migrations()


async def run_migrations_online() -> None:
    engine = create_engine(Settings(database_url=database_url()))
    async with engine.connect() as connection:
        await connection.run_sync(do_run_migrations)
    await engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    asyncio.run(run_migrations_online())
