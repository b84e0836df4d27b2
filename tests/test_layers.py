"""The house's layers, read from the source: data/ knows neither Qt, nor documents/, nor ui/;
documents/ does not know ui/. (Checked on every import statement, at module level or inside a
function.)"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "entraide_desktop"


def _imports(path: Path, text: str | None = None) -> list[str]:
    """Every module ``path`` imports, relative imports resolved to absolute names."""
    package = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)[:-1]
    found = []
    source = text if text is not None else path.read_text(encoding="utf-8")
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                found.append(".".join(base + ([node.module] if node.module else [])))
            else:
                found.append(node.module or "")
    return found


def _crossings(layer: str, forbidden: tuple[str, ...]) -> list[str]:
    out = []
    for path in sorted((PACKAGE / layer).rglob("*.py")):
        for name in _imports(path):
            if name.startswith(forbidden):
                out.append(f"{path.relative_to(PACKAGE)} imports {name}")
    return out


def test_the_data_layer_imports_neither_qt_nor_documents_nor_screens():
    assert _crossings("data", ("PySide6", "entraide_desktop.ui", "entraide_desktop.documents")) == []


def test_documents_do_not_import_screens():
    assert _crossings("documents", ("entraide_desktop.ui",)) == []


def test_the_check_resolves_relative_imports_and_imports_inside_functions():
    """The check can fail: a screen imported from a document, relatively and inside a function, is seen."""
    text = "def f():\n    from ..ui import forms\n    from . import spreadsheet\n"
    assert _imports(PACKAGE / "documents" / "sample.py", text) == [
        "entraide_desktop.ui", "entraide_desktop.documents"]


def test_the_group_profile_is_read_only_through_group_profile():
    """One way to read the group's details: ``data.group.profile()`` (writes may stay where they are)."""
    import re

    read = re.compile(r'rows\.get\([^)]*"group_profile"|FROM\s+group_profile', re.IGNORECASE)
    allowed = {PACKAGE / "data" / "group.py"}
    readers = [str(path.relative_to(PACKAGE)) for path in sorted(PACKAGE.rglob("*.py"))
               if path not in allowed and "schema" not in path.parts and read.search(path.read_text(encoding="utf-8"))]
    assert readers == []
