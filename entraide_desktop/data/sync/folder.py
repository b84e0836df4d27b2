"""The shared sync folder: a folder that Syncthing, Nextcloud or a network share keeps in step.

Each machine writes only its own exchange file there (its name carries the machine id) and
imports the others'. The database itself never lives in that folder: a live SQLite file
split from its journal by a file-sync tool gets corrupted.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ...i18n import _
from ..errors import EntraideError, ValidationError
from ..store import Store
from . import bundle as bundles
from . import exchange
from . import container
from .container import BundleRefused
from .summary import ImportSummary
from .summary import summary_lines

ProgressFn = Callable[[int, int, str], None]


def sync_folder(store: Store) -> Path | None:
    """The sync folder chosen on this computer, if any."""
    value = store.local("sync_folder")
    return Path(value) if value else None


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
    except ValueError:
        return False
    return True


def check_folder(store: Store, folder: Path) -> Path:
    """A usable sync folder, or a clear message why not."""
    folder = Path(folder).expanduser()
    if not folder.is_dir():
        raise ValidationError(_("Le dossier « {path} » est introuvable.").format(path=folder), "folder")
    if not os.access(folder, os.W_OK):
        raise ValidationError(
            _("Entraide ne peut pas écrire dans « {path} » : choisissez un dossier où vous avez le droit d'écrire.").format(
                path=folder
            ),
            "folder",
        )
    for own in (store.database_path, store.paths.key_file, store.paths.backups_dir):
        if _inside(own, folder):
            raise ValidationError(
                _(
                    "La base de données d'Entraide (ou ses sauvegardes) se trouve dans ce dossier : un outil de "
                    "synchronisation l'abîmerait. Choisissez un autre dossier, réservé aux fichiers d'échange."
                ),
                "folder",
            )
    return folder.resolve()


def set_sync_folder(store: Store, folder: Path | None) -> Path | None:
    """Choose (or, with None, stop using) the sync folder of this computer."""
    if folder is None:
        with store.write():
            store.db.execute("DELETE FROM _local WHERE key = 'sync_folder'")
        return None
    checked = check_folder(store, folder)
    store.set_local("sync_folder", str(checked))
    return checked


@dataclass
class RoundResult:
    folder: Path
    exported: exchange.ExportResult | None = None
    imported: list[ImportSummary] = field(default_factory=list)
    skipped: int = 0
    problems: list[str] = field(default_factory=list)
    finished: dt.datetime = field(default_factory=dt.datetime.now)

    @property
    def changes(self) -> int:
        return sum(s.total for s in self.imported)


def other_files(store: Store, folder: Path) -> list[Path]:
    """Other machines' exchange files in ``folder`` (ours and half-written ones left out).

    Names are compared without case, as Windows, macOS and USB keys (FAT) do: our own file copied
    back as « …-ABC.ENTRAIDE » is still ours, and is found on Linux too.
    """
    mine = bundles.file_name(store).casefold()
    return sorted(
        p for p in folder.iterdir()
        if p.suffix.casefold() == bundles.SUFFIX and p.is_file() and p.name.casefold() != mine
        and not p.name.startswith(".")
    )


def needs_export(store: Store, folder: Path) -> bool:
    """True when our file in ``folder`` is missing or older than this database's state."""
    target = folder / bundles.file_name(store)
    if not target.exists():
        return True
    row = store.db.execute(
        "SELECT fingerprint FROM _sync_exports WHERE place = ? ORDER BY created DESC LIMIT 1", [str(folder)]
    ).fetchone()
    return row is None or row[0] != exchange.fingerprint(store)


def pending_imports(store: Store, folder: Path) -> list[Path]:
    """Files in ``folder`` whose content was not imported here yet (read from their headers only)."""
    pending = []
    for path in other_files(store, folder):
        try:
            with open(path, "rb") as fh:
                head = fh.read(container.MAX_HEADER_BYTES + 16)
            header = bundles.peek(head, path.name)
        except (OSError, BundleRefused):
            pending.append(path)  # let the import explain what is wrong with it
            continue
        if header.site == store.site_id:
            continue
        known = store.db.execute("SELECT 1 FROM _sync_imports WHERE bundle = ?", [header.bundle]).fetchone()
        if not known:
            pending.append(path)
    return pending


def exchange_round(store: Store, folder: Path | None = None, progress: ProgressFn | None = None,
                   *, export: bool = True) -> RoundResult:
    """One exchange through the folder: import the others' new files, then write ours if it changed."""
    target = folder or sync_folder(store)
    if target is None:
        raise EntraideError(_("Aucun dossier de synchronisation n'est choisi sur ce poste."))
    target = check_folder(store, target)
    result = RoundResult(target)
    report = progress or (lambda _d, _t, _s="": None)
    pending = pending_imports(store, target)
    result.skipped = len(other_files(store, target)) - len(pending)
    for index, path in enumerate(pending):
        report(index, len(pending) + 1, _("Importation de « {name} »…").format(name=path.name))
        try:
            result.imported.append(exchange.import_file(store, path))
        except BundleRefused as error:
            # A file still being copied by the sync tool fails authentication: it is retried next round.
            result.problems.append(error.message)
    if export and needs_export(store, target):
        report(len(pending), len(pending) + 1, _("Écriture du fichier de ce poste…"))
        result.exported = exchange.export_to(store, target, place=str(target))
    report(len(pending) + 1, len(pending) + 1, _("Terminé."))
    result.finished = dt.datetime.now()
    return result


def round_lines(result: RoundResult) -> list[str]:
    """The round in short sentences (command line and status line)."""

    lines = []
    for summary in result.imported:
        lines.extend(summary_lines(summary))
        lines.append("")
    if not result.imported:
        lines.append(_("Aucun nouveau fichier des autres postes dans « {folder} ».").format(folder=result.folder))
    if result.exported is not None:
        lines.append(_("Fichier de ce poste écrit : {path}").format(path=result.exported.path))
    else:
        lines.append(_("Le fichier de ce poste dans le dossier était déjà à jour."))
    lines.extend("⚠ " + problem for problem in result.problems)
    return lines
