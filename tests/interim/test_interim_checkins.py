"""Interim check-ins (contract §5): an interim role is an extended interview, so its check-ins are
evidence for the interim's option; a reviewing runner-up stays warm."""

from datetime import UTC, datetime, timedelta

from app.models.base import utcnow
from tests.story import act, ok, option, requisition

NO_EVIDENCE = {"checkins": 0, "average_rating": None, "latest_verdict": None}


def day(offset: int = 0) -> str:
    """Today (UTC, as the app sees it) plus `offset` days, as YYYY-MM-DD."""
    return (utcnow().date() + timedelta(days=offset)).isoformat()


async def engage(client, rid: str, candidate_id: str, starts_on: str | None = None) -> dict:
    body = {"candidate_id": candidate_id, "starts_on": starts_on or day(-7)}
    return await ok(
        await client.post(f"/v1/requisitions/{rid}/interim-engagements", json=body), 201
    )


def checkins_path(engagement_id: str) -> str:
    return f"/v1/interim-engagements/{engagement_id}/check-ins"


async def check_in(
    client, engagement_id: str, verdict: str = "meets", rating: int = 4, expect=201, **fields
) -> dict:
    body = {"verdict": verdict, "rating": rating, **fields}
    return await ok(await client.post(checkins_path(engagement_id), json=body), expect)


async def evidence_of(client, option_id: str) -> dict:
    return (await ok(await client.get(f"/v1/options/{option_id}")))["interim_evidence"]


async def bench_of(client, rid: str) -> dict:
    return await ok(await client.get(f"/v1/requisitions/{rid}/bench"))


async def first_choice(client, rid: str) -> dict:
    agency = await option(client, rid, "Northwind", kind="agency", rank=1)
    return await act(client, agency["id"], "select", reason="Can cover the whole scope.")


async def touch(client, candidate_id: str, days_ago: int) -> None:
    at = datetime.now(UTC) - timedelta(days=days_ago)
    body = {"direction": "outbound", "channel": "call", "occurred_at": at.isoformat()}
    await ok(await client.post(f"/v1/candidates/{candidate_id}/touchpoints", json=body), 201)


# --- recording and listing ----------------------------------------------------------------------


async def test_a_check_in_on_an_interim_is_recorded_and_listed(client):
    req = await requisition(client)
    juan = await option(client, req["id"], "Juan Pérez")
    engagement = await engage(client, req["id"], juan["candidate_id"])

    response = await client.post(
        checkins_path(engagement["id"]),
        json={"verdict": "exceeds", "rating": 5, "notes": "Shipped the pipeline fix early."},
    )
    checkin = await ok(response, 201)

    assert response.headers["location"] == checkins_path(engagement["id"])
    assert checkin["engagement_id"] == engagement["id"]
    assert checkin["option_id"] is None
    assert checkin["verdict"] == "exceeds"
    assert checkin["rating"] == 5
    assert checkin["notes"] == "Shipped the pipeline fix early."
    assert checkin["occurred_on"] == day()
    [listed] = (await ok(await client.get(checkins_path(engagement["id"]))))["data"]
    assert listed == checkin


async def test_check_ins_are_listed_oldest_first_by_the_day_they_happened(client):
    req = await requisition(client)
    juan = await option(client, req["id"], "Juan Pérez")
    engagement = await engage(client, req["id"], juan["candidate_id"])
    for offset in (-1, -5, -3):
        await check_in(client, engagement["id"], occurred_on=day(offset))

    listed = await ok(await client.get(checkins_path(engagement["id"])))
    assert [c["occurred_on"] for c in listed["data"]] == [day(-5), day(-3), day(-1)]
    # The option's own check-in list is a different list.
    assert (await ok(await client.get(f"/v1/options/{juan['id']}/check-ins")))["data"] == []


async def test_a_planned_engagement_takes_no_check_in_yet(client):
    req = await requisition(client)
    juan = await option(client, req["id"], "Juan Pérez")
    engagement = await engage(client, req["id"], juan["candidate_id"], starts_on=day(5))

    problem = await check_in(client, engagement["id"], expect=409)

    assert problem["code"] == "checkin_not_allowed"
    assert (await ok(await client.get(checkins_path(engagement["id"]))))["data"] == []
    assert await evidence_of(client, juan["id"]) == NO_EVIDENCE


async def test_another_organizations_engagement_takes_no_check_in(client, other_tenant):
    req = await requisition(client)
    juan = await option(client, req["id"], "Juan Pérez")
    engagement = await engage(client, req["id"], juan["candidate_id"])

    async with other_tenant.client() as theirs:
        response = await theirs.post(
            checkins_path(engagement["id"]), json={"verdict": "failing", "rating": 1}
        )
        assert response.status_code == 404
        assert (await theirs.get(checkins_path(engagement["id"]))).status_code == 404
    assert await evidence_of(client, juan["id"]) == NO_EVIDENCE


# --- evidence on the option ---------------------------------------------------------------------


async def test_the_interims_option_shows_the_interim_evidence(client):
    req = await requisition(client)
    juan = await option(client, req["id"], "Juan Pérez", rank=2)
    assert juan["interim_evidence"] == NO_EVIDENCE
    engagement = await engage(client, req["id"], juan["candidate_id"])

    await check_in(client, engagement["id"], "meets", 3, occurred_on=day(-2))
    await check_in(client, engagement["id"], "exceeds", 5, occurred_on=day(-1))
    # Recorded last but happened first: it does not become the latest verdict.
    await check_in(client, engagement["id"], "below", 2, occurred_on=day(-6))

    expected = {"checkins": 3, "average_rating": 3.33, "latest_verdict": "exceeds"}
    assert await evidence_of(client, juan["id"]) == expected
    options = await ok(await client.get(f"/v1/requisitions/{req['id']}/options"))
    [listed] = [o for o in options["data"] if o["id"] == juan["id"]]
    assert listed["interim_evidence"] == expected


async def test_evidence_counts_every_engagement_of_the_candidate_on_the_requisition(client):
    req = await requisition(client)
    juan = await option(client, req["id"], "Juan Pérez")
    first = await engage(client, req["id"], juan["candidate_id"], starts_on=day(-30))
    await ok(
        await client.post(
            f"/v1/interim-engagements/{first['id']}/end", json={"end_reason": "Gap closed."}
        )
    )
    second = await engage(client, req["id"], juan["candidate_id"])
    await check_in(client, first["id"], "meets", 4, occurred_on=day(-20))
    await check_in(client, second["id"], "exceeds", 5, occurred_on=day(-1))

    expected = {"checkins": 2, "average_rating": 4.5, "latest_verdict": "exceeds"}
    assert await evidence_of(client, juan["id"]) == expected


async def test_an_engagement_on_another_requisition_is_not_evidence(client):
    platform = await requisition(client)
    data = await requisition(client, title="Data engineer")
    juan = await option(client, platform["id"], "Juan Pérez")
    elsewhere = await engage(client, data["id"], juan["candidate_id"])
    await check_in(client, elsewhere["id"], "exceeds", 5)

    assert await evidence_of(client, juan["id"]) == NO_EVIDENCE


async def test_another_interims_check_ins_are_not_evidence(client):
    req = await requisition(client)
    juan = await option(client, req["id"], "Juan Pérez")
    ana = await option(client, req["id"], "Ana Silva")
    anas = await engage(client, req["id"], ana["candidate_id"])
    await check_in(client, anas["id"], "failing", 1)

    assert await evidence_of(client, juan["id"]) == NO_EVIDENCE
    assert (await evidence_of(client, ana["id"]))["checkins"] == 1


# --- the bench ----------------------------------------------------------------------------------


async def test_the_bench_counts_interim_check_ins_as_the_runner_ups_evidence(client):
    req = await requisition(client)
    juan = await option(client, req["id"], "Juan Pérez", rank=2)
    # Juan was the first choice once, with a check-in on his own option.
    await act(client, juan["id"], "select", reason="First pick.")
    await ok(
        await client.post(
            f"/v1/options/{juan['id']}/check-ins", json={"verdict": "meets", "rating": 3}
        ),
        201,
    )
    await act(client, juan["id"], "keep-warm", reason="The agency can cover it.")
    await first_choice(client, req["id"])
    await touch(client, juan["candidate_id"], days_ago=2)
    engagement = await engage(client, req["id"], juan["candidate_id"])
    await check_in(client, engagement["id"], "exceeds", 5, occurred_on=day(-1))
    await check_in(client, engagement["id"], "exceeds", 4)

    bench = await bench_of(client, req["id"])

    [runner_up] = bench["runner_ups"]
    assert runner_up["option"]["id"] == juan["id"]
    assert runner_up["evidence"]["checkins"] == 3
    assert runner_up["evidence"]["average_rating"] == 4
    assert runner_up["option"]["interim_evidence"]["checkins"] == 2
    recommendation = bench["recommended_replacement"]
    assert recommendation["option_id"] == juan["id"]
    [interim_reason] = [r for r in recommendation["reasons"] if "interim" in r.lower()]
    assert "2 check-ins" in interim_reason
    assert "4.5" in interim_reason
    assert "exceeds" in interim_reason


async def test_a_runner_up_without_interim_work_has_no_interim_reason(client):
    req = await requisition(client)
    await first_choice(client, req["id"])
    juan = await option(client, req["id"], "Juan Pérez", rank=2)
    await act(client, juan["id"], "keep-warm", reason="Strong second.")
    await touch(client, juan["candidate_id"], days_ago=1)

    bench = await bench_of(client, req["id"])

    assert bench["runner_ups"][0]["evidence"]["checkins"] == 0
    recommendation = bench["recommended_replacement"]
    assert recommendation["option_id"] == juan["id"]
    assert not [r for r in recommendation["reasons"] if "interim" in r.lower()]


# --- reviewers ----------------------------------------------------------------------------------


async def test_a_runner_up_who_reviews_the_interims_work_is_warmed(client):
    req = await requisition(client)
    await first_choice(client, req["id"])
    juan = await option(client, req["id"], "Juan Pérez", rank=2)
    await act(client, juan["id"], "keep-warm", reason="Strong second.")
    before = await bench_of(client, req["id"])
    assert before["runner_ups"][0]["warmth"] == "cold"
    assert before["runner_ups"][0]["last_touch_at"] is None
    assert "runner_up_cold" in before["flags"]

    interim = await ok(
        await client.post("/v1/candidates", json={"name": "Stopgap Ltd", "kind": "agency"}), 201
    )
    engagement = await engage(client, req["id"], interim["id"])
    checkin = await check_in(
        client,
        engagement["id"],
        "below",
        2,
        reviewer_name="Juan Pérez",
        reviewer_candidate_id=juan["candidate_id"],
    )
    assert checkin["reviewer_candidate_id"] == juan["candidate_id"]

    touchpoints = await ok(await client.get(f"/v1/candidates/{juan['candidate_id']}/touchpoints"))
    assert len(touchpoints["data"]) == 1
    after = await bench_of(client, req["id"])
    assert after["runner_ups"][0]["warmth"] == "warm"
    assert after["runner_ups"][0]["last_touch_at"] is not None
    assert "runner_up_cold" not in after["flags"]
    assert after["recommended_replacement"]["option_id"] == juan["id"]
    # Reviewing someone else's work is not evidence about the reviewer's own work.
    assert after["runner_ups"][0]["evidence"]["checkins"] == 0


async def test_a_reviewer_from_another_organization_is_not_found(client, other_tenant):
    req = await requisition(client)
    juan = await option(client, req["id"], "Juan Pérez")
    engagement = await engage(client, req["id"], juan["candidate_id"])
    async with other_tenant.client() as theirs:
        stranger = await ok(await theirs.post("/v1/candidates", json={"name": "Their Ana"}), 201)

    problem = await check_in(
        client, engagement["id"], reviewer_candidate_id=stranger["id"], expect=404
    )

    assert problem["code"] == "not_found"
    assert (await ok(await client.get(checkins_path(engagement["id"]))))["data"] == []


# --- erasure ------------------------------------------------------------------------------------


async def test_erasing_the_interim_clears_the_notes_on_their_interim_work(client):
    req = await requisition(client)
    juan = await option(client, req["id"], "Juan Pérez")
    engagement = await engage(client, req["id"], juan["candidate_id"])
    await check_in(client, engagement["id"], "below", 2, notes="Juan missed two deadlines.")

    await ok(await client.delete(f"/v1/candidates/{juan['candidate_id']}"))

    [checkin] = (await ok(await client.get(checkins_path(engagement["id"]))))["data"]
    assert checkin["notes"] is None
    assert checkin["verdict"] == "below"
