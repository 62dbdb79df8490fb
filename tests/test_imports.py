"""Dependencies point one way: tables know no domain module, the docs do not know the app."""

import ast
from pathlib import Path

APP = Path(__file__).resolve().parents[1] / "app"
# Of the application, a table module imports other tables only.
MODEL_IMPORTS = ("app.models",)


def imported_modules(path: Path) -> set[str]:
    modules = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.module:
            modules.add(node.module)
        elif isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
    return modules


def test_models_import_no_domain_module():
    for path in sorted((APP / "models").glob("*.py")):
        domain = {
            m
            for m in imported_modules(path)
            if m.startswith("app.") and not m.startswith(MODEL_IMPORTS)
        }
        assert not domain, f"{path.name} imports {sorted(domain)}"


def test_the_docs_do_not_import_the_application_factory():
    assert "app.main" not in imported_modules(APP / "docs.py")
