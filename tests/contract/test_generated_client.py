"""A client generated from the document type-checks and tells the decision story.

openapi-python-client generates a package from `openapi/openapi.json`; `mypy --strict` checks
it together with tests/contract/client_story.py, which then runs against a real server.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

from app.main import openapi_document
from tests.contract.conftest import LiveServer

HERE = Path(__file__).parent
BIN = Path(sys.executable).parent
# openapi-python-client 0.29.1's own client.py template passes `*args: object` to httpx's
# typed `__exit__`; that module is the generator's, not shaped by the document.
MYPY_CONFIG = """\
[mypy]
strict = True
[mypy-shortlist_client.client]
disable_error_code = arg-type
"""


def run(*command: str | Path, cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        env={**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}", **(env or {})},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, f"{command}:\n{done.stdout[-10_000:]}\n{done.stderr[-5_000:]}"
    return done.stdout


def test_the_generated_client_type_checks_and_tells_the_story(
    live_server: LiveServer, tmp_path: Path
) -> None:
    document = tmp_path / "openapi.json"
    document.write_text(openapi_document())
    assert json.loads(document.read_text())["openapi"].startswith("3.1")
    generated = run(
        BIN / "openapi-python-client",
        "generate",
        "--path",
        document,
        "--meta",
        "none",
        "--output-path",
        tmp_path / "shortlist_client",
        "--fail-on-warning",
        cwd=tmp_path,
    )
    assert "Warning" not in generated, generated
    story = tmp_path / "client_story.py"
    story.write_text((HERE / "client_story.py").read_text())
    (tmp_path / "mypy.ini").write_text(MYPY_CONFIG)
    run(
        BIN / "mypy",
        "--config-file",
        "mypy.ini",
        "--no-incremental",
        "shortlist_client",
        "client_story.py",
        cwd=tmp_path,
    )
    told = run(sys.executable, story, live_server.url, live_server.key, cwd=tmp_path)
    assert "the story ran" in told
