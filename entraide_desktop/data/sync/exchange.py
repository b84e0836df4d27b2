"""Export this machine's exchange file, and import another machine's.

Export: seal the full state, write it safely (temporary file, fsync, rename, fsync the
folder), then read it back, compare it and authenticate it before saying the USB key can be
removed.

Import: read and authenticate the whole file first and check it (group, version, size);
plan the merge without writing; when something is new, take a backup copy of the
database, then merge everything, record the file and the sending machine in one
transaction. Any refusal or failure leaves the database as it was.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ...i18n import _
from ..clock import DAY_MS
from .. import backups, files
from ..database_file import copy_database
from ..errors import EntraideError, user_facing_errors
from ..store import Store
from . import bundle as bundles
from . import conflicts, hold, machines, signed
from .bundle import Bundle, BundleRefused, OwnBundle
from .checks import Guard
from .merge import Plan, apply_plan, plan_merge
from .state import current_vector, dominated, remember_vector
from .summary import ImportSummary, by_area

ProgressFn = Callable[[int, int, str], None]


def _no_progress(_done: int, _total: int, _text: str = "") -> None:
    return None


@dataclass(frozen=True)
class ExportResult:
    path: Path
    size: int
    bundle_id: str
    created: dt.datetime


def export_to(store: Store, folder: Path, progress: ProgressFn = _no_progress, *, place: str = "") -> ExportResult:
    """Write this machine's exchange file into ``folder`` and verify it; safe to remove the key afterwards."""
    folder = Path(folder).expanduser()
    if not folder.is_dir():
        raise EntraideError(_("Le dossier « {path} » est introuvable (la clé USB est-elle branchée ?).").format(path=folder))
    progress(0, 3, _("Préparation du fichier d'échange…"))
    fingerprint_before = fingerprint(store)  # taken first: a change made meanwhile triggers the next export
    data, header = bundles.build(store)
    folder = folder.resolve()
    target = folder / bundles.file_name(store)
    progress(1, 3, _("Écriture du fichier…"))
    with user_facing_errors(str(folder)):
        bundles.container.write_safely(target, data)
    progress(2, 3, _("Vérification du fichier écrit…"))
    verify(store, target, data)
    with store.write():
        store.db.execute(
            "INSERT OR REPLACE INTO _sync_exports (bundle, created, place, size, fingerprint) VALUES (?, ?, ?, ?, ?)",
            [header.bundle, header.created, place or str(folder), len(data), fingerprint_before],
        )
    progress(3, 3, _("Terminé."))
    return ExportResult(target, len(data), header.bundle, machines.from_ms(header.created) or dt.datetime.now())


def verify(store: Store, path: Path, data: bytes) -> None:
    """Read the written file back: the same bytes, and they authenticate; a clear error when the copy is bad."""
    try:
        written = bundles.read_file(path)
        if written != data:
            raise BundleRefused(_("Le fichier relu diffère de celui qui a été écrit."))
        bundles.authenticate(store, written, path.name)
    except BundleRefused as error:
        raise EntraideError(
            _(
                "Le fichier écrit dans « {folder} » est illisible à la relecture : la clé USB est peut-être "
                "défectueuse ou pleine. Ne vous fiez pas à cette copie ; réessayez ou utilisez une autre clé."
            ).format(folder=path.parent),
            detail=str(error),
        ) from error


def fingerprint(store: Store) -> str:
    """Changes whenever this database's synced state may have changed (local writes, imports, erasures)."""
    counter = store.local("counter", "0")
    stones = store.db.execute("SELECT count(*) FROM _tombstones").fetchone()[0]
    imports = store.db.execute("SELECT count(*) FROM _sync_imports WHERE changes > 0").fetchone()[0]
    return f"{store.site_id}:{counter}:{stones}:{imports}"


def last_export(store: Store) -> tuple[dt.datetime, str] | None:
    row = store.db.execute("SELECT created, place FROM _sync_exports ORDER BY created DESC LIMIT 1").fetchone()
    return (machines.from_ms(row[0]) or dt.datetime.now(), row[1]) if row else None


# -- import ---------------------------------------------------------------------------------


def import_file(store: Store, path: Path, progress: ProgressFn = _no_progress, **options: object) -> ImportSummary:
    """Import another machine's exchange file (see :func:`import_bytes`)."""
    path = Path(path)
    progress(0, 0, _("Lecture du fichier…"))
    return import_bytes(store, bundles.read_file(path), path.name, progress, **options)  # type: ignore[arg-type]


def import_bytes(store: Store, data: bytes, name: str, progress: ProgressFn = _no_progress, *, backup: bool = True,
                 now_ms: int | None = None, shortcut: bool = True, joining: bool = False,
                 confirm_mass: bool = False) -> ImportSummary:
    """Authenticate, check, back up, merge in one transaction; returns what came in.

    A file that would erase or archive many people raises :class:`hold.HeldImport` (nothing
    written) unless ``confirm_mass``.

    With ``shortcut``, a file whose version vector shows nothing unseen here is recorded
    without comparing every record (it cannot bring anything: see :func:`state.dominated`).
    """
    now = now_ms or machines.now_ms()
    header, compressed = bundles.unseal(store, data, name, now)
    if header.site == store.site_id:
        raise OwnBundle(
            _("Le fichier « {name} » a été préparé par ce poste-ci : il n'y a rien à importer.").format(name=name)
        )
    verdict = signed.check_signature(store, header, compressed)
    guard = Guard.for_store(store, now, joining=joining)
    guard.header(header)
    summary = ImportSummary(
        file_name=name, machine=header.machine or _("Poste sans nom"), site=header.site, bundle_id=header.bundle,
        created=machines.from_ms(header.created) or dt.datetime.now(), imported=machines.from_ms(now) or dt.datetime.now(),
    )
    known = store.db.execute("SELECT 1 FROM _sync_imports WHERE bundle = ?", [header.bundle]).fetchone()
    if known:
        bundles.read_payload(header, compressed)  # still read it whole: a damaged copy is reported
        summary.already_imported = True
        summary.conflicts_waiting = conflicts.count_waiting(store)
        return summary
    previous = machines.peer_row(store, header.site)
    summary.stale = bool(previous and (previous["last_counter"] or 0) > header.vector.get(header.site, 0))
    before = {c.key for c in conflicts.waiting(store)}
    progress(0, 0, _("Comparaison avec les données de ce poste…"))
    nothing_new = shortcut and dominated(header.vector, current_vector(store))
    # The backup copy (mostly encryption work) runs beside reading the file and comparing; all only read.
    copier = _BackgroundBackup(store) if backup and not nothing_new else None
    try:
        snapshot = bundles.read_payload(header, compressed)
        guard.meta(snapshot.meta)
        signed.check_content(store, verdict, header, snapshot.meta, now, joining=joining)
        if not joining:
            guard.limit(verdict.attested, verdict.revoked, verdict.signers, header)
        plan = Plan() if nothing_new else plan_merge(store, snapshot, guard)
        held = None if confirm_mass else hold.mass_change(store, plan, summary.machine)
        if held is not None:
            raise hold.HeldImport(held)
    except BaseException:
        if copier is not None:
            copier.discard()
        raise
    backup_path = copier.wait() if copier else None
    if backup_path is not None and plan.empty:
        with contextlib.suppress(files.FileInUse):  # an antivirus reading it: pruned later
            files.unlink(backup_path)
    elif backup_path is not None:
        summary.backup = str(backup_path)
        _prune_backups(store)
    summary.warnings = _clock_warnings(header, plan.max_remote_wall_ms, previous, now)
    opened = Bundle(header, snapshot, name, len(data))
    with user_facing_errors(str(store.database_path)), store.write():
        per_table = apply_plan(store, plan, progress)
        summary.areas = by_area(per_table)
        _record(store, opened, now, summary)
        signed.record(store, verdict, header, now)
    after = conflicts.waiting(store)
    summary.new_conflicts = len({c.key for c in after} - before)
    summary.conflicts_waiting = len(after)
    return summary


def _record(store: Store, opened: Bundle, now: int, summary: ImportSummary) -> None:
    header = opened.header
    counts = {a.area: [a.changes.new, a.changes.changed, a.changes.archived, a.changes.restored, a.changes.erased]
              for a in summary.areas}
    store.db.execute(
        "INSERT OR IGNORE INTO _sync_imports (bundle, site, created, imported, changes, summary) VALUES (?, ?, ?, ?, ?, ?)",
        [header.bundle, header.site, header.created, now, summary.total, json.dumps(counts, ensure_ascii=False)],
    )
    machines.record_import(
        store, header.site, header.machine, bundle=header.bundle, created=header.created,
        counter=header.vector.get(header.site, 0), previous=list(header.previous_sites), imported=now,
    )
    mine = {store.site_id, *machines.previous_sites(store)}
    for entry in opened.snapshot.meta.get("peers", []) or []:
        try:
            site, name, last_import = str(entry[0]), str(entry[1]), entry[2]
        except (IndexError, TypeError):
            continue
        if site in mine:
            machines.note_seen_us(store, header.site, int(last_import or 0))
        elif site != header.site:
            machines.note_peer(store, site, name)
    remember_vector(store, header.vector)


def _clock_warnings(header: bundles.Header, max_remote_ms: int, previous: dict | None, now: int) -> list[str]:
    warnings = []
    ahead = max(header.created, max_remote_ms) - now
    if ahead > DAY_MS:
        warnings.append(
            _(
                "L'horloge du poste « {machine} » (ou de ce poste-ci) semble décalée d'environ {days} jours. "
                "Rien n'est perdu, mais l'ordre des modifications affichées peut être trompeur : vérifiez la date "
                "et l'heure des deux ordinateurs."
            ).format(machine=header.machine, days=max(1, round(ahead / DAY_MS)))
        )
    elif previous and previous.get("last_created") and header.vector.get(header.site, 0) > (previous["last_counter"] or 0):
        behind = int(previous["last_created"]) - header.created
        if behind > DAY_MS:
            warnings.append(
                _(
                    "L'horloge du poste « {machine} » semble avoir reculé d'environ {days} jours depuis son fichier "
                    "précédent. Rien n'est perdu, mais vérifiez la date et l'heure de cet ordinateur."
                ).format(machine=header.machine, days=max(1, round(behind / DAY_MS)))
            )
    return warnings


class _BackgroundBackup:
    """A consistent encrypted copy of the database taken on another thread (its own connection)."""

    def __init__(self, store: Store) -> None:
        self.target = backups.new_backup_path(store.paths, "before-import")
        self.error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, args=(store,), name="sync-backup", daemon=True)
        self._thread.start()

    def _run(self, store: Store) -> None:
        clone = None
        try:
            clone = store.clone()  # opened, used and closed on this thread
            with user_facing_errors(str(self.target.parent)):
                self.target.parent.mkdir(parents=True, exist_ok=True)
                copy_database(clone.db, self.target, clone.data_key)
        except BaseException as error:  # handed to the importing thread
            self.error = error
        finally:
            if clone is not None:
                clone.close()

    def wait(self) -> Path:
        self._thread.join()
        if self.error is not None:
            raise self.error
        return self.target

    def discard(self) -> None:
        self._thread.join()
        self.target.unlink(missing_ok=True)


def _prune_backups(store: Store) -> None:
    """Keep only the last few copies taken before an import (the backups area's rule for that kind)."""
    backups.prune(store.paths)
