"""The application factory."""

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from app import health
from app.api_keys.router import router as api_keys_router
from app.bench.router import router as bench_router
from app.candidates.router import router as candidates_router
from app.checkins.router import router as checkins_router
from app.config import Settings, get_settings
from app.db import Database
from app.docs import install_docs
from app.events.router import router as events_router
from app.followups.router import router as followups_router
from app.integrations.router import router as integrations_router
from app.interim.router import router as interim_router
from app.kit.errors import install_error_handlers
from app.kit.idempotency import Idempotency
from app.kit.transaction import TransactionMiddleware
from app.notes.router import router as notes_router
from app.options.router import router as options_router
from app.requisitions.router import router as requisitions_router
from app.status_page.router import router as status_page_router
from app.touchpoints.router import router as touchpoints_router
from app.webhooks.router import router as webhooks_router
from app.webhooks.router import webhooks
from app.worker import Worker

TAGS = [
    {"name": "Requisitions", "description": "Roles to fill."},
    {"name": "Candidates", "description": "People and outside providers (agencies)."},
    {"name": "Options", "description": "A candidate in play for a requisition, ranked."},
    {"name": "Notes", "description": "Respectful, reasoned notes to candidates; templates."},
    {"name": "Check-ins", "description": "How a first choice is doing; feeds `at_risk`."},
    {"name": "Interim engagements", "description": "Interims: extended interviews."},
    {"name": "Decision support", "description": "The bench and a candidate's standing."},
    {"name": "Follow-ups", "description": "Keeping in touch: who to get back to, and when."},
    {"name": "Events", "description": "The audit trail and change feed."},
    {"name": "API keys", "description": "Keys for HTTP clients and integrations (admin)."},
    {"name": "Webhooks", "description": "Events pushed to your endpoints, signed (admin)."},
    {
        "name": "Integrations",
        "description": "Greenhouse and Lever webhooks coming in, signed (set-up is admin).",
    },
    {"name": "Health", "description": "Liveness and readiness probes."},
]


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    db = Database.connect(settings)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        # Idempotency keys are kept at least as long as promised, then let go. A database
        # that is down must not keep the process from starting (/readyz reports it).
        try:
            await Idempotency(db, settings).purge_expired()
        except Exception:
            logging.getLogger("shortlist").warning("could not purge idempotency keys")
        # The worker runs in-process unless separate `shortlist worker`s do the job.
        stop = asyncio.Event()
        worker = asyncio.create_task(Worker(db, settings).run(stop)) if settings.worker else None
        yield
        stop.set()
        if worker is not None:
            await worker  # in-flight deliveries finish, or their leases are released
        await db.engine.dispose()

    app = FastAPI(
        title="Shortlist",
        version="1.0.0",
        openapi_tags=TAGS,
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.db = db
    app.webhooks.include_router(webhooks)
    install_error_handlers(app)
    install_docs(app)
    app.add_middleware(TransactionMiddleware, db=db, settings=settings)
    for router in (
        requisitions_router,
        candidates_router,
        options_router,
        notes_router,
        checkins_router,
        interim_router,
        touchpoints_router,
        bench_router,
        followups_router,
        events_router,
        api_keys_router,
        webhooks_router,
        integrations_router,
        health.router,
        status_page_router,
    ):
        app.include_router(router)
    logging.getLogger("shortlist").setLevel(settings.log_level.upper())
    return app
