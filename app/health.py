import asyncio

from fastapi import APIRouter, Request
from pydantic import BaseModel
from sqlalchemy import text
from starlette.responses import Response

from app.kit.errors import DATABASE_RETRY_AFTER, problem_response
from app.kit.responses import json_response

router = APIRouter(tags=["Health"])
# A probe must answer within its own timeout, even when the database host stops answering.
READINESS_TIMEOUT = 3.0


class HealthOut(BaseModel):
    status: str


@router.get("/healthz", operation_id="getHealth", summary="Process is up", response_model=HealthOut)
async def healthz() -> Response:
    """Answers as long as the process serves requests; no auth, no database."""
    return json_response(HealthOut(status="ok"))


@router.get(
    "/readyz",
    operation_id="getReadiness",
    summary="Database is reachable",
    response_model=HealthOut,
    responses={
        503: {
            "description": "Service Unavailable: `database_unavailable`, the database does not answer."
        }
    },
)
async def readyz(request: Request) -> Response:
    """200 when the database answers; 503 when it does not, or while this process drains
    before shutting down (a proxy should then send requests elsewhere). No auth."""
    if request.app.state.drain.draining:
        return problem_response(
            503, "draining", "This process is shutting down.", headers={"Retry-After": "1"}
        )
    try:
        async with asyncio.timeout(READINESS_TIMEOUT):
            async with request.app.state.db.engine.connect() as connection:
                await connection.execute(text("SELECT 1"))
    except Exception:
        return problem_response(
            503,
            "database_unavailable",
            "The database does not answer.",
            headers={"Retry-After": DATABASE_RETRY_AFTER},
        )
    return json_response(HealthOut(status="ready"))
