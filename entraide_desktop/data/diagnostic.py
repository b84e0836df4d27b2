"""« Rapport de diagnostic »: what the secretary can send when something goes wrong, without anyone's data.

Versions (Entraide, Python, SQLCipher, the schema, and what the screen adds: Qt), the platform,
where the data folder is, how many rows each table holds (counts only) and the end of the log
(which holds no values: see ``logs.py``). On Windows the version comes from
``sys.getwindowsversion()``: Python's ``platform`` asks WMI, which can hang or, under Wine, abort.
"""

from __future__ import annotations

import datetime as dt
import platform
import sys

from .. import __version__, logs
from ..config import Paths
from ..i18n import _
from .schema import schema_version
from .schema.registry import SYNCED_TABLES
from .store import Store


def platform_text() -> str:
    if sys.platform == "win32":
        version = sys.getwindowsversion()  # type: ignore[attr-defined]
        name = "Windows 11" if version.build >= 22000 else f"Windows {version.major}"
        return f"{name} (build {version.build})"
    return f"{platform.system()} {platform.release()}"


def table_counts(store: Store) -> list[tuple[str, int]]:
    out = []
    for name in sorted(SYNCED_TABLES):
        try:
            out.append((name, int(store.db.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0])))
        except Exception:  # a table of a newer area, absent here: the report goes on
            out.append((name, -1))
    return out


def report(paths: Paths, store: Store | None = None, extra: dict[str, str] | None = None) -> str:
    """The report's text (French headings; values are versions, paths, counts and log lines)."""
    lines = [_("Rapport de diagnostic d'Entraide — {when}").format(when=dt.datetime.now().isoformat(timespec="seconds")),
             "", f"Entraide {__version__}", f"Python {sys.version.split()[0]}", platform_text()]
    for name, value in (extra or {}).items():
        lines.append(f"{name} {value}")
    lines.append(_("Version du schéma : {n}").format(n=schema_version()))
    lines.append(_("Dossier des données : {path}").format(path=paths.database.parent))
    if store is not None:
        try:
            cipher = store.db.execute("PRAGMA cipher_version").fetchone()
            lines.append(f"SQLCipher {cipher[0] if cipher else '?'}")
        except Exception:
            pass
        lines += ["", _("Nombre de lignes par table :")]
        lines += [f"  {name} : {count}" for name, count in table_counts(store)]
    else:
        lines += ["", _("(Registre verrouillé : les nombres de lignes n'y sont pas.)")]
    lines += ["", _("Fin du journal ({path}) :").format(path=logs.log_file())]
    lines += logs.recent_lines() or [_("(journal vide)")]
    return "\n".join(lines)
