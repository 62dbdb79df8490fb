from fastapi import APIRouter, Request
from pydantic import BaseModel
from sqlalchemy import text
from starlette.responses import Response

from app.kit.errors import problem_response
from app.kit.responses import json_response

router = APIRouter(tags=["Health"])


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
    """200 when the database answers; 503 otherwise. No auth."""
    try:
        async with request.app.state.db.engine.connect() as connection:
            await connection.execute(text("SELECT 1"))
    except Exception:
        return problem_response(503, "database_unavailable", "The database does not answer.")
    return json_response(HealthOut(status="ready"))
