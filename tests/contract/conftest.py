"""A real server for the contract tests: uvicorn in a subprocess, on its own SQLite file.

The contract is the same on every database, and these tests drive the server from outside (a
fuzzer, a generated client), so they run against a temporary SQLite file whatever
`SHORTLIST_TEST_DATABASE_URL` says: on a PostgreSQL run too, skipping nothing.
"""

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from cryptography.fernet import Fernet

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class LiveServer:
    url: str
    key: str  # an admin key of organization `contract`
    env: dict[str, str]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    tmp = tmp_path_factory.mktemp("live")
    env = {
        **os.environ,
        "SHORTLIST_DATABASE_URL": f"sqlite+aiosqlite:///{tmp}/live.db",
        "SHORTLIST_SECRET_KEY": Fernet.generate_key().decode(),
        "SHORTLIST_LOG_LEVEL": "warning",
        # The fuzzer and the client story send hundreds of requests a minute with one key.
        "SHORTLIST_RATE_LIMIT_READ": "1000000/minute",
        "SHORTLIST_RATE_LIMIT_WRITE": "1000000/minute",
        "SHORTLIST_RATE_LIMIT_FAILED_AUTH": "1000000/minute",
    }
    env.pop("SHORTLIST_TEST_DATABASE_URL", None)
    created = subprocess.run(
        [sys.executable, "-m", "app.cli", "keys", "create", "--org", "contract"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    key = created.stdout.strip().splitlines()[-1]
    port = _free_port()
    log = (tmp / "server.log").open("w")
    server = subprocess.Popen(
        [
            *(sys.executable, "-m", "uvicorn", "app.main:create_app", "--factory"),
            *("--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"),
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):  # up to 30 s on a busy machine
            try:
                if httpx.get(f"{url}/readyz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert server.poll() is None, (tmp / "server.log").read_text()
            time.sleep(0.1)
        else:
            pytest.fail(f"the server did not start:\n{(tmp / 'server.log').read_text()}")
        yield LiveServer(url, key, env)
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
