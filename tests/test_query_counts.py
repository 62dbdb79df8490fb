"""Every read is a hot path: the number of queries a list makes must not grow with its rows."""

from contextlib import contextmanager
from datetime import timedelta

import pytest
from sqlalchemy import event

from app.models.base import utcnow
from tests.story import note_for, ok, option, requisition


@contextmanager
def count_queries(engine):
    statements: list[str] = []

    def on_execute(_conn, _cursor, statement, *_args):
        statements.append(statement)

    event.listen(engine.sync_engine, "before_cursor_execute", on_execute)
    try:
        yield statements
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", on_execute)


async def seed(client, n: int) -> str:
    """n requisitions; the last one has n options, each with a candidate with an external ref."""
    for i in range(n):
        requisition = (await client.post("/v1/requisitions", json={"title": f"Role {i}"})).json()
    for i in range(n):
        candidate = (
            await client.post(
                "/v1/candidates",
                json={
                    "name": f"Candidate {i}",
                    "external_refs": [{"system": "greenhouse", "external_id": f"c{n}-{i}"}],
                },
            )
        ).json()
        response = await client.post(
            f"/v1/requisitions/{requisition['id']}/options",
            json={"candidate_id": candidate["id"], "rank": i + 1},
        )
        assert response.status_code == 201
    return requisition["id"]


LISTS = [
    "/v1/requisitions/{rid}/options?limit=200",
    "/v1/candidates?limit=200",
    "/v1/requisitions?limit=200",
    "/v1/events?limit=200",
    "/v1/requisitions/{rid}/timeline?limit=200",
]


@pytest.mark.parametrize("path", LISTS)
async def test_list_queries_do_not_grow_with_rows(client, engine, path):
    counts, rows = [], []
    for n in (2, 12):
        rid = await seed(client, n)
        with count_queries(engine) as statements:
            response = await client.get(path.format(rid=rid))
        assert response.status_code == 200
        rows.append(len(response.json()["data"]))
        counts.append(len(statements))
    assert rows[1] >= rows[0] + 10
    assert counts[0] == counts[1], (
        f"{path}: {counts[0]} queries for {rows[0]} rows, {counts[1]} for {rows[1]}"
    )
    # BEGIN, the key, the parent (and its refs), the page, the page's refs.
    assert counts[1] <= 6, f"{path} made {counts[1]} queries"


# --- option reads and actions, the bench, follow-ups ---------------------------------------------
# Counted are the statements sent (BEGIN and COMMIT of a write are two more round trips).

TODAY = utcnow().date()
NOTE = note_for("Ana")


async def _option_with_evidence(client, checkins: int) -> tuple[dict, dict]:
    """An option of a requisition of headcount 2, whose candidate has `checkins` interim
    check-ins on it; (requisition, option)."""
    role = await requisition(client, headcount=2)
    chosen = await option(client, role["id"], "Ana")
    engagement = await ok(
        await client.post(
            f"/v1/requisitions/{role['id']}/interim-engagements",
            json={
                "candidate_id": chosen["candidate_id"],
                "starts_on": (TODAY - timedelta(days=30)).isoformat(),
            },
        ),
        201,
    )
    for i in range(checkins):
        await ok(
            await client.post(
                f"/v1/interim-engagements/{engagement['id']}/check-ins",
                json={
                    "verdict": "meets",
                    "rating": 4,
                    "occurred_on": f"{TODAY - timedelta(days=i)}",
                },
            ),
            201,
        )
    return role, chosen


async def _check_ins(client, option_id: str, n: int) -> None:
    for i in range(n):
        await ok(
            await client.post(
                f"/v1/options/{option_id}/check-ins",
                json={
                    "verdict": "below",
                    "rating": 2,
                    "occurred_on": f"{TODAY - timedelta(days=i)}",
                },
            ),
            201,
        )


def statements_of_write(statements: list[str]) -> list[str]:
    """The statements of a write as PostgreSQL sends them: without BEGIN (a round trip on both
    databases, as is COMMIT, which is not a cursor statement), and with the events of one
    flush in one INSERT (SQLite cannot batch inserts that return autoincrement keys)."""
    merged: list[str] = []
    for statement in statements:
        if statement.startswith("BEGIN"):
            continue
        if statement.startswith("INSERT INTO events") and merged and merged[-1] == statement:
            continue
        merged.append(statement)
    return merged


REASON = {"reason": "Because."}
# action: (the actions that lead to its from-state, its body, the statements it may make).
# Each bound includes the outbox's one look-up of the organization's webhook endpoints.
ACTIONS = {
    "select": ([], REASON, 7),
    "keep-warm": (["select"], REASON, 5),
    "hold": (
        [],
        {**REASON, "revisit_on": "2030-01-01", "note": {**NOTE, "reason_code": "no_current_need"}},
        6,
    ),
    "decline": ([], {"note": NOTE}, 6),
    "withdraw": (["select"], REASON, 5),
    "hire": (["select"], {"start_date": "2030-01-01"}, 6),
    "release": (["select", "hire"], {**REASON, "note": {**NOTE, "reason_code": "performance"}}, 7),
    "reactivate": (["decline"], REASON, 5),
}
BODIES = {
    "select": REASON,
    "hire": {"start_date": "2030-01-01"},
    "decline": {"note": NOTE},
}


@pytest.mark.parametrize("action", sorted(ACTIONS))
async def test_an_action_makes_a_few_statements_whatever_the_check_ins(client, engine, action):
    path, body, most = ACTIONS[action]
    counts = []
    for checkins in (1, 6):
        _, chosen = await _option_with_evidence(client, checkins)
        for step in path:
            await ok(await client.post(f"/v1/options/{chosen['id']}/{step}", json=BODIES[step]))
            if step == "select":
                await _check_ins(client, chosen["id"], checkins)
        with count_queries(engine) as statements:
            response = await client.post(f"/v1/options/{chosen['id']}/{action}", json=body)
        assert response.status_code == 200, response.text
        assert response.json()["interim_evidence"]["checkins"] == checkins
        counts.append(len(statements_of_write(statements)))
    assert counts[0] == counts[1], f"{action}: {counts}"
    assert counts[1] <= most, f"{action} made {counts[1]} statements:\n" + "\n".join(
        statements_of_write(statements)
    )


async def test_decline_with_a_note_is_the_key_one_locking_load_and_three_writes(client, engine):
    role = await requisition(client)
    chosen = await option(client, role["id"], "Ana")
    with count_queries(engine) as statements:
        await ok(await client.post(f"/v1/options/{chosen['id']}/decline", json={"note": NOTE}))
    # The key; the option with its requisition locked; the note, the events, the option; the
    # outbox's look-up of webhook endpoints. With BEGIN and COMMIT at most 8 round trips.
    assert len(statements_of_write(statements)) <= 6, "\n".join(statements)


async def test_reactivate_replacing_the_first_choice_stays_bounded(client, engine):
    role = await requisition(client)
    first = await option(client, role["id"], "Agency")
    second = await option(client, role["id"], "Juan")
    await ok(await client.post(f"/v1/options/{first['id']}/select", json=REASON))
    await _check_ins(client, first["id"], 3)
    await ok(await client.post(f"/v1/options/{second['id']}/keep-warm", json=REASON))
    with count_queries(engine) as statements:
        response = await client.post(
            f"/v1/options/{second['id']}/reactivate", json={**REASON, "replaces": first["id"]}
        )
    assert response.status_code == 200, response.text
    # Two options change: the load, the replaced option (locked), seats, at-risk, two events
    # and two updates (the release is flushed before the seat count).
    assert len(statements_of_write(statements)) <= 10, "\n".join(statements)


@pytest.mark.parametrize(
    "path", ["/v1/options/{oid}", "/v1/requisitions/{rid}/options", "/v1/requisitions/{rid}/bench"]
)
async def test_option_reads_do_not_grow_with_check_ins(client, engine, path):
    counts = []
    for checkins in (1, 8):
        role, chosen = await _option_with_evidence(client, checkins)
        with count_queries(engine) as statements:
            response = await client.get(path.format(oid=chosen["id"], rid=role["id"]))
        assert response.status_code == 200, response.text
        counts.append(len(statements))
    assert counts[0] == counts[1], f"{path}: {counts}"
    # GET option: one statement, the key read with the option; the list: the key and one
    # statement (it reads its requisition only when the page is empty); the bench: the key
    # with the requisition, its options, and (with fewer than two on it) the open ones counted.
    assert counts[1] <= (1 if path.endswith("{oid}") else 2 if path.endswith("options") else 3)


async def test_follow_ups_do_not_grow_with_rows(client, engine):
    counts = []
    for n in (1, 6):
        role = await requisition(client)
        for i in range(n):
            held = await option(client, role["id"], f"Held {n}-{i}")
            await ok(
                await client.post(
                    f"/v1/options/{held['id']}/hold",
                    json={**REASON, "revisit_on": TODAY.isoformat()},
                )
            )
        with count_queries(engine) as statements:
            response = await client.get("/v1/follow-ups")
        assert response.status_code == 200, response.text
        counts.append(len(statements))
    assert counts[0] == counts[1], counts
    assert counts[1] <= 6


async def _owed_a_call(client, name: str) -> None:
    """A requisition with five follow-ups: a hold to revisit, a door-open note to keep in touch
    (the candidate consented), a runner-up not yet contacted, and a first choice that failed
    its first check-in (its next check-in, and the call to the runner-up)."""
    role = await requisition(client)
    held = await option(client, role["id"], f"Held {name}")
    body = {**REASON, "revisit_on": TODAY.isoformat()}
    await ok(await client.post(f"/v1/options/{held['id']}/hold", json=body))
    person = {"name": f"Declined {name}", "keep_in_touch_consent": True}
    candidate = await ok(await client.post("/v1/candidates", json=person), 201)
    declined = await ok(
        await client.post(
            f"/v1/requisitions/{role['id']}/options", json={"candidate_id": candidate["id"]}
        ),
        201,
    )
    note = {**NOTE, "keep_in_touch_on": TODAY.isoformat()}
    await ok(await client.post(f"/v1/options/{declined['id']}/decline", json={"note": note}))
    warm = await option(client, role["id"], f"Warm {name}")
    await ok(await client.post(f"/v1/options/{warm['id']}/keep-warm", json=REASON))
    await ok(
        await client.post(
            f"/v1/candidates/{warm['candidate_id']}/touchpoints",
            json={
                "direction": "outbound",
                "channel": "call",
                "occurred_at": f"{TODAY - timedelta(days=20)}T12:00:00Z",
            },
        ),
        201,
    )
    first = await option(client, role["id"], f"First {name}")
    await ok(await client.post(f"/v1/options/{first['id']}/select", json=REASON))
    failing = {"verdict": "failing", "rating": 1}
    await ok(await client.post(f"/v1/options/{first['id']}/check-ins", json=failing), 201)


async def test_a_follow_up_page_is_one_statement_whatever_the_items_and_kinds(client, engine):
    horizon = {"due_before": (TODAY + timedelta(days=4)).isoformat()}
    counts, served = [], []
    for n in (1, 6):
        for i in range(n):
            await _owed_a_call(client, f"{n}-{i}")
        first = await ok(await client.get("/v1/follow-ups", params={**horizon, "limit": 2}))
        with count_queries(engine) as everything:
            response = await client.get("/v1/follow-ups", params={**horizon, "limit": 200})
        with count_queries(engine) as after_a_cursor:
            await ok(
                await client.get(
                    "/v1/follow-ups",
                    params={**horizon, "limit": 200, "cursor": first["next_cursor"]},
                )
            )
        assert response.status_code == 200, response.text
        served.append({item["reason"] for item in response.json()["data"]})
        served.append(len(response.json()["data"]))
        counts.append((len(everything), len(after_a_cursor)))
    kinds = {"keep_in_touch", "revisit_hold", "warm_runner_up", "check_in_due", "call_runner_up"}
    assert served == [kinds, 5, kinds, 35], served
    assert counts[0] == counts[1], counts
    # The key and the page; with a call to make on the page, the bench's recommendation for
    # its requisitions: their runner-ups, with refs, last touches, doors and evidence in the
    # same statement.
    assert counts[1] == (3, 3), counts
