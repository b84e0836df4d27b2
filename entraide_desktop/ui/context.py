"""What every screen receives: the open database, paths, settings and app-wide signals."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QIcon

from ..config import Paths, Settings, load_settings, update_settings

if TYPE_CHECKING:
    from ..data.store import Changes, Store

RESOURCES = Path(__file__).resolve().parent.parent / "resources"


_icons: dict[str, QIcon] = {}


def icon(name: str) -> QIcon:
    """An icon from resources/icons (``name`` without extension), drawn white when selected."""
    cached = _icons.get(name)
    if cached is None:
        cached = QIcon(str(RESOURCES / "icons" / f"{name}.svg"))
        cached.addFile(str(RESOURCES / "icons" / "selected" / f"{name}.svg"), mode=QIcon.Mode.Selected)
        _icons[name] = cached
    return cached


def app_icon() -> QIcon:
    return QIcon(str(RESOURCES / "entraide.svg"))


class AppContext(QObject):
    """Shared by the screens of one unlocked session.

    ``data_changed(area)`` is emitted after any committed change of an area's tables
    ("members", "calendar", … see ``data/changes.py``): the store announces every transaction
    (screens, sync imports, background work alike) and this context turns the tables into
    areas, on the UI thread. ``changes_committed(changes)`` carries the tables themselves.
    ``open_page(key, target_id)`` asks the main window to show a page (and an item in it).
    ``restore_requested(path)`` asks the controller to replace the database by a backup.
    """

    data_changed = Signal(str)
    changes_committed = Signal(object)  # data.store.Changes
    _announced = Signal(object)  # from the thread that wrote; queued to the UI thread when another
    open_page = Signal(str, str)
    status_message = Signal(str)
    restore_requested = Signal(str)  # a backup file to restore: the controller closes and reopens the session

    def __init__(self, store: Store, paths: Paths, *, demo: bool = False) -> None:
        super().__init__()
        self.store = store
        self.paths = paths
        self.demo = demo
        self._announced.connect(self._on_announced)
        self._stop_listening = store.add_change_listener(lambda _store, changes: self._announced.emit(changes))

    def _on_announced(self, changes: Changes) -> None:
        from ..data.changes import areas_of  # deferred: the unlock screen must not wait for sqlite-utils

        self.changes_committed.emit(changes)
        for area in sorted(areas_of(changes.tables)):
            self.data_changed.emit(area)

    def stop_listening(self) -> None:
        """Stop hearing the store's changes (the session is closing)."""
        self._stop_listening()

    @property
    def settings(self) -> Settings:
        """This computer's preferences (read once, then from memory until they change)."""
        return load_settings(self.paths)

    def save_setting(self, **changes: Any) -> None:
        update_settings(self.paths, **changes)
