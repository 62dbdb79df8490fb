async def test_create_and_get_requisition(client):
    r = await client.post("/v1/requisitions", json={"title": "Platform engineer"})
    assert r.status_code == 201, r.text
    body = r.json()
    assert r.headers["location"] == f"/v1/requisitions/{body['id']}"
    r2 = await client.get(r.headers["location"])
    assert r2.json() == body
    assert r2.headers["etag"] == '"1"'
