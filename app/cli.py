"""The `shortlist` command."""

import argparse
import asyncio
import atexit
import os
import shutil
import signal
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from types import FrameType

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from app.api_keys.service import create_api_key, ensure_organization
from app.config import Settings, get_settings
from app.db import Database, migrate
from app.kit.auth import SCOPES, Actor
from app.models import ApiKey
from app.notes.respect_eval import SETS, available_sets

OPENAPI_FILE = Path(__file__).resolve().parents[1] / "openapi" / "openapi.json"


def _actor(organization_id: object) -> Actor:
    # Changes made from the command line have no API key behind them.
    return Actor(organization_id, None, frozenset(SCOPES), "shortlist-cli")  # type: ignore[arg-type]


async def _create_key(
    settings: Settings, org: str, name: str, scopes: list[str], *, only_if_none: bool = False
) -> str | None:
    db = Database.connect(settings)
    try:
        async with db.writer() as session:
            if only_if_none and await session.scalar(select(ApiKey.id).limit(1)) is not None:
                return None
            try:
                organization = await ensure_organization(session, org)
                _, secret = await create_api_key(session, _actor(organization.id), name, scopes)
                await session.commit()
            except IntegrityError:
                if only_if_none:  # another server starting at the same time bootstrapped
                    return None
                raise
            return secret
    finally:
        await db.engine.dispose()


def _name(value: str) -> str:
    if not 1 <= len(value) <= 100 or "\x00" in value:
        raise argparse.ArgumentTypeError("names are 1-100 characters")
    return value


def _scopes(value: str) -> list[str]:
    scopes = list(dict.fromkeys(s.strip() for s in value.split(",") if s.strip()))
    unknown = [s for s in scopes if s not in SCOPES]
    if not scopes or unknown:
        raise argparse.ArgumentTypeError(f"scopes are a comma-separated subset of {SCOPES}")
    return scopes


def serve(args: argparse.Namespace, settings: Settings) -> None:
    import uvicorn

    from app.kit.observability import configure_logging
    from app.kit.secrets import ensure_key_file

    configure_logging(settings)
    if args.workers > 1:
        _share_metrics_between_workers()
    if not args.no_migrate:
        migrate(settings.database_url)
    created = ensure_key_file(settings)
    if created is not None:
        print(
            f"Created {created}, the key that encrypts signing secrets at rest; back it up "
            "with the database (or set SHORTLIST_SECRET_KEY).",
            flush=True,
        )
    secret = asyncio.run(
        _create_key(settings, "default", "bootstrap", list(SCOPES), only_if_none=True)
    )
    if secret is not None:
        print(
            "No API key existed, so organization 'default' got an admin key.\n"
            "It is shown only now; store it:\n"
            f"{secret}",
            flush=True,
        )
    # uvicorn finishes in-flight requests on SIGTERM, then raises the signal again to die of
    # it; a graceful stop is a success, so exit 0 then (and on a SIGTERM before uvicorn's).
    signal.signal(signal.SIGTERM, _stopped)
    uvicorn.run(
        "app.main:create_app",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        log_level=settings.log_level,
        proxy_headers=True,
        # Our own handler formats every log line; each request gets one line from the app.
        log_config=None,
        access_log=False,
        timeout_graceful_shutdown=round(settings.shutdown_timeout.total_seconds()),
    )


def _stopped(_signum: int, _frame: FrameType | None) -> None:
    raise SystemExit(0)


def _share_metrics_between_workers() -> None:
    """prometheus-client's multi-process mode: each worker writes its samples to files in
    PROMETHEUS_MULTIPROC_DIR (set before any worker imports the client); a scrape sums them."""
    directory = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if directory is None:
        directory = tempfile.mkdtemp(prefix="shortlist-metrics-")
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = directory
        atexit.register(shutil.rmtree, directory, ignore_errors=True)
    for stale in Path(directory).glob("*.db"):  # samples of an earlier run
        stale.unlink()


def keys_create(args: argparse.Namespace, settings: Settings) -> None:
    migrate(settings.database_url)
    secret = asyncio.run(_create_key(settings, args.org, args.name, args.scopes))
    print(f"Created a key for organization {args.org!r} with scopes {','.join(args.scopes)}:")
    print(secret)


def openapi(args: argparse.Namespace, settings: Settings) -> None:
    """Write the published contract, or with --check fail when it differs from the app's."""
    from app.main import openapi_document

    current = openapi_document()
    if args.check:
        committed = OPENAPI_FILE.read_text() if OPENAPI_FILE.exists() else ""
        if committed != current:
            sys.exit(f"{OPENAPI_FILE} is out of date; run `shortlist openapi` and commit it.")
        print(f"{OPENAPI_FILE} matches the app.")
        return
    OPENAPI_FILE.write_text(current)
    print(f"wrote {OPENAPI_FILE}")


def demo(args: argparse.Namespace, settings: Settings) -> None:
    from app.demo import load_demo

    async def run() -> list[str]:
        db = Database.connect(settings)
        try:
            async with db.writer() as session:
                lines = await load_demo(session)
                await session.commit()
                return lines
        finally:
            await db.engine.dispose()

    migrate(settings.database_url)
    print("\n".join(asyncio.run(run())))


def worker(args: argparse.Namespace, settings: Settings) -> None:
    """Deliver webhooks and do upkeep until SIGTERM or Ctrl-C, then stop gracefully."""
    from app.kit.observability import configure_logging
    from app.worker import Worker

    async def run() -> None:
        db = Database.connect(settings)
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(signum, stop.set)
        try:
            await Worker(db, settings).run(stop)
        finally:
            await db.engine.dispose()

    configure_logging(settings)  # the same log lines as `serve`: JSON off a terminal
    if not args.no_migrate:
        migrate(settings.database_url)
    if args.metrics_port is not None:
        # A worker has no API to serve /metrics from: its delivery outcomes are scraped here.
        from prometheus_client import start_http_server

        start_http_server(args.metrics_port, addr=args.metrics_host)
    print("Worker running; SIGTERM or Ctrl-C stops it after in-flight deliveries.", flush=True)
    asyncio.run(run())


def secrets_rotate(args: argparse.Namespace, settings: Settings) -> None:
    """Re-encrypt every stored signing secret with the first key of SHORTLIST_SECRET_KEY."""
    from app.kit.secrets import reseal_all

    async def run() -> int:
        db = Database.connect(settings)
        try:
            async with db.writer() as session:
                count = await reseal_all(session, settings)
                await session.commit()
                return count
        finally:
            await db.engine.dispose()

    migrate(settings.database_url)
    count = asyncio.run(run())
    print(f"Re-sealed {count} stored secrets with the newest key; older keys can now be dropped.")


def respect_eval(args: argparse.Namespace, settings: Settings) -> None:
    """Precision and recall of the respect check on its evaluation corpus, set by set."""
    from app.notes.respect_eval import report

    for name in args.sets or available_sets():
        print("\n".join(report(name, show_failures=args.failures)))


def respect_train(_args: argparse.Namespace, _settings: Settings) -> None:
    """Retrain the respect check's tone model on the development sets and store it."""
    from app.notes.respect_eval import train_model
    from app.notes.respect_model import MODEL_FILE

    MODEL_FILE.write_text(train_model().to_json() + "\n")
    print(f"Wrote {MODEL_FILE}")


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(
        prog="shortlist", description="Shortlist: keep hiring options open."
    )
    commands = root.add_subparsers(dest="command", required=True)

    serve_cmd = commands.add_parser("serve", help="migrate the database, then serve the API")
    serve_cmd.add_argument("--host", default="127.0.0.1")
    serve_cmd.add_argument("--port", type=int, default=8000)
    serve_cmd.add_argument("--workers", type=int, default=1)
    serve_cmd.add_argument(
        "--no-migrate",
        action="store_true",
        help="do not migrate first (run `shortlist migrate` once, before starting servers)",
    )
    serve_cmd.set_defaults(run=serve)

    migrate_cmd = commands.add_parser("migrate", help="alembic upgrade head")
    migrate_cmd.set_defaults(run=lambda _args, settings: migrate(settings.database_url))

    keys = commands.add_parser("keys", help="API keys").add_subparsers(dest="keys", required=True)
    create = keys.add_parser("create", help="create an API key (and its organization)")
    create.add_argument(
        "--org", required=True, type=_name, help="organization name; created if missing"
    )
    create.add_argument("--name", default="cli", type=_name, help="what the key is for")
    create.add_argument("--scopes", type=_scopes, default=list(SCOPES))
    create.set_defaults(run=keys_create)

    worker_cmd = commands.add_parser(
        "worker",
        help="migrate the database, then deliver webhooks and do periodic upkeep (serve does "
        "it in-process too)",
    )
    worker_cmd.add_argument(
        "--metrics-port",
        type=int,
        help="serve this worker's Prometheus metrics (delivery outcomes) on this port",
    )
    worker_cmd.add_argument(
        "--metrics-host",
        default="127.0.0.1",
        help="address for --metrics-port (default loopback only: the port has no token)",
    )
    worker_cmd.add_argument(
        "--no-migrate",
        action="store_true",
        help="do not migrate first (run `shortlist migrate` once, before starting workers)",
    )
    worker_cmd.set_defaults(run=worker)

    secrets_cmd = commands.add_parser("secrets", help="signing secrets at rest").add_subparsers(
        dest="secrets", required=True
    )
    rotate = secrets_cmd.add_parser(
        "rotate", help="re-encrypt every stored secret with the newest SHORTLIST_SECRET_KEY"
    )
    rotate.set_defaults(run=secrets_rotate)

    demo_cmd = commands.add_parser(
        "demo", help="load the contract §1 story into organization default"
    )
    demo_cmd.set_defaults(run=demo)

    eval_cmd = commands.add_parser(
        "respect-eval", help="precision and recall of the respect check on its corpus"
    )
    eval_cmd.add_argument(
        "--set", dest="sets", action="append", choices=SETS,
        help="only this set (repeatable); default: all",
    )  # fmt: skip
    eval_cmd.add_argument("--failures", action="store_true", help="list the misjudged messages too")
    eval_cmd.set_defaults(run=respect_eval)
    train_cmd = commands.add_parser(
        "respect-train",
        help="retrain the respect check's tone model on the development sets (not the held-out sets)",
    )
    train_cmd.set_defaults(run=respect_train)

    openapi_cmd = commands.add_parser("openapi", help="write openapi/openapi.json")
    openapi_cmd.add_argument("--check", action="store_true", help="fail if it is out of date")
    openapi_cmd.set_defaults(run=openapi)
    return root


def main(argv: Sequence[str] | None = None) -> None:
    args = parser().parse_args(argv)
    args.run(args, get_settings())


if __name__ == "__main__":
    main(sys.argv[1:])
