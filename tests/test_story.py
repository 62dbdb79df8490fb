"""SPEC §1, end to end through HTTP: the agency fails, the runner-up it kept warm takes over."""

from tests.story import act, note_for, ok, option, requisition


async def test_the_story(tenant):
    async with tenant.client(**{"On-Behalf-Of": "dana@example.com"}) as client:
        req = await requisition(client, hiring_manager="Dana Whitfield", headcount=1)
        rid = req["id"]

        # Options ranked: the agency first, Juan second, Ana (no need right now) third.
        agency = await option(client, rid, "Northwind Engineering", kind="agency", rank=1)
        juan = await option(client, rid, "Juan Pérez", rank=2)
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

        # The agency is selected; Juan is kept warm, and we stay in touch.
        await act(client, agency["id"], "select", reason="Can cover the whole scope.")
        await act(client, juan["id"], "keep-warm", reason="Strong second; keep close.")
        await ok(
            await client.post(
                f"/v1/candidates/{juan['candidate_id']}/touchpoints",
                json={"direction": "outbound", "channel": "call", "summary": "Kept him posted."},
            ),
            201,
        )
        bench = await ok(await client.get(f"/v1/requisitions/{rid}/bench"))
        assert "first_choice_at_risk" not in bench["flags"]

        # Three days in, check-ins (one reviewed by Juan) show the agency is failing.
        for day, verdict, rating in (("2026-11-23", "below", 2), ("2026-11-24", "failing", 1)):
            await ok(
                await client.post(
                    f"/v1/options/{agency['id']}/check-ins",
                    json={
                        "verdict": verdict,
                        "rating": rating,
                        "occurred_on": day,
                        "reviewer_name": "Juan Pérez",
                        "reviewer_candidate_id": juan["candidate_id"],
                    },
                ),
                201,
            )
        agency = await ok(await client.get(f"/v1/options/{agency['id']}"))
        assert agency["at_risk"] is True

        # The bench recommends Juan.
        bench = await ok(await client.get(f"/v1/requisitions/{rid}/bench"))
        assert "first_choice_at_risk" in bench["flags"]
        assert [o["id"] for o in bench["first_choices"]] == [agency["id"]]
        assert [r["option"]["id"] for r in bench["runner_ups"]] == [juan["id"]]
        assert bench["runner_ups"][0]["warmth"] == "warm"
        assert bench["recommended_replacement"]["option_id"] == juan["id"]
        assert "ranked #2" in bench["recommended_replacement"]["reasons"]

        # One atomic step: the agency is released, Juan selected.
        juan = await act(
            client,
            juan["id"],
            "reactivate",
            reason="The agency failed two check-ins; Juan knows the work.",
            replaces=agency["id"],
        )
        assert juan["status"] == "selected"
        agency = await ok(await client.get(f"/v1/options/{agency['id']}"))
        assert agency["status"] == "released" and agency["at_risk"] is False

        # Every step is on the timeline, with reasons and who acted.
        timeline = (await ok(await client.get(f"/v1/requisitions/{rid}/timeline?limit=200")))[
            "data"
        ]
        types = [e["type"] for e in timeline]
        for expected in (
            "requisition.created",
            "option.created",
            "option.held",
            "option.selected",
            "option.kept_warm",
            "checkin.recorded",
            "option.at_risk",
            "option.released",
            "option.reactivated",
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
