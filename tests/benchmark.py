"""Throughput benchmark: Shortlist against a raw Starlette + asyncpg twin doing the same work.

Not part of the test suite (speed goals live here, not in timed tests). It seeds a requisition
with options in a scratch organization, serves the app with uvicorn, and measures requests per
second for the hot reads; on PostgreSQL it also serves a hand-written twin of the option reads
(the same auth lookup and the same rows, serialized with orjson) and prints the ratio.

    .venv/bin/python tests/benchmark.py                      # SQLite scratch file
    .venv/bin/python tests/benchmark.py --database-url postgresql+asyncpg://postgres@127.0.0.1:5432/test

The load generator runs in this process, so absolute numbers understate the server; compare
ratios. Every request loop is bounded by --seconds and talks only to 127.0.0.1.
"""

import argparse
import asyncio
import contextlib
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.api_keys.service import create_api_key, ensure_organization  # noqa: E402
from app.config import Settings  # noqa: E402
from app.db import Database, migrate  # noqa: E402
from app.kit.auth import SCOPES, Actor  # noqa: E402


async def seed(database_url: str, options: int) -> tuple[str, str, str]:
    """A scratch organization with one requisition of `options` options; (key, req, option)."""
    from app.candidates.schemas import CandidateCreate
    from app.candidates.service import create_candidate
    from app.options.schemas import OptionCreate
    from app.options.service import create_option
    from app.requisitions.schemas import RequisitionCreate
    from app.requisitions.service import create_requisition

    db = Database.connect(Settings(database_url=database_url))
    async with db.writer() as session:
        org = await ensure_organization(session, f"benchmark-{time.time_ns()}")
        actor = Actor(org.id, None, frozenset(SCOPES), "benchmark")
        _, secret = await create_api_key(session, actor, "benchmark", list(SCOPES))
        requisition = await create_requisition(session, actor, RequisitionCreate(title="Bench"))
        first = None
        for i in range(options):
            candidate = await create_candidate(
                session, actor, CandidateCreate(name=f"Candidate {i}", tags=["bench"])
            )
            option = await create_option(
                session, actor, requisition, OptionCreate(candidate_id=candidate.id, rank=i + 1)
            )
            first = first or option
        await session.commit()
    await db.engine.dispose()
    assert first is not None
    return secret, str(requisition.id), str(first.id)


def twin_app(dsn: str):  # type: ignore[no-untyped-def]
    """The raw twin: Starlette + asyncpg, the same queries by hand, orjson out."""
    import hashlib

    import asyncpg
    import orjson
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import Response
    from starlette.routing import Route

    from app.options.state_machine import allowed_actions

    pool: asyncpg.Pool | None = None

    @contextlib.asynccontextmanager
    async def lifespan(_app: Starlette):  # type: ignore[no-untyped-def]
        nonlocal pool
        pool = await asyncpg.create_pool(dsn.replace("+asyncpg", ""), min_size=4, max_size=10)
        yield
        await pool.close()

    option_sql = """
        SELECT o.*, c.kind AS c_kind, c.name AS c_name,
          (SELECT coalesce(json_agg(json_build_object('system', r.system,
                  'external_id', r.external_id)), '[]') FROM external_refs r
            WHERE r.resource_type = 'option' AND r.resource_id = o.id) AS refs,
          (SELECT json_agg(json_build_object('rating', ci.rating, 'verdict', ci.verdict))
             FROM interim_engagements e JOIN checkins ci ON ci.engagement_id = e.id
            WHERE e.requisition_id = o.requisition_id AND e.candidate_id = o.candidate_id)
            AS interim
        FROM options o JOIN candidates c ON c.id = o.candidate_id
    """

    def out(row: asyncpg.Record) -> dict[str, object]:
        return {
            "id": str(row["id"]),
            "created_at": row["created_at"].isoformat(),
            "updated_at": row["updated_at"].isoformat(),
            "version": row["version"],
            "requisition_id": str(row["requisition_id"]),
            "candidate_id": str(row["candidate_id"]),
            "candidate": {
                "id": str(row["candidate_id"]),
                "kind": row["c_kind"],
                "name": row["c_name"],
            },
            "status": row["status"],
            "rank": row["rank"],
            "fit_summary": row["fit_summary"],
            "at_risk": row["at_risk"],
            "status_reason": row["status_reason"],
            "status_changed_at": row["status_changed_at"].isoformat(),
            "external_refs": orjson.loads(row["refs"]),
            "interim_evidence": evidence(orjson.loads(row["interim"] or "[]")),
            "allowed_actions": allowed_actions(row["status"]),
        }

    def evidence(checkins: list[dict[str, object]]) -> dict[str, object]:
        if not checkins:
            return {"checkins": 0, "average_rating": None, "latest_verdict": None}
        ratings = [int(str(c["rating"])) for c in checkins]
        return {
            "checkins": len(checkins),
            "average_rating": round(sum(ratings) / len(ratings), 2),
            "latest_verdict": checkins[-1]["verdict"],
        }

    async def org_of(request: Request, connection: asyncpg.Connection) -> object:
        secret = request.headers.get("authorization", "").removeprefix("Bearer ")
        return await connection.fetchval(
            "SELECT organization_id FROM api_keys WHERE key_hash = $1 AND revoked_at IS NULL",
            hashlib.sha256(secret.encode()).hexdigest(),
        )

    async def get_option(request: Request) -> Response:
        assert pool is not None
        async with pool.acquire() as connection, connection.transaction():
            org = await org_of(request, connection)
            row = await connection.fetchrow(
                option_sql + " WHERE o.id = $1 AND o.organization_id = $2",
                request.path_params["option_id"],
                org,
            )
        return Response(orjson.dumps(out(row)), media_type="application/json")

    async def list_options(request: Request) -> Response:
        assert pool is not None
        async with pool.acquire() as connection, connection.transaction():
            org = await org_of(request, connection)
            await connection.fetchrow(
                "SELECT * FROM requisitions WHERE id = $1 AND organization_id = $2",
                request.path_params["requisition_id"],
                org,
            )
            rows = await connection.fetch(
                option_sql + " WHERE o.requisition_id = $1 ORDER BY o.rank NULLS LAST, o.id"
                " LIMIT 51",
                request.path_params["requisition_id"],
            )
        body = {"data": [out(r) for r in rows[:50]], "next_cursor": None}
        return Response(orjson.dumps(body), media_type="application/json")

    return Starlette(
        routes=[
            Route("/v1/options/{option_id:uuid}", get_option),
            Route("/v1/requisitions/{requisition_id:uuid}/options", list_options),
        ],
        lifespan=lifespan,
    )


async def load(url: str, key: str, seconds: float, concurrency: int) -> tuple[float, float, float]:
    """(requests per second, p50 ms, p99 ms) of GET `url` for `seconds`."""
    latencies: list[float] = []
    deadline = time.perf_counter() + seconds
    limits = httpx.Limits(max_connections=concurrency)
    async with httpx.AsyncClient(headers={"Authorization": f"Bearer {key}"}, limits=limits) as c:

        async def worker() -> None:
            while time.perf_counter() < deadline:
                started = time.perf_counter()
                response = await c.get(url)
                response.raise_for_status()
                latencies.append(time.perf_counter() - started)

        began = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        elapsed = time.perf_counter() - began
    latencies.sort()
    return (
        len(latencies) / elapsed,
        statistics.median(latencies) * 1000,
        latencies[int(len(latencies) * 0.99)] * 1000,
    )


def serve(args: list[str], env: dict[str, str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "uvicorn", *args, "--log-level", "warning", "--no-access-log"],
        env={**os.environ, **env},
        cwd=ROOT,
    )


async def wait_up(url: str) -> None:
    async with httpx.AsyncClient() as client:
        for _ in range(100):
            try:
                await client.get(url)
                return
            except httpx.TransportError:
                await asyncio.sleep(0.1)
    raise RuntimeError(f"{url} did not come up")


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url")
    parser.add_argument("--seconds", type=float, default=5)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--options", type=int, default=50)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = args.database_url or f"sqlite+aiosqlite:///{tmp}/bench.db"
        await asyncio.to_thread(migrate, url)
        key, requisition_id, option_id = await seed(url, args.options)
        paths = {
            "get option": f"/v1/options/{option_id}",
            "list options": f"/v1/requisitions/{requisition_id}/options",
            "get requisition": f"/v1/requisitions/{requisition_id}",
            "bench": f"/v1/requisitions/{requisition_id}/bench",
            "events": "/v1/events",
        }
        servers = {"shortlist": (8765, ["app.main:create_app", "--factory", "--port", "8765"])}
        if url.startswith("postgresql"):
            servers["twin"] = (8766, ["tests.benchmark:twin", "--factory", "--port", "8766"])
        results: dict[str, dict[str, tuple[float, float, float]]] = {}
        for name, (port, command) in servers.items():
            process = serve(command, {"SHORTLIST_DATABASE_URL": url, "BENCHMARK_DSN": url})
            try:
                await wait_up(f"http://127.0.0.1:{port}/healthz")
                for label, path in paths.items():
                    if name == "twin" and label not in ("get option", "list options"):
                        continue
                    results.setdefault(label, {})[name] = await load(
                        f"http://127.0.0.1:{port}{path}", key, args.seconds, args.concurrency
                    )
            finally:
                process.terminate()
                process.wait()
    print(f"{'endpoint':<16} {'server':<10} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8}")
    for label, by_server in results.items():
        for name, (rps, p50, p99) in by_server.items():
            print(f"{label:<16} {name:<10} {rps:>8.0f} {p50:>8.1f} {p99:>8.1f}")
        if "twin" in by_server:
            ratio = by_server["shortlist"][0] / by_server["twin"][0]
            print(f"{'':<16} shortlist/twin throughput: {ratio:.0%}")


def twin():  # type: ignore[no-untyped-def]
    """uvicorn factory for the twin."""
    return twin_app(os.environ["BENCHMARK_DSN"])


if __name__ == "__main__":
    asyncio.run(main())
