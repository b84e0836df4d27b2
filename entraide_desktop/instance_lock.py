"""One Entraide at a time per database on this computer (QLockFile: stale locks of dead processes are taken over)."""

from __future__ import annotations

from PySide6.QtCore import QLockFile

from .config import Paths
from .data.errors import AlreadyOpen
from .i18n import _


class InstanceLock:
    def __init__(self, paths: Paths) -> None:
        paths.lock_file.parent.mkdir(parents=True, exist_ok=True)
        self._lock = QLockFile(str(paths.lock_file))
        self._lock.setStaleLockTime(0)  # never by age; a dead process's lock is detected by its pid

    def acquire(self) -> None:
        """Take the lock or raise :class:`AlreadyOpen` with a clear message."""
        if not self._lock.tryLock(200):
            raise AlreadyOpen(
                _(
                    "Entraide est déjà ouvert sur ce poste avec cette base de données. "
                    "Utilisez la fenêtre déjà ouverte (elle est peut-être réduite dans la barre des tâches)."
                )
            )

    def release(self) -> None:
        self._lock.unlock()

    def __enter__(self) -> InstanceLock:
        self.acquire()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.release()
