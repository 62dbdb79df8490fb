"""Test harness: one database per run, built by `alembic upgrade head`, emptied after each test.

`SHORTLIST_TEST_DATABASE_URL` picks the database (default: a fresh SQLite file); `.ci/run`
runs the suite once on SQLite and once on PostgreSQL.
"""

import asyncio
import os
import tempfile
import uuid
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass

import httpx
import pytest
from cryptography.fernet import Fernet
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from app.api_keys.service import create_api_key, ensure_organization
from app.config import Settings
from app.db import migrate
from app.kit.auth import Actor
from app.main import create_app
from app.models import Base


def _reset_postgres(url: str) -> None:
    async def reset() -> None:
        engine = create_async_engine(url)
        async with engine.begin() as connection:
            await connection.execute(text("DROP SCHEMA public CASCADE"))
            await connection.execute(text("CREATE SCHEMA public"))
        await engine.dispose()

    asyncio.run(reset())


@pytest.fixture(scope="session")
def database_url() -> Iterator[str]:
    url = os.environ.get("SHORTLIST_TEST_DATABASE_URL")
    with tempfile.TemporaryDirectory() as tmp:
        if url is None:
            url = f"sqlite+aiosqlite:///{tmp}/test.db"
        elif url.startswith("postgresql"):
            _reset_postgres(url)
        migrate(url)
        yield url


@pytest.fixture(scope="session")
def settings(database_url: str) -> Settings:
    return Settings(
        database_url=database_url,
        max_body_bytes=64 * 1024,
        secret_key=Fernet.generate_key().decode(),
        # Tests drive the worker themselves (`await Worker(...).run_once()`) and send webhooks
        # to receivers on 127.0.0.1.
        worker=False,
        webhook_allow_private=True,
        # The suite's clients share a few keys and one address; tests/kit/test_rate_limits.py
        # builds apps with small budgets of their own.
        rate_limit_read="100000/minute",
        rate_limit_write="100000/minute",
        # Many tests check 401s from the one test address.
        rate_limit_failed_auth="100000/minute",
    )


@pytest.fixture(scope="session")
async def app(settings: Settings) -> AsyncIterator[object]:
    application = create_app(settings)
    yield application
    await application.state.db.engine.dispose()


@pytest.fixture(scope="session")
async def engine(app: object) -> AsyncEngine:
    return app.state.db.engine  # type: ignore[attr-defined, no-any-return]


async def empty_tables(engine: AsyncEngine) -> None:
    async with engine.begin() as connection:
        for table in reversed(Base.metadata.sorted_tables):
            await connection.execute(table.delete())


@pytest.fixture(autouse=True)
async def _empty_tables(engine: AsyncEngine) -> AsyncIterator[None]:
    yield
    await empty_tables(engine)


@dataclass
class Tenant:
    """An organization with one key per scope set, and clients that use them."""

    organization_id: uuid.UUID
    app: object
    keys: dict[str, str]

    def client(self, scopes: str = "read,write,admin", **headers: str) -> httpx.AsyncClient:
        return make_client(self.app, self.keys[scopes], **headers)


def make_client(app: object, key: str | None, **headers: str) -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)  # type: ignore[arg-type]
    if key is not None:
        headers["Authorization"] = f"Bearer {key}"
    return httpx.AsyncClient(transport=transport, base_url="http://shortlist.test", headers=headers)


SCOPE_SETS = ("read,write,admin", "read", "write", "read,write")


async def make_tenant(app: object, name: str) -> Tenant:
    db = app.state.db  # type: ignore[attr-defined]
    async with db.writer() as session:
        organization = await ensure_organization(session, name)
        bootstrap = Actor(organization.id, None, frozenset({"admin"}), "tests")
        keys = {}
        for scopes in SCOPE_SETS:
            _, secret = await create_api_key(session, bootstrap, scopes, scopes.split(","))
            keys[scopes] = secret
        await session.commit()
    return Tenant(organization.id, app, keys)


@pytest.fixture
async def tenant(app: object) -> Tenant:
    return await make_tenant(app, "acme")


@pytest.fixture
async def other_tenant(app: object) -> Tenant:
    return await make_tenant(app, "globex")


@pytest.fixture
async def client(tenant: Tenant) -> AsyncIterator[httpx.AsyncClient]:
    async with tenant.client() as c:
        yield c
