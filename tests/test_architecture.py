"""The layout holds: no import circles in pipeline/ (module level and lazy imports alike), no module over 800
lines, and no stage imports another stage or pressextract.records (stages read earlier results via contract.py)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "pipeline"


def _modules() -> dict[str, Path]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        # the folder pipeline/ installs as the import package pressextract
        parts = ("pressextract", *path.relative_to(PACKAGE).with_suffix("").parts)
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        out[name] = path
    return out


def _imports(path: Path, name: str, modules: dict[str, Path]) -> set[str]:
    """pressextract modules a file imports (anywhere in it), resolved to modules that exist."""
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(
                    package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else [])
                )
            targets = [f"{base}.{a.name}" for a in node.names] + [base]
        for t in targets:
            while t and t not in modules:
                t = t.rpartition(".")[0]
            if t and t != name and t.startswith("pressextract"):
                found.add(t)
    return found


def import_graph() -> dict[str, set[str]]:
    modules = _modules()
    return {name: _imports(path, name, modules) for name, path in modules.items()}


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan); a package importing its own
    submodules is no circle as long as they do not import the package back."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                out.append(sorted(group))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def _without_package_inits(graph: dict[str, set[str]]) -> dict[str, set[str]]:
    # "from pressextract.rules.quotes.find import x" runs pipeline/rules/quotes/__init__.py first, which imports
    # find: Python handles that order, it is the package's public face, not a circle between concerns.
    return {m: {t for t in deps if not m.startswith(t + ".")} for m, deps in graph.items()}


def test_no_import_circles():
    found = circles(_without_package_inits(import_graph()))
    assert found == []


@pytest.mark.parametrize(
    "graph, expected",
    [
        ({"a": {"b"}, "b": {"a"}}, [["a", "b"]]),
        ({"a": {"b"}, "b": {"c"}, "c": set()}, []),
        ({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}, [["a", "b", "c"]]),
    ],
)
def test_circle_check_finds_circles(graph, expected):
    assert circles(graph) == expected


def test_no_module_over_800_lines():
    long = {
        str(p.relative_to(PACKAGE.parent)): n
        for p in PACKAGE.rglob("*.py")
        if (n := len(p.read_text().splitlines())) > 800
    }
    assert long == {}


def test_stages_import_no_stage_and_no_records():
    graph = import_graph()
    for name in graph:
        if name.startswith("pressextract.stages.") and name != "pressextract.stages.settings":
            bad = {
                t
                for t in graph[name]
                if t.startswith("pressextract.records")
                or (t.startswith("pressextract.stages") and t != "pressextract.stages.settings")
            }
            assert bad == set(), name


def test_rules_register_no_spacy_components():
    for path in (PACKAGE / "rules").rglob("*.py"):
        assert "Language.factory" not in path.read_text(encoding="utf-8"), path


def test_every_package_is_installed():
    import tomllib

    config = tomllib.loads((PACKAGE.parent / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    # the folder pipeline/ installs as pressextract (setuptools package-dir)
    assert config["tool"]["setuptools"]["package-dir"]["pressextract"] == "pipeline"
    found = {
        ".".join(("pressextract", *p.parent.relative_to(PACKAGE).parts)) for p in PACKAGE.rglob("__init__.py")
    }
    assert found - listed == set()
