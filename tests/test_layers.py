"""The data flows one way (docs/architecture.md): each package imports only the packages before it.

    errors ─► read ─► corpus ─► extraction
                           └──► engine ─► review ─► report ─► cli, plugin
                                       └──► store ─► scale ─► cli
    errors ─► config (the [tool.claimcheck] settings) ─────────────► cli, plugin

Within a package modules may import each other, but no import may close a cycle. Two finer rules
hold too: the engine sees records and rows, never files; a report knows the rule registry, not the
rules' internals.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parent.parent / "src" / "claimcheck"

# What each part of the package may import of ours, besides itself.
ALLOWED: dict[str, set[str]] = {
    "errors": set(),
    "config": {"errors"},
    "read": {"errors"},
    "corpus": {"errors", "read"},
    "extraction": {"errors", "read", "corpus"},
    "engine": {"errors", "read", "corpus"},
    "review": {"errors", "read", "corpus", "engine"},
    # The claims store (Parquet) and the engines that run the rules over it (DuckDB, Spark, a process pool).
    "store": {"errors", "read", "corpus", "engine", "review", "__init__"},
    "scale": {"errors", "read", "corpus", "extraction", "engine", "review", "store", "__init__"},
    "report": {"errors", "read", "corpus", "engine", "review", "__init__"},
    "cli": {"errors", "config", "read", "corpus", "extraction", "engine", "review", "report", "store", "scale",
            "__init__"},
    "plugin": {"errors", "config", "read", "corpus", "engine", "review", "report"},
    "__init__": {"errors", "read", "corpus", "extraction", "engine", "review", "report"},
    "__main__": {"cli"},
}
# Modules of the corpus that read files: the engine never imports them.
FILE_READERS = {"claimcheck.corpus.loader", "claimcheck.corpus.yamlfile"}
# What a report may know of the engine: findings, the check's report, and the rule registry.
REPORT_MAY_SEE = {"claimcheck.engine.findings", "claimcheck.engine.check", "claimcheck.engine.rules",
                  "claimcheck.engine.rules.registry"}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def part_of(name: str) -> str:
    """'claimcheck.read.values' is in part 'read'; 'claimcheck' itself is '__init__'."""
    pieces = name.split(".")
    return pieces[1] if len(pieces) > 1 else "__init__"


def imports_of(path: Path) -> set[str]:
    """The claimcheck modules a file imports, as full dotted names."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "claimcheck":
            found.add(node.module)
            found.update(f"{node.module}.{a.name}" for a in node.names if (PACKAGE.parent / (
                node.module.replace(".", "/") + f"/{a.name}.py")).exists())
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.split(".")[0] == "claimcheck")
    return found


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def test_every_part_has_its_place():
    assert {part_of(name) for name in MODULES} == set(ALLOWED)


@pytest.mark.parametrize("name", sorted(MODULES))
def test_imports_only_point_back(name):
    own = part_of(name)
    wrong = sorted(i for i in imports_of(MODULES[name])
                   if part_of(i) != own and part_of(i) not in ALLOWED[own] and i != "claimcheck")
    assert not wrong, f"{name} imports {wrong}, which come after it in the flow"


def test_the_engine_never_reads_files():
    for name, path in MODULES.items():
        if part_of(name) == "engine":
            assert not imports_of(path) & FILE_READERS, f"{name} imports a file reader"
            source = path.read_text(encoding="utf-8")
            for call in ("open(", ".read_text(", ".read_bytes(", ".write_text("):
                assert call not in source, f"{name} does I/O ({call})"


def test_reports_know_the_registry_not_the_rules():
    for name, path in MODULES.items():
        if part_of(name) == "report":
            engine = {i for i in imports_of(path) if part_of(i) == "engine"}
            assert engine <= REPORT_MAY_SEE, f"{name} imports {sorted(engine - REPORT_MAY_SEE)}"


def test_no_import_closes_a_cycle():
    graph = {name: {i for i in imports_of(path) if i in MODULES and i != name} for name, path in MODULES.items()}
    # A package's __init__ re-exporting its modules is not a cycle of meaning; leave those edges out.
    for name in graph:
        graph[name] = {i for i in graph[name] if not (MODULES[i].name == "__init__.py" and name.startswith(i + "."))}
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycle = trail[trail.index(nxt):] + [nxt] if nxt in trail else [node, nxt]
                raise AssertionError(f"import cycle: {' -> '.join(cycle)}")
            if nxt not in state:
                visit(nxt, [*trail, nxt])
        state[node] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])


def test_the_layer_test_sees_a_wrong_import(tmp_path):
    """The checker itself: an import that runs back up is caught."""
    bad = tmp_path / "bad.py"
    bad.write_text("from claimcheck.report.common import shown\n", encoding="utf-8")
    assert "claimcheck.report.common" in imports_of(bad)
    assert part_of("claimcheck.report.common") not in ALLOWED["engine"]
