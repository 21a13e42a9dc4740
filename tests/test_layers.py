"""The data flows one way (STYLE.md): a module imports only modules to its left in LAYERS, never back."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).parent.parent / "src" / "claimcheck"

LAYERS = ["errors", "units", "values", "periods", "records", "yamlfile", "extraction", "vocabulary", "loader", "findings", "rules",
          "engine", "review", "report", "terminal", "html", "ci", "publish", "plugin", "cli"]


def imported_modules(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("claimcheck."):
            found.add(node.module.split(".")[1])
        elif isinstance(node, ast.Import):
            found.update(a.name.split(".")[1] for a in node.names if a.name.startswith("claimcheck."))
    return found


def test_every_module_has_a_layer():
    modules = {p.stem for p in PACKAGE.glob("*.py")} - {"__init__", "__main__"}
    assert modules == set(LAYERS)


def test_imports_only_point_left():
    for name in LAYERS:
        allowed = set(LAYERS[:LAYERS.index(name)])
        wrong = imported_modules(PACKAGE / f"{name}.py") - allowed
        assert not wrong, f"{name} imports {sorted(wrong)}, which come after it"
