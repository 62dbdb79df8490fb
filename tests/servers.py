"""Real `shortlist serve` processes on loopback ports, for tests of what only a server does."""

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

from app.config import Settings

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def environment(settings: Settings, **extra: str) -> dict[str, str]:
    """The environment of a server on the test's database, with `extra` settings."""
    assert settings.secret_key is not None
    return {
        "SHORTLIST_DATABASE_URL": settings.database_url,
        # Settings every server must share: the database, the secret key and the Redis.
        "SHORTLIST_SECRET_KEY": settings.secret_key.get_secret_value(),
        **extra,
    }


class Server:
    """`shortlist serve --no-migrate` with the given settings (environment variables)."""

    def __init__(self, environment: dict[str, str], log: Path, workers: int = 1) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = log
        env = {**os.environ, "SHORTLIST_LOG_FORMAT": "json", **environment}
        command = [sys.executable, "-m", "app.cli", "serve", "--no-migrate"]
        self.process = subprocess.Popen(
            [*command, "--port", str(self.port), "--workers", str(workers)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=log.open("wb"),
        )

    def wait_ready(self, timeout: float = 90) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited: {self.log.read_text()[-2000:]}")
            try:
                if httpx.get(f"{self.url}/readyz", timeout=1).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.1)
        raise TimeoutError(f"server not ready: {self.log.read_text()[-2000:]}")

    def terminate(self) -> None:
        self.process.send_signal(signal.SIGTERM)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
