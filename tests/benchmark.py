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
        # The bench and follow-ups at work: a second runner-up (cold), a touchpoint that makes
        # the first one warm (so it is recommended), interim evidence of its own, and a
        # failing check-in that puts the first choice at risk (a `call_runner_up`).
        await post(f"/v1/options/{listed[8]['id']}/keep-warm", {"reason": "Also strong."})
        await post(
            f"/v1/candidates/{listed[2]['candidate_id']}/touchpoints",
            {
                "direction": "outbound",
                "channel": "call",
                "occurred_at": f"{today - timedelta(2)}T10:00:00Z",
            },
        )
        second = await post(
            f"/v1/requisitions/{reads['id']}/interim-engagements",
            {"candidate_id": listed[2]["candidate_id"], "starts_on": str(today - timedelta(9))},
        )
        await post(
            f"/v1/interim-engagements/{second['id']}/check-ins",
            {"verdict": "exceeds", "rating": 5, "occurred_on": str(today - timedelta(1))},
        )
        await post(
            f"/v1/options/{listed[1]['id']}/check-ins",
            {"verdict": "failing", "rating": 1, "occurred_on": str(today)},
        )
        await post(  # a hold whose door-open note asks to keep in touch (`keep_in_touch`)
            f"/v1/options/{listed[9]['id']}/hold",
            {
                "reason": "No budget until Q2.",
                "revisit_on": str(today + timedelta(60)),
                "note": {
                    "reason_code": "no_current_need",
                    "message": (
                        "Hi R Candidate 9, thank you for the conversations. We have no opening "
                        "right now because the budget moved to Q2, so this is a 'not now' "
                        "rather than a no. I'll get back in touch in a few weeks."
                    ),
                    "door_open": True,
                    "keep_in_touch_on": str(today + timedelta(3)),
                },
            },
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

    # --- the bench and follow-ups: one statement each, the key lookup folded in ---------------

    from datetime import UTC, datetime

    from app.bench.service import COOLING_WITHIN, WARM_WITHIN
    from app.checkins.cadence import INTERIM_EVERY_DAYS, MAX_CHECKINS
    from app.followups.service import CALL_RUNNER_UP_WITHIN
    from app.kit.pagination import encode_cursor
    from app.options.state_machine import CLOSED, SEATED

    seated, closed = sorted(SEATED), sorted(CLOSED)
    # A runner-up's facts (for the option `o`): the latest touchpoint, whether the latest note
    # of its current status left the door open, and every check-in on their work for the
    # requisition (on the option itself and as an interim): count, sum, latest verdict.
    runner_facts = """
        LEFT JOIN LATERAL (
          SELECT (SELECT max(t.occurred_at) FROM touchpoints t
                   WHERE t.candidate_id = o.candidate_id) AS last_touch,
                 coalesce((SELECT n.door_open FROM notes n
                            WHERE n.option_id = o.id AND n.created_at >= o.status_changed_at
                            ORDER BY n.created_at DESC LIMIT 1), true) AS door_open,
                 (SELECT json_build_array(count(*), sum(x.rating),
                         (array_agg(x.verdict ORDER BY x.occurred_on DESC, x.created_at DESC))[1])
                    FROM (SELECT ci.rating, ci.verdict, ci.occurred_on, ci.created_at
                            FROM checkins ci WHERE ci.option_id = o.id
                          UNION ALL
                          SELECT ci.rating, ci.verdict, ci.occurred_on, ci.created_at
                            FROM interim_engagements e JOIN checkins ci ON ci.engagement_id = e.id
                           WHERE e.requisition_id = o.requisition_id
                             AND e.candidate_id = o.candidate_id) x) AS overall
           WHERE o.status = 'runner_up'
        ) rf ON true
    """
    # A first choice's start: a hire's start date, otherwise the day it was selected.
    start = (
        "CASE WHEN o.status = 'hired' AND o.start_date IS NOT NULL THEN o.start_date"
        " ELSE (o.status_changed_at AT TIME ZONE 'UTC')::date END"
    )
    # The cadence's slots of a first choice (`o` of requisition `q`): due_on, next_on, n.
    option_slots = f"""
        generate_series(1, {MAX_CHECKINS}) s(n)
        CROSS JOIN LATERAL (
          SELECT {start} + (q.checkin_cadence_days ->> (s.n - 1))::int AS due_on,
                 {start} + (q.checkin_cadence_days ->> s.n)::int AS next_on) d
    """
    option_slot_open = """
        d.due_on IS NOT NULL AND (d.next_on IS NULL OR d.next_on > $TODAY)
        AND NOT EXISTS (SELECT 1 FROM checkins ck WHERE ck.option_id = o.id
                          AND ck.occurred_on >= d.due_on
                          AND (d.next_on IS NULL OR ck.occurred_on < d.next_on))
    """
    bench_sql = f"""
        SELECT q.id AS q_id,
               (SELECT count(*) FROM options a
                 WHERE a.requisition_id = q.id AND a.status <> ALL($3::text[])) AS open_count,
               b.*
          FROM requisitions q
          LEFT JOIN LATERAL (
            SELECT {option_columns}, rf.last_touch, rf.door_open, rf.overall,
                   nc.n AS next_n, nc.due_on AS next_on
              FROM options o JOIN candidates c ON c.id = o.candidate_id
              {runner_facts}
              LEFT JOIN LATERAL (
                SELECT s.n, d.due_on FROM {option_slots}
                 WHERE o.status = ANY($4::text[]) AND c.erased_at IS NULL
                   AND {option_slot_open.replace("$TODAY", "$5")}
                 ORDER BY d.due_on, s.n LIMIT 1
              ) nc ON true
             WHERE o.requisition_id = q.id AND (o.status = ANY($4::text[]) OR o.status = 'runner_up')
          ) b ON true
         WHERE q.id = $2 AND q.organization_id = {org}
         ORDER BY b.rank NULLS LAST, b.id
    """

    def evidence_of(summary: Any) -> dict[str, Any]:
        n, total, latest = orjson.loads(summary)
        return {
            "checkins": n,
            "average_rating": round(total / n, 2) if n else None,
            "latest_verdict": latest,
        }

    def warmth(last_touch: datetime | None, now: datetime) -> str:
        if last_touch is None or now - last_touch > COOLING_WITHIN:
            return "cold"
        return "warm" if now - last_touch <= WARM_WITHIN else "cooling"

    def said(evidence: dict[str, Any]) -> str:
        plural = "s" if evidence["checkins"] != 1 else ""
        return f"{evidence['checkins']} check-in{plural} averaging {evidence['average_rating']}/5"

    def recommend(
        runners: list[tuple[dict[str, Any], datetime | None]], now: datetime
    ) -> tuple[dict[str, Any], list[str]] | None:
        """The best-ranked warm runner-up with the door open (evidence breaks ties), and why."""
        eligible = [r for r in runners if r[0]["warmth"] == "warm" and r[0]["door_open"]]
        if not eligible:
            return None
        best, last_touch = min(
            eligible,
            key=lambda r: (
                r[0]["option"]["rank"] is None,
                r[0]["option"]["rank"] or 0,
                -(r[0]["evidence"]["average_rating"] or 0),
                -r[0]["evidence"]["checkins"],
            ),
        )
        rank = best["option"]["rank"]
        reasons = [f"ranked #{rank}" if rank else "the only warm runner-up"]
        if last_touch is not None:
            days = (now - last_touch).days
            reasons.append(f"warm: last contact {days} day{'s' if days != 1 else ''} ago")
        reasons.append("door open: their last note left it open")
        interim = best["option"]["interim_evidence"]
        if interim["checkins"]:
            reasons.append(
                f"interim evidence: {said(interim)}, latest verdict {interim['latest_verdict']}"
            )
        if best["evidence"]["checkins"] > interim["checkins"]:
            reasons.append(f"evidence overall: {said(best['evidence'])}")
        return best, reasons

    async def get_bench(request: Request) -> Response:
        now = datetime.now(UTC)
        today = now.date()
        rows = await pools[0].fetch(
            bench_sql,
            key_hash(request),
            request.path_params["requisition_id"],
            closed,
            seated,
            today,
        )
        if not rows:
            return respond({}, 404)
        options = [r for r in rows if r["id"] is not None]
        first = [r for r in options if r["status"] in SEATED]
        runners = [
            (
                {
                    "option": out(r),
                    "warmth": warmth(r["last_touch"], now),
                    "last_touch_at": stamp(r["last_touch"]),
                    "door_open": r["door_open"],
                    "evidence": evidence_of(r["overall"]),
                },
                r["last_touch"],
            )
            for r in options
            if r["status"] == "runner_up"
        ]
        check_ins = [
            {
                "option_id": str(r["id"]),
                "next_check_in_on": stamp(r["next_on"]),
                "checkin_number": r["next_n"],
                "overdue": r["next_on"] is not None and r["next_on"] < today,
            }
            for r in first
        ]
        flags = []
        if not runners:
            flags.append("no_runner_up")
        if any(r["at_risk"] for r in first):
            flags.append("first_choice_at_risk")
        if any(c["overdue"] for c in check_ins):
            flags.append("check_in_overdue")
        if any(r["warmth"] == "cold" for r, _ in runners):
            flags.append("runner_up_cold")
        if rows[0]["open_count"] == 1:
            flags.append("single_option")
        best = recommend(runners, now)
        return respond(
            {
                "requisition_id": str(rows[0]["q_id"]),
                "first_choices": [out(r) for r in first],
                "check_ins": check_ins,
                "runner_ups": [r for r, _ in runners],
                "recommended_replacement": (
                    {"option_id": best[0]["option"]["id"], "reasons": best[1]} if best else None
                ),
                "flags": flags,
            }
        )

    in_org = "(SELECT org FROM k)"
    untouched = (
        "NOT EXISTS (SELECT 1 FROM touchpoints t WHERE t.candidate_id = {candidate}"
        " AND (t.occurred_at AT TIME ZONE 'UTC')::date >= {due})"
    )
    follow_ups_sql = f"""
        WITH k AS MATERIALIZED (
          SELECT organization_id AS org FROM api_keys WHERE key_hash = $1 AND revoked_at IS NULL
        ), f AS (
          SELECT * FROM (
            SELECT nd.due_on, 'keep_in_touch' AS reason, nd.candidate_id, nd.requisition_id,
                   nd.candidate_name, held.id AS option_id, nd.note_id,
                   NULL::uuid AS engagement_id, NULL::int AS checkin_number
              FROM (SELECT n.keep_in_touch_on AS due_on, n.candidate_id,
                           coalesce(o.requisition_id, e.requisition_id) AS requisition_id,
                           c.name AS candidate_name, n.id AS note_id,
                           row_number() OVER (
                             PARTITION BY n.candidate_id,
                                          coalesce(o.requisition_id, e.requisition_id),
                                          n.keep_in_touch_on
                             ORDER BY n.id) AS nth
                      FROM notes n JOIN candidates c ON c.id = n.candidate_id
                      LEFT JOIN options o ON o.id = n.option_id
                      LEFT JOIN interim_engagements e ON e.id = n.engagement_id
                     WHERE c.erased_at IS NULL AND n.organization_id = {in_org}
                       AND c.keep_in_touch_consent AND n.door_open
                       AND n.keep_in_touch_on < $2
                       AND coalesce(o.requisition_id, e.requisition_id) IS NOT NULL) nd
              LEFT JOIN options held ON held.candidate_id = nd.candidate_id
                                    AND held.requisition_id = nd.requisition_id
             WHERE nd.nth = 1 AND (held.id IS NULL OR held.status <> ALL($4::text[]))
               AND {untouched.format(candidate="nd.candidate_id", due="nd.due_on")}
            UNION ALL
            SELECT o.revisit_on, 'revisit_hold', o.candidate_id, o.requisition_id, c.name, o.id,
                   NULL, NULL, NULL
              FROM options o JOIN candidates c ON c.id = o.candidate_id
             WHERE c.erased_at IS NULL AND o.organization_id = {in_org}
               AND o.status = 'on_hold' AND o.revisit_on < $2
               AND {untouched.format(candidate="o.candidate_id", due="o.revisit_on")}
            UNION ALL
            SELECT w.due_on, 'warm_runner_up', o.candidate_id, o.requisition_id, c.name, o.id,
                   NULL, NULL, NULL
              FROM options o JOIN candidates c ON c.id = o.candidate_id
              CROSS JOIN LATERAL (
                SELECT (coalesce((SELECT max(t.occurred_at) FROM touchpoints t
                                   WHERE t.candidate_id = o.candidate_id), o.status_changed_at)
                        AT TIME ZONE 'UTC')::date + {WARM_WITHIN.days} AS due_on) w
             WHERE c.erased_at IS NULL AND o.organization_id = {in_org}
               AND o.status = 'runner_up' AND w.due_on < $2
            UNION ALL
            SELECT d.due_on, 'check_in_due', o.candidate_id, o.requisition_id, c.name, o.id,
                   NULL, NULL, s.n
              FROM options o JOIN requisitions q ON q.id = o.requisition_id
              JOIN candidates c ON c.id = o.candidate_id
              CROSS JOIN {option_slots}
             WHERE o.organization_id = {in_org} AND o.status = ANY($4::text[])
               AND c.erased_at IS NULL AND d.due_on < $2
               AND {option_slot_open.replace("$TODAY", "$3")}
            UNION ALL
            SELECT d.due_on, 'check_in_due', e.candidate_id, e.requisition_id, c.name, theirs.id,
                   NULL, e.id, s.n
              FROM interim_engagements e JOIN candidates c ON c.id = e.candidate_id
              CROSS JOIN generate_series(1, {MAX_CHECKINS}) s(n)
              CROSS JOIN LATERAL (
                SELECT e.starts_on + s.n * {INTERIM_EVERY_DAYS} AS due_on,
                       e.starts_on + (s.n + 1) * {INTERIM_EVERY_DAYS} AS next_on) d
              LEFT JOIN options theirs ON theirs.candidate_id = e.candidate_id
                                      AND theirs.requisition_id = e.requisition_id
             WHERE e.organization_id = {in_org} AND e.status <> 'ended'
               AND c.erased_at IS NULL AND (e.ends_on IS NULL OR d.due_on <= e.ends_on)
               AND (theirs.id IS NULL OR theirs.status <> ALL($4::text[]))
               AND d.due_on < $2 AND d.next_on > $3
               AND NOT EXISTS (SELECT 1 FROM checkins ck WHERE ck.engagement_id = e.id
                                 AND ck.occurred_on >= d.due_on AND ck.occurred_on < d.next_on)
            UNION ALL
            SELECT (o.at_risk_since AT TIME ZONE 'UTC')::date + {CALL_RUNNER_UP_WITHIN},
                   'call_runner_up', o.candidate_id, o.requisition_id, c.name, o.id,
                   NULL, NULL, NULL
              FROM options o JOIN candidates c ON c.id = o.candidate_id
             WHERE c.erased_at IS NULL AND o.organization_id = {in_org}
               AND o.status = ANY($4::text[]) AND o.at_risk AND o.at_risk_since IS NOT NULL
               AND (o.at_risk_since AT TIME ZONE 'UTC')::date + {CALL_RUNNER_UP_WITHIN} < $2
               AND EXISTS (SELECT 1 FROM options r JOIN candidates rc ON rc.id = r.candidate_id
                            WHERE r.requisition_id = o.requisition_id
                              AND r.status = 'runner_up' AND rc.erased_at IS NULL)
               AND NOT EXISTS (SELECT 1 FROM options r
                                 JOIN touchpoints t ON t.candidate_id = r.candidate_id
                                WHERE r.requisition_id = o.requisition_id
                                  AND r.status = 'runner_up'
                                  AND t.occurred_at >= o.at_risk_since)
          ) u
          ORDER BY due_on, reason, candidate_id, requisition_id
          LIMIT 51
        )
        SELECT f.*,
               CASE WHEN f.reason = 'call_runner_up' THEN (
                 SELECT json_agg(json_build_array(
                          o.id, o.candidate_id, c.name, o.rank,
                          extract(epoch FROM rf.last_touch), rf.door_open, rf.overall,
                          (SELECT json_build_array(count(*), sum(ci.rating),
                                  (array_agg(ci.verdict ORDER BY ci.occurred_on DESC,
                                                                 ci.created_at DESC))[1])
                             FROM interim_engagements e
                             JOIN checkins ci ON ci.engagement_id = e.id
                            WHERE e.requisition_id = o.requisition_id
                              AND e.candidate_id = o.candidate_id))
                        ORDER BY o.rank NULLS LAST, o.id)
                   FROM options o JOIN candidates c ON c.id = o.candidate_id
                   {runner_facts}
                  WHERE o.requisition_id = f.requisition_id AND o.status = 'runner_up')
               END AS runners
          FROM f
         ORDER BY due_on, reason, candidate_id, requisition_id
    """
    follow_ups_list = (
        "follow_ups.due_on,follow_ups.reason,follow_ups.candidate_id,follow_ups.requisition_id"
    )

    def replacement(runners: Any, now: datetime) -> dict[str, Any] | None:
        found = []
        for option_id, candidate_id, name, rank, touch, door_open, overall, interim in runners:
            last_touch = datetime.fromtimestamp(touch, UTC) if touch is not None else None
            found.append(
                (
                    {
                        "option": {
                            "id": option_id,
                            "candidate_id": candidate_id,
                            "candidate_name": name,
                            "rank": rank,
                            "interim_evidence": evidence_of(orjson.dumps(interim)),
                        },
                        "warmth": warmth(last_touch, now),
                        "door_open": door_open,
                        "evidence": evidence_of(orjson.dumps(overall)),
                    },
                    last_touch,
                )
            )
        best = recommend(found, now)
        if best is None:
            return None
        option = best[0]["option"]
        return {
            "option_id": option["id"],
            "candidate_id": option["candidate_id"],
            "candidate_name": option["candidate_name"],
            "reasons": best[1],
        }

    async def follow_ups(request: Request) -> Response:
        now = datetime.now(UTC)
        today = now.date()
        due_before = request.query_params.get("due_before")
        rows = await pools[0].fetch(
            follow_ups_sql,
            key_hash(request),
            date.fromisoformat(due_before) if due_before else today + timedelta(days=1),
            today,
            seated,
        )
        body = [
            {
                "candidate_id": str(r["candidate_id"]),
                "candidate_name": r["candidate_name"],
                "option_id": str(r["option_id"]) if r["option_id"] else None,
                "requisition_id": str(r["requisition_id"]),
                "reason": r["reason"],
                "due_on": stamp(r["due_on"]),
                "note_id": str(r["note_id"]) if r["note_id"] else None,
                "engagement_id": str(r["engagement_id"]) if r["engagement_id"] else None,
                "checkin_number": r["checkin_number"],
                "replacement": (
                    replacement(orjson.loads(r["runners"]), now) if r["runners"] else None
                ),
            }
            for r in rows[:50]
        ]
        last = rows[49] if len(rows) > 50 else None
        next_cursor = (
            encode_cursor(
                follow_ups_list,
                [last["due_on"], last["reason"], last["candidate_id"], last["requisition_id"]],
            )
            if last is not None
            else None
        )
        return respond({"data": body, "next_cursor": next_cursor})

    return Starlette(
        routes=[
            Route("/v1/options/{option_id:uuid}", get_option),
            Route("/v1/requisitions/{requisition_id:uuid}/options", list_options),
            Route("/v1/events", events),
            Route("/v1/requisitions/{requisition_id:uuid}/bench", get_bench),
            Route("/v1/follow-ups", follow_ups),
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
        + f"local ids = {{{ids}}}\nlocal bodies = {{{bodies}}}\nlocal n = #ids\nlocal i = -1\n"
        + f"""
-- Option k is sent `{action}`, then `{back}` n requests later: at most 16 are in flight, so
-- its previous request is done by then. (i starts at -1: wrk calls request() once before the
-- run to check the script, and does not send what that call returns.)
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
        "--rounds", type=int, default=1, help="runs of each request, alternating the servers"
    )
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
        f"load: {load}, {args.connections} connections, {args.seconds:.0f} s a run, "
        f"median of {args.rounds}; "
        f"server on CPU {SERVER_CPU}, load on CPU {LOAD_CPU}; database: "
        f"{'PostgreSQL' if postgresql else 'SQLite'}"
    )
    print(
        f"{'request':<26} {'server':<10} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7} {'ratio':>6}"
    )

    def measure(label: str, work: Work, twin_too: bool, rate: float | None = None) -> Result:
        runs: dict[str, list[Result]] = {}
        # Rounds alternate the two servers, so a busy spell of the machine falls on both;
        # each server's median run (by rate) is reported.
        for _ in range(args.rounds):
            for name, port in (("shortlist", SHORTLIST_PORT), ("twin", TWIN_PORT)):
                if name == "twin" and not (postgresql and twin_too):
                    continue
                if work.cycle is not None:
                    # Requests of the previous run (the twin's too: same rows) may still be
                    # in flight when the load generator stops; let them land first.
                    time.sleep(1)
                    asyncio.run(reset(f"http://127.0.0.1:{SHORTLIST_PORT}", s.key, s.cycling))
                if rate is None and use_wrk:
                    result = run_wrk(port, work, args.seconds, args.connections)
                else:
                    result = run_python(port, work, args.seconds, args.connections, rate)
                runs.setdefault(name, []).append(result)
        results = {
            name: sorted(found, key=lambda r: r.rate)[len(found) // 2]
            for name, found in runs.items()
        }
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
        "GET bench": (f"/v1/requisitions/{s.requisition_id}/bench", True),
        "GET follow-ups": ("/v1/follow-ups?due_before=2100-01-01", True),
        "events feed page (50)": ("/v1/events", True),
    }
    parts = set(args.only or ["reads", "writes", "scale"])
    if postgresql:
        check_twin(s, [reads["GET bench"][0], reads["GET follow-ups"][0]])
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


def check_twin(s: Seed, paths: list[str]) -> None:
    """The twin must answer with the same JSON as Shortlist (parsed; headers aside), or the
    ratio would not compare equal work: stop the benchmark if it does not."""
    headers = {"Authorization": f"Bearer {s.key}"}
    for path in paths:
        got = {}
        for name, port in (("shortlist", SHORTLIST_PORT), ("twin", TWIN_PORT)):
            response = httpx.get(f"http://127.0.0.1:{port}{path}", headers=headers, timeout=30)
            assert response.status_code == 200, f"{name} {path}: {response.text}"
            got[name] = response.json()
        if got["shortlist"] != got["twin"]:
            print(f"twin differs from Shortlist on GET {path}:", file=sys.stderr)
            for line in _differences(got["shortlist"], got["twin"])[:20]:
                print(f"  {line}", file=sys.stderr)
            raise SystemExit(f"the twin does not do the same work as Shortlist: GET {path}")
    print(f"twin JSON equals Shortlist's: {', '.join(paths)}")


def _differences(a: Any, b: Any, at: str = "$") -> list[str]:
    if isinstance(a, dict) and isinstance(b, dict):
        found = [
            f"{at}.{k}: only in {'shortlist' if k in a else 'twin'}" for k in a.keys() ^ b.keys()
        ]
        for k in a.keys() & b.keys():
            found += _differences(a[k], b[k], f"{at}.{k}")
        return found
    if isinstance(a, list) and isinstance(b, list):
        found = [f"{at}: {len(a)} items in shortlist, {len(b)} in twin"] if len(a) != len(b) else []
        for i, (x, y) in enumerate(zip(a, b, strict=False)):
            found += _differences(x, y, f"{at}[{i}]")
        return found
    return [] if a == b else [f"{at}: shortlist {a!r}, twin {b!r}"]


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
