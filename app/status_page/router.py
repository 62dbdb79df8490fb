"""`/c/{token}`: the candidate's status page. No API key: the token in the URL is the
credential, so the form needs no CSRF token, and answers use POST-redirect-GET. Not part of
the JSON API, so not in its OpenAPI document."""

from urllib.parse import parse_qsl

from fastapi import APIRouter, Request
from pydantic import ValidationError
from starlette.responses import HTMLResponse, RedirectResponse, Response

from app.db import Database
from app.status_page.page import not_found_page, status_page
from app.status_page.service import Answer, open_link, record_answer, status_view

router = APIRouter(include_in_schema=False)

HEADERS = {
    # The token is in the URL: it must not leak through a Referer, a cache or a search engine.
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
    "X-Robots-Tag": "noindex",
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; "
    "form-action 'self'; frame-ancestors 'none'",
}


def _html(content: str, status: int = 200) -> HTMLResponse:
    return HTMLResponse(content, status_code=status, headers=HEADERS)


def _db(request: Request) -> Database:
    db: Database = request.app.state.db
    return db


@router.get("/c/{token}")
async def show_status(request: Request, token: str) -> Response:
    async with _db(request).reader() as session:
        visit = await open_link(session, token)
        if visit is None:
            return _html(not_found_page(), 404)
        view = await status_view(session, visit)
    return _html(status_page(view, answered=request.query_params.get("answered") == "1"))


@router.post("/c/{token}")
async def answer_status(request: Request, token: str) -> Response:
    form = dict(parse_qsl((await request.body()).decode("utf-8", "replace")))
    async with _db(request).writer(request=True) as session:
        visit = await open_link(session, token)
        if visit is None:
            return _html(not_found_page(), 404)
        try:
            answer = Answer.model_validate({k: v for k, v in form.items() if v})
        except ValidationError as exc:
            error = (
                "Please give the date you are available from."
                if "available_from" in str(exc)
                else "Please choose one of the answers."
            )
            return _html(status_page(await status_view(session, visit), error=error), 422)
        await record_answer(session, visit, answer)
        await session.commit()
    return RedirectResponse(f"/c/{token}?answered=1", status_code=303, headers=HEADERS)
