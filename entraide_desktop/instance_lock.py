"""One Entraide at a time per database on this computer (QLockFile: stale locks of dead processes are taken over).

A lock that another process holds says « Entraide est déjà ouvert »; a lock file that cannot be
created at all (read-only folder, no rights, disk full) says so instead.
"""

from __future__ import annotations

from PySide6.QtCore import QLockFile

from .config import Paths
from .data.errors import AlreadyOpen, ReadOnlyLocation
from .i18n import _


class InstanceLock:
    def __init__(self, paths: Paths) -> None:
        self._path = paths.lock_file
        try:
            paths.lock_file.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise self._cannot_create(error.strerror or str(error)) from error
        self._lock = QLockFile(str(paths.lock_file))
        self._lock.setStaleLockTime(0)  # never by age; a dead process's lock is detected by its pid

    def acquire(self) -> None:
        """Take the lock or raise :class:`AlreadyOpen` with a clear message."""
        if not self._lock.tryLock(200):
            held = self._lock.error() == QLockFile.LockError.LockFailedError and self._holder() > 0
            if not held:  # no process holds it: the file cannot be created or read
                raise self._cannot_create(_("droits insuffisants, dossier en lecture seule ou disque plein"))
            raise AlreadyOpen(
                _(
                    "Entraide est déjà ouvert sur ce poste avec cette base de données. "
                    "Utilisez la fenêtre déjà ouverte (elle est peut-être réduite dans la barre des tâches)."
                )
            )

    def _holder(self) -> int:
        """The process id written in the lock file, or 0 when it cannot be read."""
        info = self._lock.getLockInfo()
        return int(info[0]) if isinstance(info, tuple) and info and isinstance(info[0], int) else 0

    def _cannot_create(self, reason: str) -> ReadOnlyLocation:
        return ReadOnlyLocation(
            _("Entraide ne peut pas créer son fichier de verrou « {path} » ({reason}). Vérifiez que le dossier "
              "de la base de données existe et que vous pouvez y écrire ; rien n'a été modifié.").format(
                path=self._path, reason=reason)
        )

    def release(self) -> None:
        self._lock.unlock()

    def __enter__(self) -> InstanceLock:
        self.acquire()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.release()
