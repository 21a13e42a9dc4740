"""Nothing in a claim file is ever executed: the package has no eval, exec or unsafe YAML loading.

An AST scan of every module, so that a comment or a string mentioning these names is not a hit,
and an alias or attribute access is.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).parent.parent / "src" / "claimcheck"
FORBIDDEN_CALLS = {"eval", "exec", "compile", "__import__", "execfile"}
UNSAFE_YAML = {"load", "load_all", "unsafe_load", "unsafe_load_all", "full_load", "full_load_all"}
UNSAFE_LOADERS = {"Loader", "UnsafeLoader", "FullLoader", "CLoader", "CUnsafeLoader", "CFullLoader"}
UNSAFE_MODULES = {"pickle", "marshal", "shelve", "dill"}


def _problems(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        where = f"{path.name}:{getattr(node, 'lineno', '?')}"
        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Name) and func.id in FORBIDDEN_CALLS:
                found.append(f"{where}: calls {func.id}()")
            if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id == "yaml" \
                    and func.attr in UNSAFE_YAML:
                found.append(f"{where}: yaml.{func.attr}() constructs arbitrary objects")
            if isinstance(func, ast.Attribute) and func.attr in ("system", "popen") and \
                    isinstance(func.value, ast.Name) and func.value.id == "os":
                found.append(f"{where}: os.{func.attr}()")
            for keyword in node.keywords:
                if keyword.arg == "shell" and isinstance(keyword.value, ast.Constant) and keyword.value.value:
                    found.append(f"{where}: shell=True")
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "yaml" \
                and node.attr in UNSAFE_LOADERS:
            found.append(f"{where}: yaml.{node.attr} is not a safe loader")
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            names = [a.name for a in node.names] + ([node.module] if isinstance(node, ast.ImportFrom) else [])
            if UNSAFE_MODULES & {str(n).split(".")[0] for n in names}:
                found.append(f"{where}: imports a deserializer that runs code")
            if isinstance(node, ast.ImportFrom) and node.module == "yaml" and \
                    {a.name for a in node.names} & (UNSAFE_YAML | UNSAFE_LOADERS):
                found.append(f"{where}: imports an unsafe yaml loader")
    return found


def test_the_package_never_executes_or_unsafely_loads_file_content():
    modules = sorted(PACKAGE.rglob("*.py"))
    assert len(modules) > 10
    problems = [problem for module in modules for problem in _problems(module)]
    assert problems == []


def test_the_scan_catches_what_it_looks_for(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("import yaml, pickle\nfrom yaml import FullLoader\neval('1')\nyaml.load(s, Loader=yaml.Loader)\n"
                   "subprocess.run('x', shell=True)\n", encoding="utf-8")
    problems = _problems(bad)
    assert len(problems) == 6, problems
