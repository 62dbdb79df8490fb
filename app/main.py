"""The application factory."""

import asyncio
import json
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from app import health
from app.api_keys.router import router as api_keys_router
from app.bench.router import router as bench_router
from app.calendar_feeds.router import router as calendar_feeds_router
from app.candidates.router import router as candidates_router
from app.checkins.router import router as checkins_router
from app.config import Settings, get_settings
from app.db import Database
from app.docs import install_docs
from app.events.router import router as events_router
from app.followups.router import router as followups_router
from app.integrations.router import router as integrations_router
from app.interim.router import router as interim_router
from app.kit import fast_routes
from app.kit.cors import install_cors
from app.kit.draining import Drain
from app.kit.errors import install_error_handlers
from app.kit.key_usage import KeyUsage
from app.kit.methods import MethodsMiddleware
from app.kit.metrics import metrics_endpoint
from app.kit.observability import RequestContextMiddleware, configure_logging
from app.kit.ratelimit import RateLimiter, RateLimitMiddleware
from app.kit.retention import purge_expired_idempotency_records
from app.kit.routing import RouteIndex
from app.kit.transaction import TransactionMiddleware
from app.notes import respect_model
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
    configure_logging(settings)
    db = Database.connect(settings)
    drain = Drain()
    key_usage = KeyUsage(db, settings.key_touch_interval)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        drain.on_sigterm(settings)
        # Idempotency keys are kept at least as long as promised, then let go. A database
        # that is down must not keep the process from starting (/readyz reports it).
        try:
            await purge_expired_idempotency_records(db, settings)
        except Exception:
            logging.getLogger("shortlist").warning("could not purge idempotency keys")
        # The respect check's tone model is read before the first note, not during it.
        await asyncio.to_thread(respect_model.warm_up)
        # The worker runs in-process unless separate `shortlist worker`s do the job.
        stop = asyncio.Event()
        worker = asyncio.create_task(Worker(db, settings).run(stop)) if settings.worker else None
        yield
        stop.set()
        if worker is not None:
            await worker  # in-flight deliveries finish, or their leases are released
        await key_usage.flush()
        await db.engine.dispose()

    app = FastAPI(
        title="Shortlist",
        version="1.0.0",
        openapi_tags=TAGS,
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
        # Observability is /metrics and the access log. FastAPI's own OpenTelemetry hooks
        # asked the global providers on every request whether they were set up (2.5% of a GET
        # option's CPU); OpenTelemetry's ASGI instrumentation still wraps the app if wanted.
        telemetry={"tracing": False, "metrics": False, "logs": False},
    )
    app.state.settings = settings
    app.state.db = db
    app.webhooks.include_router(webhooks)
    app.state.drain = drain
    app.state.key_usage = key_usage
    install_error_handlers(app)
    install_docs(app)
    # Listed innermost first: the request context wraps everything, so even a preflight or a
    # 429 carries X-Request-ID, and a refused request never reaches the database.
    app.add_middleware(TransactionMiddleware, db=db, settings=settings)
    app.add_middleware(RateLimitMiddleware, limiter=RateLimiter(settings))
    app.add_route("/metrics", metrics_endpoint, include_in_schema=False)
    routers = (
        requisitions_router,
        candidates_router,
        options_router,
        notes_router,
        checkins_router,
        interim_router,
        touchpoints_router,
        bench_router,
        followups_router,
        calendar_feeds_router,
        events_router,
        api_keys_router,
        webhooks_router,
        integrations_router,
        health.router,
        status_page_router,
    )
    # The routes go in flat, not through `include_router`: FastAPI keeps an included router
    # nested and matched each request through every router before the right one, which was
    # most of a request's routing cost (the OpenAPI document is the same either way).
    for router in routers:
        app.router.routes.extend(router.routes)
    app.state.fast_routes = fast_routes.install(app.router.routes)
    app.router.routes.insert(0, RouteIndex(app.router.routes))
    # A wrong method is answered before a body is read or a session opened; CORS and the
    # request context wrap it, so preflights still work and a 405 carries X-Request-ID.
    app.add_middleware(MethodsMiddleware, routes=app.router.routes)
    install_cors(app, settings)
    app.add_middleware(RequestContextMiddleware, db=db)
    return app


def openapi_document() -> str:
    """The OpenAPI document as committed in `openapi/openapi.json`."""
    # The document does not depend on the database; an in-memory URL avoids touching a file.
    app = create_app(Settings(database_url="sqlite+aiosqlite:///:memory:"))
    return json.dumps(app.openapi(), indent=2, ensure_ascii=False) + "\n"
