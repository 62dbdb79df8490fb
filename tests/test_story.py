"""contract §1, end to end through HTTP: the agency fails its day-3 check-in, the follow-ups say
to call the runner-up kept warm, and he takes over, with his own check-ins from his start."""

from datetime import timedelta

from app.models.base import utcnow
from tests.story import act, note_for, ok, option, requisition


async def test_the_story(tenant):
    async with tenant.client(**{"On-Behalf-Of": "dana@example.com"}) as client:
        req = await requisition(client, hiring_manager="Dana Whitfield", headcount=1)
        rid = req["id"]

        # Options ranked: the agency first, Juan second, Ana (no need right now) third.
        agency = await option(client, rid, "Northwind Engineering", kind="agency", rank=1)
        juan_person = await ok(
            await client.post(
                "/v1/candidates", json={"name": "Juan Pérez", "keep_in_touch_consent": True}
            ),
            201,
        )
        juan = await ok(
            await client.post(
                f"/v1/requisitions/{rid}/options",
                json={"candidate_id": juan_person["id"], "rank": 2},
            ),
            201,
        )
        ana = await option(client, rid, "Ana Silva", rank=3)
        listed = (await ok(await client.get(f"/v1/requisitions/{rid}/options")))["data"]
        assert [o["candidate"]["name"] for o in listed] == [
            "Northwind Engineering",
            "Juan Pérez",
            "Ana Silva",
        ]

        # "Not now" instead of "no" for Ana.
        await act(
            client,
            ana["id"],
            "hold",
            reason="No need for a second engineer until spring.",
            revisit_on="2027-04-01",
            note=note_for("Ana", reason_code="no_current_need"),
        )

        # The agency is selected but cannot start yet, so Juan fills in as an interim:
        # an extended interview.
        await act(client, agency["id"], "select", reason="Can cover the whole scope.")
        today = utcnow().date()
        engagement = await ok(
            await client.post(
                f"/v1/requisitions/{rid}/interim-engagements",
                json={
                    "candidate_id": juan["candidate_id"],
                    "starts_on": (today - timedelta(days=12)).isoformat(),
                    "scope": "Keep the pipeline running until the agency starts.",
                },
            ),
            201,
        )
        assert engagement["status"] == "active"
        for days_ago, verdict, rating in ((10, "exceeds", 5), (5, "meets", 4)):
            await ok(
                await client.post(
                    f"/v1/interim-engagements/{engagement['id']}/check-ins",
                    json={
                        "verdict": verdict,
                        "rating": rating,
                        "occurred_on": (today - timedelta(days=days_ago)).isoformat(),
                    },
                ),
                201,
            )

        # The agency is ready: Juan's engagement ends with a respectful, door-open note, and
        # he is kept warm as runner-up.
        ended = await ok(
            await client.post(
                f"/v1/interim-engagements/{engagement['id']}/end",
                json={
                    "end_reason": "The agency has started.",
                    "note": note_for(
                        "Juan",
                        reason_code="chose_another_provider",
                        keep_in_touch_on=(today + timedelta(days=30)).isoformat(),
                    ),
                },
            )
        )
        assert ended["status"] == "ended"
        await act(client, juan["id"], "keep-warm", reason="Strong second; knows the work.")
        juan = await ok(await client.get(f"/v1/options/{juan['id']}"))
        assert juan["interim_evidence"] == {
            "checkins": 2,
            "average_rating": 4.5,
            "latest_verdict": "meets",
        }
        follow_ups = await ok(
            await client.get(
                "/v1/follow-ups", params={"due_before": (today + timedelta(days=60)).isoformat()}
            )
        )
        assert ("keep_in_touch", juan["candidate_id"]) in {
            (f["reason"], f["candidate_id"]) for f in follow_ups["data"]
        }
        bench = await ok(await client.get(f"/v1/requisitions/{rid}/bench"))
        assert "first_choice_at_risk" not in bench["flags"]

        # The agency starts. Three days in, its first check-in of the cadence is due.
        started = today - timedelta(days=3)
        agency = await act(client, agency["id"], "hire", start_date=started.isoformat())
        due = (await ok(await client.get("/v1/follow-ups")))["data"]
        assert [(f["reason"], f["option_id"], f["checkin_number"], f["due_on"]) for f in due] == [
            ("check_in_due", agency["id"], 1, today.isoformat())
        ]

        # Juan reviews the agency's work on day 3: failing.
        await ok(
            await client.post(
                f"/v1/options/{agency['id']}/check-ins",
                json={
                    "verdict": "failing",
                    "rating": 1,
                    "occurred_on": today.isoformat(),
                    "reviewer_name": "Juan Pérez",
                    "reviewer_candidate_id": juan["candidate_id"],
                },
            ),
            201,
        )
        agency = await ok(await client.get(f"/v1/options/{agency['id']}"))
        assert agency["at_risk"] is True

        # The follow-ups say to call Juan within two days, and why him.
        in_three_days = {"due_before": (today + timedelta(days=3)).isoformat()}
        due = (await ok(await client.get("/v1/follow-ups", params=in_three_days)))["data"]
        [call] = [f for f in due if f["reason"] == "call_runner_up"]
        assert call["due_on"] == (today + timedelta(days=2)).isoformat()
        assert call["option_id"] == agency["id"]
        assert call["replacement"]["option_id"] == juan["id"]
        assert call["replacement"]["candidate_name"] == "Juan Pérez"
        assert "ranked #2" in call["replacement"]["reasons"]

        # The bench recommends Juan.
        bench = await ok(await client.get(f"/v1/requisitions/{rid}/bench"))
        assert "first_choice_at_risk" in bench["flags"]
        assert [o["id"] for o in bench["first_choices"]] == [agency["id"]]
        assert [r["option"]["id"] for r in bench["runner_ups"]] == [juan["id"]]
        assert bench["runner_ups"][0]["warmth"] == "warm"
        assert bench["recommended_replacement"]["option_id"] == juan["id"]
        reasons = bench["recommended_replacement"]["reasons"]
        assert "ranked #2" in reasons
        assert any("interim evidence: 2 check-ins averaging 4.5/5" in r for r in reasons)
        assert bench["runner_ups"][0]["evidence"]["checkins"] == 2

        # Dana calls Juan: the call is made.
        await ok(
            await client.post(
                f"/v1/candidates/{juan['candidate_id']}/touchpoints",
                json={"direction": "outbound", "channel": "call", "summary": "He can start."},
            ),
            201,
        )
        due = (await ok(await client.get("/v1/follow-ups", params=in_three_days)))["data"]
        assert "call_runner_up" not in {f["reason"] for f in due}

        # One atomic step: the agency is released, Juan selected.
        juan = await act(
            client,
            juan["id"],
            "reactivate",
            reason="The agency failed its day-3 check-in; Juan knows the work.",
            replaces=agency["id"],
        )
        assert juan["status"] == "selected"
        agency = await ok(await client.get(f"/v1/options/{agency['id']}"))
        assert agency["status"] == "released" and agency["at_risk"] is False

        # Juan starts in a week: his check-ins count from then. Nothing else is left to do
        # about him, nor about the agency.
        juan_starts = today + timedelta(days=7)
        juan = await act(client, juan["id"], "hire", start_date=juan_starts.isoformat())
        follow_ups = await ok(
            await client.get(
                "/v1/follow-ups", params={"due_before": (today + timedelta(days=30)).isoformat()}
            )
        )
        about = [f for f in follow_ups["data"] if f["requisition_id"] == rid]
        assert [
            (f["reason"], f["candidate_id"], f["checkin_number"], f["due_on"]) for f in about
        ] == [
            (
                "check_in_due",
                juan["candidate_id"],
                1,
                (juan_starts + timedelta(days=3)).isoformat(),
            ),
            (
                "check_in_due",
                juan["candidate_id"],
                2,
                (juan_starts + timedelta(days=14)).isoformat(),
            ),
        ]

        # Every step is on the timeline, with reasons and who acted.
        timeline = (await ok(await client.get(f"/v1/requisitions/{rid}/timeline?limit=200")))[
            "data"
        ]
        types = [e["type"] for e in timeline]
        for expected in (
            "requisition.created",
            "option.created",
            "interim.created",
            "interim.started",
            "interim.ended",
            "option.held",
            "option.selected",
            "option.kept_warm",
            "checkin.recorded",
            "option.at_risk",
            "option.released",
            "option.reactivated",
            "option.hired",
        ):
            assert expected in types, expected
        assert types.index("option.at_risk") < types.index("option.reactivated")
        reactivated = next(e for e in timeline if e["type"] == "option.reactivated")
        assert reactivated["data"]["reason"].startswith("The agency failed")
        assert reactivated["data"]["replaces"] == agency["id"]
        assert {e["actor"]["on_behalf_of"] for e in timeline} == {"dana@example.com"}

        # Ana can be told where she stands.
        standing = await ok(await client.get(f"/v1/options/{ana['id']}/standing"))
        assert standing["status"] == "on_hold" and standing["door_open"] is True
        assert "2027-04-01" in standing["next_step"]
