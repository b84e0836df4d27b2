"""The layers hold: read from the source with `ast`, so a forbidden or looping import fails here
before it reaches a person's start-up.

`data/` imports neither `documents/` nor `ui/` nor Qt; `documents/` does not import `ui/`;
module-level imports form no cycle. An import inside a function is allowed only to keep a heavy
module off the start-up path, and says so in a comment; the ones left from before that rule are
counted, and the count may only go down.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = "entraide_desktop"
ROOT = Path(__file__).resolve().parent.parent / PACKAGE

# Function-level imports in data/ without a comment on their line or the line above, when this test
# was written (issue 14). Lower it when you remove some; never raise it.
UNCOMMENTED_DATA_FUNCTION_IMPORTS = 52


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, tuple[Path, ast.Module]]:
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


def _graph() -> dict[str, set[str]]:
    modules = _modules()
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


def _uncommented(path: Path, node: ast.stmt) -> bool:
    lines = path.read_text(encoding="utf-8").splitlines()
    own = lines[node.lineno - 1]
    above = lines[node.lineno - 2].strip() if node.lineno > 1 else ""
    return "#" not in own and not above.startswith("#")


def test_the_data_layer_imports_no_documents_no_screens_and_no_qt():
    assert _forbidden("data", (f"{PACKAGE}.documents", f"{PACKAGE}.ui", "PySide6", "shiboken6")) == []


def test_documents_import_no_screens():
    assert _forbidden("documents", (f"{PACKAGE}.ui",)) == []


def test_module_level_imports_form_no_cycle():
    assert _cycles(_graph()) == []


def test_the_cycle_finder_sees_a_loop_and_ignores_a_chain():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": set()}) == []


def test_imports_inside_data_functions_only_go_down_and_new_ones_say_why():
    uncommented = []
    for name, (path, tree) in _modules().items():
        if _in("data", name):
            uncommented += [f"{name}:{n.lineno}" for n in _function_imports(tree) if _uncommented(path, n)]
    assert len(uncommented) <= UNCOMMENTED_DATA_FUNCTION_IMPORTS, (
        "an import inside a function in data/ needs a one-line comment saying which heavy import it "
        f"keeps off the start-up path: {uncommented}"
    )


def test_the_group_profile_is_read_only_through_group_profile():
    """One way to read the group's details: ``data.group.profile()`` (writes may stay where they are)."""
    import re

    read = re.compile(r'rows\.get\([^)]*"group_profile"|FROM\s+group_profile', re.IGNORECASE)
    allowed = {ROOT / "data" / "group.py"}
    readers = [str(path.relative_to(ROOT)) for path in sorted(ROOT.rglob("*.py"))
               if path not in allowed and "schema" not in path.parts and read.search(path.read_text(encoding="utf-8"))]
    assert readers == []
