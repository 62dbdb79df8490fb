"""A regular install serves: the wheel carries everything `shortlist serve` reads."""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Only the sources: a stale build/ or a database in the checkout must not leak into the wheel.
NOT_SOURCES = shutil.ignore_patterns(
    ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", "*.db*", ".*_cache"
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def get(url: str, key: str | None = None) -> int:
    headers = {"Authorization": f"Bearer {key}"} if key else {}
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=5) as r:
            status: int = r.status
            return status
    except urllib.error.HTTPError as error:
        return error.code


def test_a_wheel_installed_in_a_fresh_venv_serves(tmp_path):
    source = tmp_path / "source"
    shutil.copytree(ROOT, source, ignore=NOT_SOURCES, symlinks=True)
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "wheel", "--no-deps", "-w", tmp_path / "dist", source], check=True)
    [wheel] = (tmp_path / "dist").glob("shortlist-*.whl")

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", venv], check=True)
    constraints = ROOT / ".ci" / "constraints.txt"
    install = [venv / "bin" / "pip", "install", "-q", "--disable-pip-version-check"]
    subprocess.run([*install, "-c", constraints, wheel], check=True)

    home = tmp_path / "home"  # no checkout here: everything must come from the install
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SHORTLIST_", "PYTHON"))}
    env["SHORTLIST_DATABASE_URL"] = f"sqlite+aiosqlite:///{home}/shortlist.db"
    port = free_port()
    with (home / "out.txt").open("w") as out:
        server = subprocess.Popen(
            [venv / "bin" / "shortlist", "serve", "--port", str(port)],
            cwd=home,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        try:
            status = None
            for _ in range(600):  # a guard for a server that never comes up, not a timing
                if server.poll() is not None:
                    break
                try:
                    status = get(f"http://127.0.0.1:{port}/readyz")
                    break
                except OSError:
                    time.sleep(0.1)
            output = (home / "out.txt").read_text()
            assert status == 200, output
            # Migrated: the bootstrap key it printed works against the schema.
            [key] = [line for line in output.splitlines() if line.startswith("sl_")]
            assert get(f"http://127.0.0.1:{port}/v1/requisitions", key) == 200
            # The respect check's tone model (its weights file) comes with it.
            check = "from app.notes.respect_model import model; model().probability('ok')"
            subprocess.run([venv / "bin" / "python", "-c", check], cwd=home, env=env, check=True)
        finally:
            server.terminate()
            server.wait(timeout=30)
