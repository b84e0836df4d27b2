"""Shared pieces of the meetings screens: autosave, person choosers, shortcuts, exports."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QCompleter, QFileDialog, QWidget

from ...data.errors import EntraideError
from ...data.text import fold
from ...i18n import _, format_time
from ..context import AppContext
from ..messages import error_text, inform
from ..tasks import run_with_progress

AUTOSAVE_MS = 600


class Autosaver(QObject):
    """Saves edits shortly after typing stops (and at once on ``flush``); never drops text.

    ``schedule(key, fn)`` replaces the pending save of ``key``; ``saved`` carries a status text,
    ``failed`` the French message of a refused save (the text stays in the editor).
    """

    saved = Signal(str)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pending: dict[Any, Callable[[], object]] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_MS)
        self._timer.timeout.connect(self.flush)

    def schedule(self, key: Any, fn: Callable[[], object]) -> None:
        self._pending[key] = fn
        self._timer.start()

    @property
    def pending(self) -> bool:
        return bool(self._pending)

    def flush(self) -> bool:
        """Run every pending save now; False when one was refused."""
        self._timer.stop()
        ok = True
        saved_any = bool(self._pending)
        while self._pending:
            key = next(iter(self._pending))
            fn = self._pending.pop(key)
            try:
                fn()
            except EntraideError as error:
                ok = False
                self.failed.emit(error.message)
        if ok and saved_any:
            self.saved.emit(_("Enregistré automatiquement à {time}").format(time=format_time(QTime.currentTime()
                                                                                             .toPython())))
        return ok

    def run(self, fn: Callable[[], object]) -> bool:
        """Save now (after what is pending); False with ``failed`` emitted when refused."""
        if not self.flush():
            return False
        try:
            fn()
        except EntraideError as error:
            self.failed.emit(error.message)
            return False
        self.saved.emit(_("Enregistré automatiquement à {time}").format(time=format_time(QTime.currentTime()
                                                                                         .toPython())))
        return True


class PersonCombo(QComboBox):
    """Choose a person by typing part of the name (accent-blind prefix search of the list)."""

    def __init__(self, accessible_name: str, *, allow_free_text: bool = False, empty_label: str = "—",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(accessible_name)
        self._free = allow_free_text
        self._empty = empty_label
        self.setEditable(allow_free_text)
        if allow_free_text:
            completer = QCompleter(self.model(), self)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
            self.setCompleter(completer)
        self.setMinimumContentsLength(12)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)

    def set_people(self, people: list[tuple[str, str]], current: str = "") -> None:
        """``people`` as (id, label); keeps ``current`` chosen (added when missing)."""
        self.blockSignals(True)
        self.clear()
        self.addItem(self._empty, "")
        for pid, label in people:
            self.addItem(label, pid)
        self.set_current(current)
        self.blockSignals(False)

    def set_current(self, person_id: str, free_text: str = "", label: str = "") -> None:
        """Choose ``person_id`` (added with ``label`` when not listed), or show ``free_text`` (a guest)."""
        self.blockSignals(True)
        index = self.findData(person_id) if person_id else 0
        if index < 0:
            self.addItem(label or person_id, person_id)
            index = self.count() - 1
        self.setCurrentIndex(index)
        if self._free and not person_id and free_text:
            self.setEditText(free_text)
        self.blockSignals(False)

    def person_id(self) -> str:
        if self._free:
            index = self.findText(self.currentText().strip(), Qt.MatchFlag.MatchFixedString)
            return str(self.itemData(index) or "") if index >= 0 else ""
        return str(self.currentData() or "")

    def free_text(self) -> str:
        """What was typed when it names nobody of the list (a guest)."""
        text = self.currentText().strip()
        return "" if not self._free or self.person_id() or text == self._empty else text


def shortcut(parent: QWidget, keys: str, slot: Callable[[], object]) -> QShortcut:
    """A shortcut active anywhere inside ``parent``."""
    sc = QShortcut(QKeySequence(keys), parent)
    sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    sc.activated.connect(slot)
    return sc


def ask_save_path(parent: QWidget, title: str, suggested: str, fmt: str) -> Path | None:
    """A save dialog for a PDF or ODT file; None when cancelled."""
    filters = {"pdf": _("Document PDF (*.pdf)"), "odt": _("Document OpenDocument (*.odt)")}
    path, _selected = QFileDialog.getSaveFileName(parent, title, str(Path.home() / f"{suggested}.{fmt}"), filters[fmt])
    if not path:
        return None
    target = Path(path)
    return target if target.suffix.lower() == f".{fmt}" else target.with_name(target.name + f".{fmt}")


def run_export(parent: QWidget, context: AppContext, title: str, work: Callable[[Any], Path],
               on_done: Callable[[Path], None] | None = None) -> None:
    """Write a document off the UI thread, on its own connection, with a progress dialog."""

    def job(_progress: Any) -> Path:
        store = context.store.clone()
        try:
            return work(store)
        finally:
            store.close()

    def done(path: Path) -> None:
        context.status_message.emit(_("Document enregistré : {path}").format(path=path))
        if on_done is not None:
            on_done(path)
        else:
            inform(parent, title, _("Le document a été enregistré :\n{path}").format(path=path))

    run_with_progress(parent, title, job, done, cancellable=False)


def slug(text: str) -> str:
    """A file-name friendly version of a title."""

    keep = "".join(c if c.isalnum() else "-" for c in fold(text))
    return "-".join(p for p in keep.split("-") if p)[:80]


def message(error: BaseException) -> str:
    return error_text(error)
