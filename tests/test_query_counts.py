"""Every read is a hot path: the number of queries a list makes must not grow with its rows."""

from contextlib import contextmanager

import pytest
from sqlalchemy import event


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
