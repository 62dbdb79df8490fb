"""The scaling-out example and the README's configuration table stay true to the code."""

import re
from pathlib import Path

import yaml

from app.config import Settings

ROOT = Path(__file__).resolve().parents[1]
DEPLOY = ROOT / "docs" / "deploy"


def env_file() -> dict[str, str]:
    lines = (DEPLOY / "shortlist.env").read_text().splitlines()
    pairs = [line.split("=", 1) for line in lines if line and not line.startswith("#")]
    return {name: value for name, value in pairs}


def test_the_readme_lists_every_setting():
    readme = (ROOT / "README.md").read_text()
    listed = set(re.findall(r"^\| `SHORTLIST_([A-Z_]+)`", readme, flags=re.MULTILINE))
    fields = {name.upper() for name in Settings.model_fields}
    assert fields <= listed, f"not in the README's configuration table: {fields - listed}"


def test_the_shared_settings_are_real_settings():
    names = {n.removeprefix("SHORTLIST_").lower() for n in env_file() if n.startswith("SHORTLIST_")}
    assert names <= set(Settings.model_fields), names - set(Settings.model_fields)
    assert {"database_url", "secret_key", "redis_url"} <= names
    assert env_file()["SHORTLIST_DATABASE_URL"].startswith("postgresql+asyncpg://")


def test_servers_and_workers_never_migrate_and_start_after_the_migration():
    services = yaml.safe_load((DEPLOY / "compose.yaml").read_text())["services"]
    assert services["migrate"]["command"] == ["shortlist", "migrate"]
    servers = {
        n: s for n, s in services.items() if s.get("command", [])[:2] == ["shortlist", "serve"]
    }
    workers = {
        n: s for n, s in services.items() if s.get("command", [])[:2] == ["shortlist", "worker"]
    }
    assert len(servers) >= 2
    assert workers
    for name, service in {**servers, **workers}.items():
        assert "--no-migrate" in service["command"], name
        assert service["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
    for name, service in services.items():
        if service.get("command", [""])[0] == "shortlist":
            assert service["env_file"] == "shortlist.env", name
    upstream = (DEPLOY / "nginx.conf").read_text()
    assert all(f"server {name}:8000" in upstream for name in servers)


def test_a_dedicated_worker_delivers_alone_and_its_metrics_port_stays_private():
    services = yaml.safe_load((DEPLOY / "compose.yaml").read_text())["services"]
    workers = [s for s in services.values() if s.get("command", [])[:2] == ["shortlist", "worker"]]
    assert workers
    for service in services.values():
        if service.get("command", [])[:2] == ["shortlist", "serve"]:
            assert service["environment"]["SHORTLIST_WORKER"] == "off"
    for worker in workers:
        assert "--metrics-port" in worker["command"]
        assert "ports" not in worker  # no token on that port: never published
