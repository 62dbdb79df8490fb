"""Note templates (contract §4): placeholders are substituted from the option, never evaluated."""

import pytest

from tests.story import ok, option, requisition

BODY = "Hi {candidate_name}, thank you for your time on the {role_title} role. — {hiring_manager}"


async def create_template(client, body: str = BODY, status: int = 201) -> dict:
    return await ok(
        await client.post(
            "/v1/note-templates",
            json={
                "name": "Chose another candidate",
                "kind": "rejection",
                "reason_code": "chose_another_candidate",
                "body": body,
            },
        ),
        status,
    )


async def render(client, template_id: str, option_id: str, status: int = 200) -> dict:
    return await ok(
        await client.post(
            f"/v1/note-templates/{template_id}/render", json={"option_id": option_id}
        ),
        status,
    )


async def rendered_for(client, candidate: str, title: str = "Platform engineer") -> str:
    """Render BODY for a new option of `candidate` on a requisition titled `title`."""
    req = await requisition(client, title=title, hiring_manager="Dana Whitfield")
    opt = await option(client, req["id"], candidate)
    template = await create_template(client)
    return (await render(client, template["id"], opt["id"]))["message"]


async def test_create_list_and_get(client):
    response = await client.post(
        "/v1/note-templates",
        json={
            "name": "Not now",
            "kind": "not_now",
            "reason_code": "no_current_need",
            "body": "Hi {candidate_name}, no need for the {role_title} role until spring.",
        },
    )
    first = await ok(response, 201)
    assert response.headers["location"].endswith(f"/v1/note-templates/{first['id']}")
    assert first["name"] == "Not now"
    assert first["kind"] == "not_now"
    assert first["reason_code"] == "no_current_need"
    assert first["body"] == "Hi {candidate_name}, no need for the {role_title} role until spring."
    assert first["version"] == 1
    second = await create_template(client)

    listed = await ok(await client.get("/v1/note-templates"))
    assert [t["id"] for t in listed["data"]] == [first["id"], second["id"]]
    assert listed["next_cursor"] is None
    assert await ok(await client.get(f"/v1/note-templates/{first['id']}")) == first


@pytest.mark.parametrize(
    "body",
    [
        "Hi {candidate_name}, we could not meet your {salary}.",
        "Hi {candidate_name.__class__}, thanks.",
        "Hi {0}, thanks.",
        "Hi {}, thanks.",
        "Hi {Candidate_Name}, thanks.",
    ],
)
async def test_unknown_placeholders_are_refused(client, body):
    problem = await create_template(client, body, status=422)
    assert problem["code"] == "validation_failed"
    assert "placeholder" in problem["detail"].lower()
    assert (await ok(await client.get("/v1/note-templates")))["data"] == []


@pytest.mark.parametrize(
    "field", [{"kind": "farewell"}, {"reason_code": "vibes"}, {"name": ""}, {"body": ""}]
)
async def test_invalid_templates_are_refused(client, field):
    body = {
        "name": "Chose another",
        "kind": "rejection",
        "reason_code": "chose_another_candidate",
        "body": BODY,
        **field,
    }
    problem = await ok(await client.post("/v1/note-templates", json=body), 422)
    assert [e["loc"] for e in problem["errors"]] == [["body", *field]]


async def test_render_fills_in_the_candidate_role_and_manager(client):
    message = await rendered_for(client, "Juan Pérez")
    assert message == (
        "Hi Juan Pérez, thank you for your time on the Platform engineer role. — Dana Whitfield"
    )


async def test_render_saves_nothing(client):
    req = await requisition(client)
    opt = await option(client, req["id"], "Juan Pérez")
    template = await create_template(client)
    before = await ok(await client.get("/v1/events", params={"limit": 200}))

    await render(client, template["id"], opt["id"])

    assert await ok(await client.get("/v1/events", params={"limit": 200})) == before
    assert (await ok(await client.get(f"/v1/options/{opt['id']}/notes")))["data"] == []


@pytest.mark.parametrize(
    "name",
    [
        "{role_title}",
        "{0.__class__}",
        "%s",
        "%(role_title)s",
        "{candidate_name}",
        "{{hiring_manager}}",
        r"\g<0>",
        r"\1",
        "${role_title}",
    ],
)
async def test_a_candidate_name_that_looks_like_a_placeholder_renders_literally(client, name):
    message = await rendered_for(client, name)
    assert message == (
        f"Hi {name}, thank you for your time on the Platform engineer role. — Dana Whitfield"
    )


async def test_a_role_title_is_not_substituted_again(client):
    message = await rendered_for(client, "Juan Pérez", title="{candidate_name} / {hiring_manager}")
    assert message == (
        "Hi Juan Pérez, thank you for your time on the {candidate_name} / {hiring_manager} role. "
        "— Dana Whitfield"
    )


async def test_rendering_another_organizations_option_is_not_found(client, other_tenant):
    template = await create_template(client)
    async with other_tenant.client() as stranger:
        req = await requisition(stranger)
        theirs = await option(stranger, req["id"], "Somebody Else")

    problem = await render(client, template["id"], theirs["id"], status=404)
    assert problem["code"] == "not_found"
    assert "Somebody Else" not in str(problem)
