"""The bench of a requisition (contract §5): first choices, runner-ups and who would replace whom."""

from datetime import UTC, datetime, timedelta

import pytest

from tests.story import act, note_for, ok, option, requisition
from tests.test_query_counts import count_queries


def closing_note(name: str) -> dict:
    """Firm and respectful: a reason, the person's name, and no promise to stay in touch."""
    return {
        "reason_code": "skills_gap",
        "message": (
            f"Hi {name}, thank you for your time with the team. We decided to hire someone with "
            "more Kubernetes experience, because the role leads our platform migration from day "
            "one."
        ),
        "door_open": False,
    }


async def touch(client, candidate_id: str, days_ago: float) -> datetime:
    at = datetime.now(UTC) - timedelta(days=days_ago)
    await ok(
        await client.post(
            f"/v1/candidates/{candidate_id}/touchpoints",
            json={"direction": "outbound", "channel": "call", "occurred_at": at.isoformat()},
        ),
        201,
    )
    return at


async def runner_up(
    client,
    rid: str,
    name: str,
    rank: int | None = None,
    days_ago: float | None = 1,
    ratings: tuple[int, ...] = (),
) -> dict:
    """A runner-up last touched `days_ago` (never when None). With `ratings`, it was a first
    choice first and has check-ins with those ratings as evidence of its work."""
    opt = await option(client, rid, name, rank=rank)
    if ratings:
        await act(client, opt["id"], "select", reason="First pick.")
        for rating in ratings:
            await ok(
                await client.post(
                    f"/v1/options/{opt['id']}/check-ins",
                    json={"verdict": "meets", "rating": rating},
                ),
                201,
            )
    opt = await act(client, opt["id"], "keep-warm", reason="Strong second.")
    if days_ago is not None:
        await touch(client, opt["candidate_id"], days_ago)
    return opt


async def first_choice(client, rid: str, name: str = "Northwind", at_risk: bool = False) -> dict:
    opt = await option(client, rid, name, kind="agency", rank=1)
    opt = await act(client, opt["id"], "select", reason="Can cover the whole scope.")
    if at_risk:
        await ok(
            await client.post(
                f"/v1/options/{opt['id']}/check-ins", json={"verdict": "failing", "rating": 1}
            ),
            201,
        )
    return opt


async def add_note(client, option_id: str, note: dict) -> None:
    await ok(await client.post(f"/v1/options/{option_id}/notes", json=note), 201)


async def bench_of(client, rid: str) -> dict:
    return await ok(await client.get(f"/v1/requisitions/{rid}/bench"))


def runner_up_of(bench: dict, option_id: str) -> dict:
    [entry] = [r for r in bench["runner_ups"] if r["option"]["id"] == option_id]
    return entry


def recommended(bench: dict) -> str | None:
    recommendation = bench["recommended_replacement"]
    return recommendation and recommendation["option_id"]


# --- Who is on the bench -----------------------------------------------------------------------


async def test_first_choices_are_the_selected_and_hired_options(client):
    rid = (await requisition(client, headcount=3))["id"]
    selected = await first_choice(client, rid)
    hired = await option(client, rid, "Hired Person", rank=2)
    await act(client, hired["id"], "select", reason="Best fit.")
    await act(client, hired["id"], "hire", start_date="2027-01-11")
    await option(client, rid, "Considered Person", rank=3)
    declined = await option(client, rid, "Declined Person", rank=4)
    await act(client, declined["id"], "decline", note=note_for("Declined"))

    bench = await bench_of(client, rid)

    assert bench["requisition_id"] == rid
    assert {o["id"] for o in bench["first_choices"]} == {selected["id"], hired["id"]}
    assert {o["status"] for o in bench["first_choices"]} == {"selected", "hired"}
    assert bench["runner_ups"] == []


async def test_runner_ups_are_only_the_runner_up_options_best_ranked_first(client):
    rid = (await requisition(client))["id"]
    await first_choice(client, rid)
    third = await runner_up(client, rid, "Ben", rank=3)
    unranked = await runner_up(client, rid, "Cleo")
    second = await runner_up(client, rid, "Ana", rank=2)
    on_hold = await option(client, rid, "Dev", rank=4)
    await act(client, on_hold["id"], "hold", reason="Not now.", revisit_on="2027-04-01")
    await option(client, rid, "Eve", rank=5)

    bench = await bench_of(client, rid)

    assert [r["option"]["id"] for r in bench["runner_ups"]] == [
        second["id"],
        third["id"],
        unranked["id"],
    ]
    assert {r["option"]["status"] for r in bench["runner_ups"]} == {"runner_up"}


# --- Warmth, door and evidence -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("days_ago", "warmth"),
    [(0, "warm"), (13, "warm"), (20, "cooling"), (40, "cold"), (None, "cold")],
)
async def test_warmth_follows_the_last_touchpoint(client, days_ago, warmth):
    rid = (await requisition(client))["id"]
    juan = await runner_up(client, rid, "Juan Pérez", rank=2, days_ago=None)
    touched_at = None if days_ago is None else await touch(client, juan["candidate_id"], days_ago)

    entry = runner_up_of(await bench_of(client, rid), juan["id"])

    assert entry["warmth"] == warmth
    if touched_at is None:
        assert entry["last_touch_at"] is None
    else:
        last = datetime.fromisoformat(entry["last_touch_at"].replace("Z", "+00:00"))
        assert abs(last - touched_at) < timedelta(seconds=1)


async def test_the_latest_touchpoint_counts_whatever_the_order_it_was_logged_in(client):
    rid = (await requisition(client))["id"]
    juan = await runner_up(client, rid, "Juan Pérez", rank=2, days_ago=13)
    await touch(client, juan["candidate_id"], 40)
    assert runner_up_of(await bench_of(client, rid), juan["id"])["warmth"] == "warm"


async def test_reviewing_a_first_choice_keeps_the_reviewer_warm(client):
    rid = (await requisition(client))["id"]
    agency = await first_choice(client, rid)
    juan = await runner_up(client, rid, "Juan Pérez", rank=2, days_ago=None)
    await ok(
        await client.post(
            f"/v1/options/{agency['id']}/check-ins",
            json={"verdict": "below", "rating": 2, "reviewer_candidate_id": juan["candidate_id"]},
        ),
        201,
    )
    assert runner_up_of(await bench_of(client, rid), juan["id"])["warmth"] == "warm"


async def test_the_door_is_closed_when_the_latest_note_closed_it(client):
    rid = (await requisition(client))["id"]
    juan = await runner_up(client, rid, "Juan Pérez", rank=2)
    assert runner_up_of(await bench_of(client, rid), juan["id"])["door_open"] is True

    await add_note(client, juan["id"], closing_note("Juan"))
    assert runner_up_of(await bench_of(client, rid), juan["id"])["door_open"] is False

    await add_note(client, juan["id"], note_for("Juan", reason_code="timing"))
    assert runner_up_of(await bench_of(client, rid), juan["id"])["door_open"] is True


async def test_evidence_counts_the_runner_ups_check_ins(client):
    rid = (await requisition(client, headcount=2))["id"]
    juan = await runner_up(client, rid, "Juan Pérez", rank=2, ratings=(4, 5))
    ana = await runner_up(client, rid, "Ana Silva", rank=3)

    bench = await bench_of(client, rid)

    juan_evidence = runner_up_of(bench, juan["id"])["evidence"]
    assert (juan_evidence["checkins"], juan_evidence["average_rating"]) == (2, 4.5)
    ana_evidence = runner_up_of(bench, ana["id"])["evidence"]
    assert (ana_evidence["checkins"], ana_evidence["average_rating"]) == (0, None)


# --- Flags -------------------------------------------------------------------------------------

NAMES = ("Ana", "Ben", "Cleo", "Dev")


async def requisition_of(client, kinds: list[str]) -> str:
    """A requisition with one option per kind: considering, selected, at_risk (a failing first
    choice), warm or cold (runner-ups), declined."""
    rid = (await requisition(client, headcount=4))["id"]
    for name, kind in zip(NAMES, kinds, strict=False):
        match kind:
            case "selected" | "at_risk":
                await first_choice(client, rid, name, at_risk=kind == "at_risk")
            case "warm":
                await runner_up(client, rid, name, days_ago=1)
            case "cold":
                await runner_up(client, rid, name, days_ago=None)
            case "declined":
                opt = await option(client, rid, name)
                await act(client, opt["id"], "decline", note=note_for(name))
            case "considering":
                await option(client, rid, name)
    return rid


@pytest.mark.parametrize(
    ("kinds", "flags"),
    [
        ([], {"no_runner_up"}),
        (["considering"], {"no_runner_up", "single_option"}),
        (["selected"], {"no_runner_up", "single_option"}),
        (["selected", "considering"], {"no_runner_up"}),
        (["selected", "declined", "declined"], {"no_runner_up", "single_option"}),
        (["selected", "warm"], set()),
        (["warm"], {"single_option"}),
        (["at_risk", "warm"], {"first_choice_at_risk"}),
        (["at_risk"], {"first_choice_at_risk", "no_runner_up", "single_option"}),
        (["selected", "cold"], {"runner_up_cold"}),
        (["selected", "warm", "cold"], {"runner_up_cold"}),
        (["at_risk", "cold", "declined"], {"first_choice_at_risk", "runner_up_cold"}),
    ],
    ids=lambda value: "+".join(value) if isinstance(value, list) else None,
)
async def test_flags(client, kinds, flags):
    rid = await requisition_of(client, kinds)
    bench = await bench_of(client, rid)
    assert set(bench["flags"]) == flags
    assert len(bench["flags"]) == len(flags)


# --- The recommended replacement ---------------------------------------------------------------


async def test_the_best_ranked_warm_runner_up_is_recommended(client):
    rid = (await requisition(client))["id"]
    await first_choice(client, rid, at_risk=True)
    await runner_up(client, rid, "Ana Silva", rank=3)
    juan = await runner_up(client, rid, "Juan Pérez", rank=2, days_ago=3)

    recommendation = (await bench_of(client, rid))["recommended_replacement"]

    assert recommendation["option_id"] == juan["id"]
    reasons = " / ".join(recommendation["reasons"])
    assert "#2" in reasons
    assert "warm" in reasons
    assert "3 days" in reasons


@pytest.mark.parametrize(
    "spoiler",
    [
        pytest.param({"days_ago": 40}, id="cold"),
        pytest.param({"days_ago": None}, id="never-touched"),
        pytest.param({"days_ago": 20}, id="cooling"),
        pytest.param({"closed": True}, id="door-closed"),
    ],
)
async def test_a_better_ranked_runner_up_that_is_not_warm_and_open_is_skipped(client, spoiler):
    rid = (await requisition(client))["id"]
    better = await runner_up(client, rid, "Ana Silva", rank=2, days_ago=spoiler.get("days_ago", 1))
    if spoiler.get("closed"):
        await add_note(client, better["id"], closing_note("Ana"))
    juan = await runner_up(client, rid, "Juan Pérez", rank=3)

    assert recommended(await bench_of(client, rid)) == juan["id"]


@pytest.mark.parametrize(
    ("winner", "loser"),
    [
        pytest.param((4,), (), id="some-evidence-beats-none"),
        pytest.param((5,), (2,), id="better-rating-wins"),
        pytest.param((4, 4, 4), (4,), id="more-check-ins-win"),
    ],
)
async def test_between_equal_ranks_the_stronger_evidence_wins(client, winner, loser):
    rid = (await requisition(client, headcount=4))["id"]
    # Two losers, so picking by anything but evidence rarely passes by luck.
    await runner_up(client, rid, "Ana Silva", rank=2, ratings=loser)
    best = await runner_up(client, rid, "Juan Pérez", rank=2, ratings=winner)
    await runner_up(client, rid, "Ben Okafor", rank=2, ratings=loser)

    assert recommended(await bench_of(client, rid)) == best["id"]


async def test_no_recommendation_without_an_eligible_runner_up(client):
    rid = (await requisition(client))["id"]
    await first_choice(client, rid, at_risk=True)
    assert recommended(await bench_of(client, rid)) is None

    await runner_up(client, rid, "Ana Silva", rank=2, days_ago=40)
    await runner_up(client, rid, "Ben Okafor", rank=3, days_ago=20)
    closed = await runner_up(client, rid, "Juan Pérez", rank=4)
    await add_note(client, closed["id"], closing_note("Juan"))

    bench = await bench_of(client, rid)
    assert len(bench["runner_ups"]) == 3
    assert bench["recommended_replacement"] is None


# --- Cost --------------------------------------------------------------------------------------


async def full_bench(client, n: int) -> str:
    """A failing first choice and n runner-ups, each with evidence, a touchpoint and a note."""
    rid = (await requisition(client, headcount=n + 1))["id"]
    await first_choice(client, rid, at_risk=True)
    for i in range(n):
        opt = await runner_up(client, rid, f"Person {i}", rank=i + 2, ratings=(4,))
        await add_note(client, opt["id"], note_for("Person"))
    return rid


async def test_the_bench_costs_the_same_queries_for_2_or_12_runner_ups(client, engine):
    counts, sizes = [], []
    for n in (2, 12):
        rid = await full_bench(client, n)
        with count_queries(engine) as statements:
            bench = await bench_of(client, rid)
        sizes.append(len(bench["runner_ups"]))
        counts.append(len(statements))
        assert bench["recommended_replacement"] is not None
    assert sizes == [2, 12]
    assert counts[0] == counts[1], f"{counts[0]} queries for 2 runner-ups, {counts[1]} for 12"
    # The key read with the requisition; the options with every fact about them; the first
    # choice's next check-in.
    assert counts[1] == 3, counts
