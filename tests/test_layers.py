"""The layers hold: read from the source with `ast`, so a forbidden or looping import fails here
before it reaches a person's start-up.

`data/` imports neither `documents/` nor `ui/` nor Qt; `documents/` does not import `ui/`;
module-level imports form no cycle. An import inside a function is allowed only to keep a heavy
module off the start-up path (or a Windows-only one off other systems), and says so in a comment
that starts with « # deferred: ». Every module also imports on its own, first (a slow test).
"""

from __future__ import annotations

import ast
import functools
import os
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = "entraide_desktop"
ROOT = Path(__file__).resolve().parent.parent / PACKAGE

# An import inside a function says why on its line or the line above, starting so.
DEFERRED = "# deferred:"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


@functools.cache
def _modules() -> dict[str, tuple[Path, ast.Module]]:
    """Every module of the package, parsed once for all the tests here (read-only)."""
    return {_module_name(p): (p, ast.parse(p.read_text(encoding="utf-8"))) for p in sorted(ROOT.rglob("*.py"))}


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _targets(module: str, path: Path, node: ast.Import | ast.ImportFrom) -> list[str]:
    """Absolute names an import statement brings in (a `from x import y` gives x and x.y)."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if node.level:
        base = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
        base = base[: len(base) - (node.level - 1)]
        prefix = ".".join(base + ([node.module] if node.module else []))
    else:
        prefix = node.module or ""
    return [prefix] + [f"{prefix}.{alias.name}" for alias in node.names]


def _top_level_imports(tree: ast.Module) -> list[ast.Import | ast.ImportFrom]:
    """Imports run when the module loads: module body, and under if/try at module level, but
    not under `if TYPE_CHECKING:` nor inside functions or classes' methods."""
    found: list[ast.Import | ast.ImportFrom] = []

    def visit(body: list[ast.stmt]) -> None:
        for stmt in body:
            if isinstance(stmt, (ast.Import, ast.ImportFrom)):
                found.append(stmt)
            elif isinstance(stmt, ast.If):
                if not _is_type_checking(stmt):
                    visit(stmt.body)
                visit(stmt.orelse)
            elif isinstance(stmt, ast.Try):
                visit(stmt.body)
                for handler in stmt.handlers:
                    visit(handler.body)
                visit(stmt.orelse)
                visit(stmt.finalbody)
            elif isinstance(stmt, ast.ClassDef):
                visit(stmt.body)

    visit(tree.body)
    return found


def _function_imports(tree: ast.Module) -> list[ast.Import | ast.ImportFrom]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            found += [n for n in node.body for n in ast.walk(n) if isinstance(n, (ast.Import, ast.ImportFrom))]
    return list({id(n): n for n in found}.values())


def _all_imports(module: str, path: Path, tree: ast.Module) -> list[str]:
    return [t for node in ast.walk(tree) if isinstance(node, (ast.Import, ast.ImportFrom))
            for t in _targets(module, path, node)]


def _packages_of(module: str) -> list[str]:
    parts = module.split(".")
    return [".".join(parts[:i]) for i in range(1, len(parts))]


def _graph(modules: dict[str, tuple[Path, ast.Module]] | None = None) -> dict[str, set[str]]:
    modules = _modules() if modules is None else modules
    graph: dict[str, set[str]] = {}
    for name, (path, tree) in modules.items():
        edges = set()
        for node in _top_level_imports(tree):
            prefix, *names = _targets(name, path, node)
            if isinstance(node, ast.Import):
                wanted = [prefix, *names]
            else:  # `from pkg import sub` needs only pkg.sub; `from pkg import name` needs pkg itself
                wanted = [target if target in modules else prefix for target in names]
            edges.update(t for t in wanted if t in modules and t != name)
        # Importing a.b.c first runs the packages a and a.b, unless they are this module's own
        # packages (already loading when it runs).
        own = {name.rsplit(".", depth)[0] for depth in range(1, name.count(".") + 1)}
        edges.update(parent for target in list(edges) for parent in _packages_of(target)
                     if parent in modules and parent not in own and parent != name)
        graph[name] = edges
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = [0]

    def strong(node: str) -> None:
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for nxt in graph.get(node, ()):
            if nxt not in index:
                strong(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            strong(node)
    return found


def _in(layer: str, module: str) -> bool:
    prefix = f"{PACKAGE}.{layer}"
    return module == prefix or module.startswith(prefix + ".")


def _forbidden(layer: str, banned: tuple[str, ...]) -> list[str]:
    bad = []
    for name, (path, tree) in _modules().items():
        if not _in(layer, name):
            continue
        for target in _all_imports(name, path, tree):
            if any(target == b or target.startswith(b + ".") for b in banned):
                bad.append(f"{name} imports {target}")
    return sorted(set(bad))


def _deferred(path: Path, node: ast.stmt) -> bool:
    """The comment is on the import's line, or above it or above the run of imports it ends."""
    lines = path.read_text(encoding="utf-8").splitlines()
    first = node.lineno - 1
    while first > 0 and lines[first - 1].strip().startswith(("from ", "import ")) and DEFERRED not in lines[first]:
        first -= 1
    above = lines[first - 1].strip() if first > 0 else ""
    return DEFERRED in lines[first] or DEFERRED in lines[node.lineno - 1] or above.startswith(DEFERRED)


def test_the_data_layer_imports_no_documents_no_screens_and_no_qt():
    assert _forbidden("data", (f"{PACKAGE}.documents", f"{PACKAGE}.ui", "PySide6", "shiboken6")) == []


def test_documents_import_no_screens():
    assert _forbidden("documents", (f"{PACKAGE}.ui",)) == []


def test_module_level_imports_form_no_cycle():
    assert _cycles(_graph()) == []


def test_the_cycle_finder_sees_a_loop_and_ignores_a_chain():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": set()}) == []


def test_an_import_inside_a_function_only_defers_a_heavy_module_and_says_so():
    unexplained = []
    for name, (path, tree) in _modules().items():
        unexplained += [f"{name}:{n.lineno}" for n in _function_imports(tree) if not _deferred(path, n)]
    assert unexplained == [], (
        "an import inside a function is only for a heavy module kept off a start-up path (the app's, the "
        f"unlock screen's, a command's), with « {DEFERRED} why » on its line or above; a loop is broken by "
        f"moving code instead: {unexplained}"
    )


def test_a_deferred_comment_covers_the_run_of_imports_below_it(tmp_path):
    path = tmp_path / "m.py"
    path.write_text("def f():\n    # deferred: heavy\n    import a\n    import b\n\n    import c\n", encoding="utf-8")
    found = {n.lineno: _deferred(path, n) for n in _function_imports(ast.parse(path.read_text(encoding="utf-8")))}
    assert found == {3: True, 4: True, 6: False}


def test_the_cycle_finder_follows_the_packages_an_import_runs_first(tmp_path):
    """Importing ``pkg.b.leaf`` runs ``pkg/b/__init__`` first: a loop through a package's
    ``__init__`` is a loop, though no module names the other directly."""
    sources = {
        "pkg.a": "from pkg.b.leaf import x\n",
        "pkg.b": "from pkg.a import y\n",
        "pkg.b.leaf": "x = 1\n",
    }
    modules = {name: (tmp_path / (name.replace(".", "/") + ".py"), ast.parse(text)) for name, text in sources.items()}
    assert _cycles(_graph(modules)) == [["pkg.a", "pkg.b"]]
    del sources["pkg.b"]
    modules.pop("pkg.b")
    assert _cycles(_graph(modules)) == []


@pytest.mark.slow
def test_every_module_imports_on_its_own_first():
    """What the graph cannot see (an attribute read at import time…) shows when each module is the
    first one imported, in a fresh interpreter."""
    names = [n for n in _modules() if not n.endswith("__main__")]
    script = (
        "import importlib, sys\n"
        "failed = []\n"
        f"for name in {names!r}:\n"
        "    for loaded in [m for m in sys.modules if m.startswith('entraide_desktop')]:\n"
        "        del sys.modules[loaded]\n"
        "    try:\n"
        "        importlib.import_module(name)\n"
        "    except Exception as error:\n"
        "        failed.append(f'{name}: {error!r}')\n"
        "print('\\n'.join(failed))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300,
                          cwd=ROOT.parent, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == ""
    assert len(names) > 250


def test_the_group_profile_is_read_only_through_group_profile():
    """One way to read the group's details: ``data.group.profile()`` (writes may stay where they are)."""
    import re

    read = re.compile(r'rows\.get\([^)]*"group_profile"|FROM\s+group_profile', re.IGNORECASE)
    allowed = {ROOT / "data" / "group.py"}
    readers = [str(path.relative_to(ROOT)) for path in sorted(ROOT.rglob("*.py"))
               if path not in allowed and "schema" not in path.parts and read.search(path.read_text(encoding="utf-8"))]
    assert readers == []
