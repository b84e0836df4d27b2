"""What every screen receives: the open database, paths, settings and app-wide signals."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QIcon

from ..config import Paths, load_settings, update_settings

if TYPE_CHECKING:
    from ..data.store import Store

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

    ``data_changed(area)`` is emitted after a screen (or a sync import) changed data of an
    area ("members", "calendar", … or "*" for everything) so other screens can refresh.
    ``open_page(key, target_id)`` asks the main window to show a page (and an item in it).
    ``restore_requested(path)`` asks the controller to replace the database by a backup.
    """

    data_changed = Signal(str)
    open_page = Signal(str, str)
    status_message = Signal(str)
    restore_requested = Signal(str)  # a backup file to restore: the controller closes and reopens the session

    def __init__(self, store: Store, paths: Paths, *, demo: bool = False) -> None:
        super().__init__()
        self.store = store
        self.paths = paths
        self.demo = demo

    @property
    def settings(self) -> dict[str, Any]:
        return load_settings(self.paths)

    def save_setting(self, **changes: Any) -> None:
        update_settings(self.paths, **changes)

    def notify_changed(self, area: str) -> None:
        self.data_changed.emit(area)
