"""Benchmark: Shortlist's hot requests, measured from another process, against a raw twin.

Not part of the test suite (speed goals live here, not in timed tests). It serves Shortlist
with uvicorn (one worker) and, on PostgreSQL, a raw Starlette + asyncpg twin that produces the
same JSON for the same rows in one SQL statement per request; it seeds a scratch organization
over HTTP and drives both servers from a separate load process: `wrk` (one thread, a Lua script)
when it is on the PATH, otherwise a multi-process Python load generator. Server and load are
pinned to different CPUs when there are two or more (`taskset` / `sched_setaffinity`); the
database is not pinned.

    .venv/bin/python tests/benchmark.py                      # SQLite scratch file
    .venv/bin/python tests/benchmark.py --database-url postgresql+asyncpg://postgres@127.0.0.1:5432/sl_hotbench

For each hot request it prints req/s, p50 and p99 at full load (16 connections) and the ratio
to the twin. Writes: `decline` (with its note and events) cycled with `reactivate` on options of
their own, at full load, then paced at half of that rate for the latency that matters (p99 at
half of max load, measured from each request's scheduled start, so a stall is not hidden). On
SQLite the write cycle is `keep-warm` ↔ `reactivate`, as in issue 10. Every loop is bounded by
--seconds and talks only to 127.0.0.1.
"""

import argparse
import asyncio
import contextlib
import hashlib
import json
import multiprocessing
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from hashlib import md5
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.api_keys.service import create_api_key, ensure_organization  # noqa: E402
from app.config import Settings  # noqa: E402
from app.db import Database, migrate  # noqa: E402
from app.kit.auth import SCOPES, Actor  # noqa: E402

SHORTLIST_PORT, TWIN_PORT = 8765, 8766
CPUS = sorted(os.sched_getaffinity(0))
SERVER_CPU, LOAD_CPU = (CPUS[0], CPUS[1]) if len(CPUS) > 1 else (None, None)
DECLINE_NOTE = {
    "reason_code": "chose_another_candidate",
    "message": (
        "Hi {name}, thank you for the time you gave us. We chose another candidate because their "
        "experience matched this role more closely. I'd like to stay in touch and will reach "
        "out when a similar role opens."
    ),
    "door_open": True,
}


# --- seeding ----------------------------------------------------------------------------------


async def make_key(database_url: str) -> str:
    db = Database.connect(Settings(database_url=database_url))
    async with db.writer() as session:
        org = await ensure_organization(session, f"benchmark-{time.time_ns()}")
        actor = Actor(org.id, None, frozenset(SCOPES), "benchmark")
        _, secret = await create_api_key(session, actor, "benchmark", list(SCOPES))
        await session.commit()
    await db.engine.dispose()
    return secret


@dataclass
class Seed:
    key: str
    requisition_id: str
    option_id: str  # ranked first, with external refs and interim evidence
    cycling: list[tuple[str, str]]  # (option id, candidate name) for the write cycle


async def seed(base: str, key: str, options: int, cycling: int) -> Seed:
    """Over HTTP: a requisition of `options` options (each candidate and option with an
    external ref; the first with an interim engagement and check-ins; a few on hold, which
    makes follow-ups), and a second requisition of `cycling` options for the writes."""
    headers = {"Authorization": f"Bearer {key}"}
    async with httpx.AsyncClient(base_url=base, headers=headers, timeout=30) as client:

        async def post(path: str, body: dict[str, Any]) -> dict[str, Any]:
            response = await client.post(path, json=body)
            assert response.status_code in (200, 201), response.text
            return response.json()  # type: ignore[no-any-return]

        async def add_options(requisition_id: str, n: int, prefix: str) -> list[dict[str, Any]]:
            made = []
            for i in range(n):
                candidate = await post(
                    "/v1/candidates",
                    {
                        "name": f"{prefix} Candidate {i}",
                        "keep_in_touch_consent": True,
                        "external_refs": [{"system": "greenhouse", "external_id": f"{prefix}c{i}"}],
                    },
                )
                made.append(
                    await post(
                        f"/v1/requisitions/{requisition_id}/options",
                        {
                            "candidate_id": candidate["id"],
                            "rank": i + 1,
                            "fit_summary": "Strong on payments; would need ramp-up on our stack.",
                            "external_refs": [
                                {"system": "greenhouse", "external_id": f"{prefix}o{i}"}
                            ],
                        },
                    )
                )
            return made

        reads = await post("/v1/requisitions", {"title": "Bench reads", "headcount": 2})
        listed = await add_options(reads["id"], options, "R")
        first = listed[0]
        today = date.today()
        engagement = await post(
            f"/v1/requisitions/{reads['id']}/interim-engagements",
            {"candidate_id": first["candidate_id"], "starts_on": str(today - timedelta(30))},
        )
        for i, (verdict, rating) in enumerate((("meets", 4), ("exceeds", 5), ("below", 2))):
            await post(
                f"/v1/interim-engagements/{engagement['id']}/check-ins",
                {"verdict": verdict, "rating": rating, "occurred_on": str(today - timedelta(i))},
            )
        await post(f"/v1/options/{listed[1]['id']}/select", {"reason": "Covers the scope."})
        await post(f"/v1/options/{listed[2]['id']}/keep-warm", {"reason": "Strong second."})
        for held in listed[3:8]:
            await post(
                f"/v1/options/{held['id']}/hold",
                {"reason": "Budget in spring.", "revisit_on": str(today + timedelta(1))},
            )
        writes = await post("/v1/requisitions", {"title": "Bench writes"})
        cycled = await add_options(writes["id"], cycling, "W")
    return Seed(
        key,
        reads["id"],
        first["id"],
        [(o["id"], f"W Candidate {i}") for i, o in enumerate(cycled)],
    )


async def reset(base: str, key: str, options: list[tuple[str, str]]) -> None:
    """Bring the write cycle's options back to `considering` (a run stops mid-cycle)."""
    headers = {"Authorization": f"Bearer {key}"}
    async with httpx.AsyncClient(base_url=base, headers=headers, timeout=30) as client:
        for option_id, _ in options:
            option = (await client.get(f"/v1/options/{option_id}")).json()
            if option["status"] != "considering":
                response = await client.post(
                    f"/v1/options/{option_id}/reactivate", json={"reason": "Benchmark reset."}
                )
                assert response.status_code == 200, response.text


async def grow(dsn: str, key: str, requisition_id: str | None, total: int) -> str:
    """Bulk-add candidates, each an option of one "Scale" requisition, up to `total` (SQL,
    PostgreSQL): the list and search must not slow down as an organization grows."""
    import asyncpg

    connection = await asyncpg.connect(dsn.replace("+asyncpg", ""))
    try:
        org = await connection.fetchval(
            "SELECT organization_id FROM api_keys WHERE key_hash = $1",
            hashlib.sha256(key.encode()).hexdigest(),
        )
        if requisition_id is None:
            requisition_id = str(
                await connection.fetchval(
                    "INSERT INTO requisitions (id, title, headcount, status, created_at,"
                    " updated_at, version, organization_id) VALUES (gen_random_uuid(), 'Scale',"
                    " 1, 'open', now(), now(), 1, $1) RETURNING id",
                    org,
                )
            )
        have = await connection.fetchval(
            "SELECT count(*) FROM options WHERE requisition_id = $1", uuid.UUID(requisition_id)
        )
        for start in range(have, total, 100_000):
            end = min(total, start + 100_000)
            await connection.execute(
                """
                WITH c AS (
                  INSERT INTO candidates (id, kind, name, email, tags, keep_in_touch_consent,
                                          created_at, updated_at, version, organization_id)
                  SELECT gen_random_uuid(), 'person', 'Person ' || substr(md5(i::text), 1, 10),
                         'p' || i || '@example.com', '[]', false, now(), now(), 1, $1
                    FROM generate_series($3::int, $4::int) AS i
                  RETURNING id, name)
                INSERT INTO options (id, requisition_id, candidate_id, status, rank, at_risk,
                                     status_changed_at, created_at, updated_at, version,
                                     organization_id)
                SELECT gen_random_uuid(), $2, c.id, 'considering',
                       (random() * 9999)::int + 1, false, now(), now(), now(), 1, $1
                  FROM c
                """,
                org,
                uuid.UUID(requisition_id),
                start + 1,
                end,
            )
        await connection.execute("ANALYZE candidates; ANALYZE options")
    finally:
        await connection.close()
    return requisition_id


# --- the twin ---------------------------------------------------------------------------------


def twin() -> Any:
    """uvicorn factory: the raw Starlette + asyncpg twin. One statement per read (the key
    lookup folded in), the same JSON; `decline`/`reactivate` do the same writes as Shortlist
    in one transaction (lock option and requisition, note, events, update)."""
    import asyncpg
    import orjson
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import Response
    from starlette.routing import Route

    from app.notes.respect import check_message
    from app.options.state_machine import allowed_actions

    dsn = os.environ["BENCHMARK_DSN"].replace("+asyncpg", "")
    pools: list[asyncpg.Pool] = []

    @contextlib.asynccontextmanager
    async def lifespan(_app: Starlette) -> Any:
        pools.append(await asyncpg.create_pool(dsn, min_size=4, max_size=10))
        yield
        await pools[0].close()

    org = "(SELECT organization_id FROM api_keys WHERE key_hash = $1 AND revoked_at IS NULL)"
    option_columns = """
        o.*, c.kind AS c_kind, c.name AS c_name,
        (SELECT coalesce(json_agg(json_build_array(s.system, s.external_id)), '[]')
           FROM (SELECT system, external_id FROM external_refs r
                  WHERE r.resource_type = 'option' AND r.resource_id = o.id
                  ORDER BY system, external_id) s) AS refs,
        (SELECT json_build_array(count(*), sum(ci.rating),
                (array_agg(ci.verdict ORDER BY ci.occurred_on DESC, ci.created_at DESC))[1])
           FROM interim_engagements e JOIN checkins ci ON ci.engagement_id = e.id
          WHERE e.requisition_id = o.requisition_id AND e.candidate_id = o.candidate_id)
          AS evidence
    """
    option_sql = (
        f"SELECT {option_columns} FROM options o JOIN candidates c ON c.id = o.candidate_id"
    )

    def key_hash(request: Request) -> str:
        secret = request.headers.get("authorization", "").removeprefix("Bearer ")
        return hashlib.sha256(secret.encode()).hexdigest()

    def stamp(value: Any) -> Any:
        return value.isoformat().replace("+00:00", "Z") if value is not None else None

    def out(row: Any, refs: Any = None, evidence: Any = None) -> dict[str, Any]:
        n, total, latest = orjson.loads(evidence or row["evidence"])
        return {
            "id": str(row["id"]),
            "created_at": stamp(row["created_at"]),
            "updated_at": stamp(row["updated_at"]),
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
            "status_changed_at": stamp(row["status_changed_at"]),
            "revisit_on": stamp(row["revisit_on"]),
            "start_date": stamp(row["start_date"]),
            "external_refs": [
                {"system": s, "external_id": e} for s, e in orjson.loads(refs or row["refs"])
            ],
            "interim_evidence": {
                "checkins": n,
                "average_rating": round(total / n, 2) if n else None,
                "latest_verdict": latest,
            },
            "allowed_actions": allowed_actions(row["status"]),
        }

    def respond(body: Any, status: int = 200) -> Response:
        return Response(orjson.dumps(body), status_code=status, media_type="application/json")

    async def get_option(request: Request) -> Response:
        row = await pools[0].fetchrow(
            f"{option_sql} WHERE o.id = $2 AND o.organization_id = {org}",
            key_hash(request),
            request.path_params["option_id"],
        )
        return respond(out(row)) if row else respond({}, 404)

    async def list_options(request: Request) -> Response:
        rows = await pools[0].fetch(
            f"{option_sql} WHERE o.requisition_id = $2 AND o.organization_id = {org}"
            " ORDER BY o.rank NULLS LAST, o.id LIMIT 51",
            key_hash(request),
            request.path_params["requisition_id"],
        )
        return respond({"data": [out(r) for r in rows[:50]], "next_cursor": None})

    async def events(request: Request) -> Response:
        rows = await pools[0].fetch(
            f"SELECT * FROM events WHERE organization_id = {org}"
            " AND xid < pg_snapshot_xmin(pg_current_snapshot())::text::bigint"
            " ORDER BY xid, seq LIMIT 51",
            key_hash(request),
        )
        body = [
            {
                "id": str(r["id"]),
                "type": r["type"],
                "occurred_at": stamp(r["occurred_at"]),
                "actor": {
                    "api_key_id": str(r["actor_api_key_id"]) if r["actor_api_key_id"] else None,
                    "on_behalf_of": r["actor_on_behalf_of"],
                },
                "subject": {"type": r["subject_type"], "id": str(r["subject_id"])},
                "requisition_id": str(r["requisition_id"]) if r["requisition_id"] else None,
                "data": orjson.loads(r["data"]),
            }
            for r in rows[:50]
        ]
        return respond({"data": body, "next_cursor": None})

    event_sql = """
        INSERT INTO events (id, type, occurred_at, actor_api_key_id, subject_type, subject_id,
                            requisition_id, data, organization_id)
        SELECT gen_random_uuid(), t, now(), $1, split_part(t, '.', 1), s, $2, d::json, $3
          FROM unnest($4::text[], $5::uuid[], $6::text[]) AS x(t, s, d)
    """

    async def act(request: Request) -> Response:
        action = request.path_params["action"]
        body = orjson.loads(await request.body())
        async with pools[0].acquire() as connection, connection.transaction():
            row = await connection.fetchrow(
                f"SELECT {option_columns}, k.id AS key_id, k.organization_id AS org"
                " FROM options o JOIN candidates c ON c.id = o.candidate_id"
                " JOIN requisitions q ON q.id = o.requisition_id"
                " JOIN api_keys k ON k.key_hash = $1 AND k.revoked_at IS NULL"
                "  AND k.organization_id = o.organization_id"
                " WHERE o.id = $2 FOR UPDATE OF o, q",
                key_hash(request),
                request.path_params["option_id"],
            )
            if row is None:
                return respond({}, 404)
            types, subjects, data = [], [], []
            to = "declined" if action == "decline" else "considering"
            reason = body["note"]["reason_code"] if action == "decline" else body["reason"]
            changed_at = "now()"
            if action == "decline":
                note = body["note"]
                findings = check_message(
                    note["message"], door_open=note["door_open"], candidate_name=row["c_name"]
                )
                note_id = uuid.uuid4()
                await connection.execute(
                    "INSERT INTO notes (id, option_id, candidate_id, kind, reason_code, message,"
                    " door_open, respect_findings, created_at, updated_at, version,"
                    " organization_id) VALUES ($1, $2, $3, 'rejection', $4, $5, $6, $7, now(),"
                    " now(), 1, $8)",
                    note_id,
                    row["id"],
                    row["candidate_id"],
                    note["reason_code"],
                    note["message"],
                    note["door_open"],
                    orjson.dumps([f.__dict__ for f in findings]).decode(),
                    row["org"],
                )
                types.append("note.created")
                subjects.append(note_id)
                data.append(
                    orjson.dumps({"option_id": str(row["id"]), "kind": "rejection"}).decode()
                )
            types.append(f"option.{'declined' if action == 'decline' else 'reactivated'}")
            subjects.append(row["id"])
            data.append(orjson.dumps({"from": row["status"], "to": to, "reason": reason}).decode())
            await connection.execute(
                event_sql, row["key_id"], row["requisition_id"], row["org"], types, subjects, data
            )
            updated = await connection.fetchrow(
                "UPDATE options SET status = $2, status_reason = $3,"
                f" status_changed_at = {changed_at}, updated_at = now(), version = version + 1"
                " WHERE id = $1 RETURNING *",
                row["id"],
                to,
                reason,
            )
        document = out(
            {**dict(updated), "c_kind": row["c_kind"], "c_name": row["c_name"]},
            row["refs"],
            row["evidence"],
        )
        return respond(document)

    return Starlette(
        routes=[
            Route("/v1/options/{option_id:uuid}", get_option),
            Route("/v1/requisitions/{requisition_id:uuid}/options", list_options),
            Route("/v1/events", events),
            Route("/v1/options/{option_id:uuid}/{action}", act, methods=["POST"]),
            Route("/healthz", lambda _request: Response("ok")),
        ],
        lifespan=lifespan,
    )


# --- load generation --------------------------------------------------------------------------


@dataclass
class Work:
    """What to send: GETs of one path, or a cycle of two actions over options of their own."""

    key: str
    path: str | None = None
    cycle: tuple[str, str] | None = None  # (action, back)
    options: tuple[tuple[str, str], ...] = ()

    def body(self, action: str, name: str) -> bytes:
        if action == "decline":
            return json.dumps(
                {"note": {**DECLINE_NOTE, "message": DECLINE_NOTE["message"].format(name=name)}}
            ).encode()
        return json.dumps({"reason": "Back in consideration for the benchmark."}).encode()


@dataclass
class Result:
    requests: int
    seconds: float
    latencies_ms: list[float]
    errors: int

    @property
    def rate(self) -> float:
        return self.requests / self.seconds

    def percentile(self, p: float) -> float:
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, int(len(ordered) * p / 100))] if ordered else 0.0


def wrk_script(work: Work) -> str:
    headers = f'wrk.headers["Authorization"] = "Bearer {work.key}"\n'
    headers += 'wrk.headers["Content-Type"] = "application/json"\n'
    done = """
function done(summary, latency, requests)
  io.write(string.format("RESULT %d %d %d %f %f\\n", summary.requests, summary.duration,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.timeout, latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
"""
    if work.cycle is None:
        return headers + done
    action, back = work.cycle
    ids = ", ".join(f'"{option_id}"' for option_id, _ in work.options)
    bodies = ", ".join(
        "{"
        + json.dumps(work.body(action, name).decode())
        + ", "
        + json.dumps(work.body(back, name).decode())
        + "}"
        for _, name in work.options
    )
    return (
        headers
        + f"local ids = {{{ids}}}\nlocal bodies = {{{bodies}}}\nlocal n = #ids\nlocal i = 0\n"
        + f"""
-- Option k is sent `{action}`, then `{back}` n requests later: at most 16 are in flight, so
-- its previous request is done by then.
function request()
  local k = i % n + 1
  local round = math.floor(i / n) % 2
  i = i + 1
  local path = "/v1/options/" .. ids[k] .. (round == 0 and "/{action}" or "/{back}")
  return wrk.format("POST", path, nil, bodies[k][round + 1])
end
"""
        + done
    )


def run_wrk(port: int, work: Work, seconds: float, connections: int) -> Result:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(wrk_script(work))
    url = f"http://127.0.0.1:{port}{work.path or '/'}"
    command = [
        "wrk",
        "-t1",
        f"-c{connections}",
        f"-d{round(seconds)}s",
        "--timeout",
        "10s",
        "-s",
        script.name,
        url,
    ]
    if LOAD_CPU is not None and shutil.which("taskset"):
        command = ["taskset", "-c", str(LOAD_CPU), *command]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    os.unlink(script.name)
    line = next(line for line in output.splitlines() if line.startswith("RESULT"))
    requests, micros, errors, p50, p99 = line.split()[1:]
    # wrk reports percentiles, not samples: keep them as a two-point distribution.
    return Result(
        int(requests), int(micros) / 1e6, [float(p50)] * 98 + [float(p99)] * 2, int(errors)
    )


async def _request(reader: Any, writer: Any, head: bytes, body: bytes) -> int:
    writer.write(head + body)
    status_line = await reader.readline()
    length = 0
    while (line := await reader.readline()) not in (b"\r\n", b""):
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
    await reader.readexactly(length)
    return int(status_line.split()[1])


def _head(work: Work, method: str, path: str, body: bytes) -> bytes:
    return (
        f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {work.key}\r\n"
        f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
    ).encode()


async def _drive(
    port: int, work: Work, seconds: float, connections: int, rate: float | None
) -> Result:
    """Closed loop (`rate` None: each connection sends as soon as it has its answer) or open
    loop at `rate` requests/s, latency counted from each request's scheduled start."""
    latencies: list[float] = []
    errors = 0
    deadline = time.perf_counter() + seconds
    options = list(work.options)
    free_options: asyncio.Queue[tuple[str, str, int]] = asyncio.Queue()
    for option_id, name in options:
        free_options.put_nowait((option_id, name, 0))

    def next_request(option: tuple[str, str, int] | None) -> bytes:
        if work.cycle is None:
            assert work.path is not None
            return _head(work, "GET", work.path, b"")
        assert option is not None
        option_id, name, turn = option
        action = work.cycle[turn % 2]
        body = work.body(action, name)
        return _head(work, "POST", f"/v1/options/{option_id}/{action}", body) + body

    connections_pool: asyncio.Queue[tuple[Any, Any]] = asyncio.Queue()
    for _ in range(connections):
        connections_pool.put_nowait(await asyncio.open_connection("127.0.0.1", port))

    async def one(scheduled: float) -> None:
        nonlocal errors
        option = await free_options.get() if work.cycle else None
        reader, writer = await connections_pool.get()
        try:
            status = await _request(reader, writer, next_request(option), b"")
        finally:
            connections_pool.put_nowait((reader, writer))
            if option is not None:
                free_options.put_nowait((option[0], option[1], option[2] + 1))
        latencies.append((time.perf_counter() - scheduled) * 1000)
        if status >= 400:
            errors += 1

    began = time.perf_counter()
    if rate is None:

        async def loop() -> None:
            while time.perf_counter() < deadline:
                await one(time.perf_counter())

        await asyncio.gather(*(loop() for _ in range(connections)))
    else:
        tasks = []
        interval, at = 1 / rate, began
        while at < deadline:
            await asyncio.sleep(max(0.0, at - time.perf_counter()))
            tasks.append(asyncio.ensure_future(one(at)))
            at += interval
        await asyncio.gather(*tasks)
    elapsed = time.perf_counter() - began
    return Result(len(latencies), elapsed, latencies, errors)


def _process(args: tuple[int, Work, float, int, float | None]) -> Result:
    if LOAD_CPU is not None:
        os.sched_setaffinity(0, {LOAD_CPU})
    try:
        import uvloop

        uvloop.install()
    except ImportError:
        pass
    return asyncio.run(_drive(*args))


def run_python(
    port: int,
    work: Work,
    seconds: float,
    connections: int,
    rate: float | None = None,
    processes: int = 2,
) -> Result:
    """The fallback load generator: `processes` processes, each with its share of the
    connections (and of the options a write cycle uses, and of the rate)."""
    shares = []
    for p in range(processes):
        share = Work(work.key, work.path, work.cycle, work.options[p::processes])
        shares.append(
            (
                port,
                share,
                seconds,
                max(1, connections // processes),
                rate / processes if rate else None,
            )
        )
    with multiprocessing.get_context("spawn").Pool(processes) as pool:
        results = pool.map(_process, shares)
    return Result(
        sum(r.requests for r in results),
        max(r.seconds for r in results),
        [latency for r in results for latency in r.latencies_ms],
        sum(r.errors for r in results),
    )


# --- servers ----------------------------------------------------------------------------------


def serve(target: str, port: int, env: dict[str, str]) -> subprocess.Popen[bytes]:
    command = [
        sys.executable,
        "-m",
        "uvicorn",
        target,
        "--factory",
        "--port",
        str(port),
        "--log-level",
        "warning",
        "--no-access-log",
    ]
    if SERVER_CPU is not None and shutil.which("taskset"):
        command = ["taskset", "-c", str(SERVER_CPU), *command]
    return subprocess.Popen(command, env={**os.environ, **env}, cwd=ROOT)


async def wait_up(url: str) -> None:
    async with httpx.AsyncClient() as client:
        for _ in range(200):
            try:
                await client.get(url)
                return
            except httpx.TransportError:
                await asyncio.sleep(0.1)
    raise RuntimeError(f"{url} did not come up")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url")
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--options", type=int, default=50)
    parser.add_argument("--python-load", action="store_true", help="do not use wrk")
    parser.add_argument(
        "--only", choices=["reads", "writes", "scale"], action="append", help="parts to run"
    )
    parser.add_argument(
        "--scale", type=int, default=0, help="PostgreSQL: also time list and search at this size"
    )
    args = parser.parse_args()
    use_wrk = shutil.which("wrk") is not None and not args.python_load
    with tempfile.TemporaryDirectory() as tmp:
        url = args.database_url or f"sqlite+aiosqlite:///{tmp}/bench.db"
        postgresql = url.startswith("postgresql")
        migrate(url)
        from cryptography.fernet import Fernet

        env = {
            "SHORTLIST_DATABASE_URL": url,
            "BENCHMARK_DSN": url,
            "SHORTLIST_SECRET_KEY": Fernet.generate_key().decode(),
            # The limiter still runs (its cost is part of every request) but never refuses.
            "SHORTLIST_RATE_LIMIT_READ": "100000000/minute",
            "SHORTLIST_RATE_LIMIT_WRITE": "100000000/minute",
        }
        key = asyncio.run(make_key(url))
        servers = {"shortlist": serve("app.main:create_app", SHORTLIST_PORT, env)}
        if postgresql:
            servers["twin"] = serve("tests.benchmark:twin", TWIN_PORT, env)
        try:
            asyncio.run(wait_up(f"http://127.0.0.1:{SHORTLIST_PORT}/healthz"))
            if postgresql:
                asyncio.run(wait_up(f"http://127.0.0.1:{TWIN_PORT}/healthz"))
            s = asyncio.run(seed(f"http://127.0.0.1:{SHORTLIST_PORT}", key, args.options, 64))
            report(s, args, use_wrk, postgresql)
        finally:
            for process in servers.values():
                process.terminate()
                process.wait()


def report(s: Seed, args: argparse.Namespace, use_wrk: bool, postgresql: bool) -> None:
    load = "wrk -t1" if use_wrk else "python load generator, 2 processes"
    print(
        f"load: {load}, {args.connections} connections, {args.seconds:.0f} s a run; "
        f"server on CPU {SERVER_CPU}, load on CPU {LOAD_CPU}; database: "
        f"{'PostgreSQL' if postgresql else 'SQLite'}"
    )
    print(
        f"{'request':<26} {'server':<10} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7} {'ratio':>6}"
    )

    def measure(label: str, work: Work, twin_too: bool, rate: float | None = None) -> Result:
        results = {}
        for name, port in (("shortlist", SHORTLIST_PORT), ("twin", TWIN_PORT)):
            if name == "twin" and not (postgresql and twin_too):
                continue
            if work.cycle is not None:
                # Requests of the previous run (the twin's too: same rows) may still be in
                # flight when the load generator stops; let them land before resetting.
                time.sleep(1)
                asyncio.run(reset(f"http://127.0.0.1:{SHORTLIST_PORT}", s.key, s.cycling))
            if rate is None and use_wrk:
                result = run_wrk(port, work, args.seconds, args.connections)
            else:
                result = run_python(port, work, args.seconds, args.connections, rate)
            results[name] = result
        base = results.get("twin")
        for name, r in results.items():
            ratio = (
                f"{r.rate / base.rate:.2f}×"
                if base and name == "shortlist" and rate is None
                else ""
            )
            print(
                f"{label:<26} {name:<10} {r.rate:>8.0f} {r.percentile(50):>8.1f} "
                f"{r.percentile(99):>8.1f} {r.errors:>7} {ratio:>6}"
            )
        return results["shortlist"]

    reads = {
        "GET option": (f"/v1/options/{s.option_id}", True),
        "list 50 options": (f"/v1/requisitions/{s.requisition_id}/options", True),
        "GET bench": (f"/v1/requisitions/{s.requisition_id}/bench", False),
        "GET follow-ups": ("/v1/follow-ups?due_before=2100-01-01", False),
        "events feed page (50)": ("/v1/events", True),
    }
    parts = set(args.only or ["reads", "writes", "scale"])
    if "reads" in parts:
        for label, (path, twin_too) in reads.items():
            measure(label, Work(s.key, path=path), twin_too)
    if postgresql and args.scale and "scale" in parts:
        scale(s, args)
    if "writes" not in parts:
        return
    cycle = ("decline", "reactivate") if postgresql else ("keep-warm", "reactivate")
    writes = Work(s.key, cycle=cycle, options=tuple(s.cycling))
    label = f"{cycle[0]} ↔ {cycle[1]}"
    peak = measure(f"{label} (max)", writes, True)
    measure(f"{label} (at {peak.rate / 2:.0f}/s)", writes, True, rate=peak.rate / 2)


def scale(s: Seed, args: argparse.Namespace) -> None:
    """List and search latency (one connection, so latency is the request's own) with 10,000
    and then `--scale` options and candidates in the organization."""
    requisition_id = None
    base: dict[str, float] = {}
    for total in (10_000, args.scale):
        requisition_id = asyncio.run(grow(args.database_url, s.key, requisition_id, total))
        probes = {
            "list 50 options": f"/v1/requisitions/{requisition_id}/options",
            "list 50, status filter": f"/v1/requisitions/{requisition_id}/options?status=considering",
            # A fragment of one person's name, as someone would type it.
            "search candidates q": f"/v1/candidates?q={md5(str(total // 2 + 7).encode()).hexdigest()[2:9]}",
        }
        for label, path in probes.items():
            r = run_python(SHORTLIST_PORT, Work(s.key, path=path), args.seconds / 2, 1, processes=1)
            p50 = r.percentile(50)
            ratio = f"{p50 / base[label]:.2f}×" if label in base else ""
            base.setdefault(label, p50)
            print(
                f"{label + f' @{total:,}':<34} p50 {p50:>7.1f} ms  p99 {r.percentile(99):>7.1f} ms"
                f"  errors {r.errors}  {ratio}"
            )


if __name__ == "__main__":
    main()
