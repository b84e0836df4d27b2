"""Table models of the meetings screens (they hold dataclasses from ``data.meetings``)."""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from ...data import meetings as mt
from ...data.text import fold
from ...i18n import N_, _, format_date, format_number

ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


class _Model(QAbstractTableModel):
    HEADERS: tuple[str, ...] = ()

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[Any] = []
        self._texts: dict[tuple[int, int], str] = {}  # formatted cells (Babel is slow on thousands of cells)
        self._keys: dict[tuple[int, int], Any] = {}

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self._texts.clear()
        self._keys.clear()
        self.endResetModel()

    def _forget_row(self, row: int) -> None:
        for column in range(len(self.HEADERS)):
            self._texts.pop((row, column), None)
            self._keys.pop((row, column), None)

    def rowCount(self, parent: _Index = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(self.HEADERS[section])
        return None

    def text(self, row: Any, column: int) -> str:
        raise NotImplementedError

    def sort_key(self, row: Any, column: int) -> Any:
        return fold(self.text(row, column))

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        cell = (index.row(), index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            text = self._texts.get(cell)
            if text is None:
                text = self._texts[cell] = self.text(self.rows[cell[0]], cell[1])
            return text
        if role == ID_ROLE:
            row = self.rows[cell[0]]
            return row.id if hasattr(row, "id") else row.person_id
        if role == SORT_ROLE:
            if cell not in self._keys:
                self._keys[cell] = self.sort_key(self.rows[cell[0]], cell[1])
            return self._keys[cell]
        return None


class MeetingsModel(_Model):
    HEADERS = (N_("Date"), N_("Type"), N_("Lieu"), N_("Présences"), N_("Propositions"), N_("Procès-verbal"))

    def text(self, row: mt.MeetingSummary, column: int) -> str:
        if column == 0:
            return format_date(row.date, "medium")
        if column == 1:
            return row.type_name
        if column == 2:
            return row.place
        if column == 3:
            return format_number(row.present)
        if column == 4:
            return format_number(row.proposals)
        if row.adopted_on:
            return _("Adopté le {date}").format(date=format_date(row.adopted_on, "medium"))
        return _("Projet (non adopté)")

    def sort_key(self, row: mt.MeetingSummary, column: int) -> Any:
        if column == 0:
            return row.date.isoformat()
        if column in (3, 4):
            return row.present if column == 3 else row.proposals
        return super().sort_key(row, column)


class RosterModel(_Model):
    HEADERS = (N_("Nom"), N_("Droit de vote"), N_("Présence"))

    def text(self, row: mt.RosterRow, column: int) -> str:
        if column == 0:
            return row.person.name
        if column == 1:
            return _("Votant·e") if row.voter else _("Sans droit de vote")
        return _(mt.STATUSES[row.status]) if row.status else "—"

    def sort_key(self, row: mt.RosterRow, column: int) -> Any:
        if column == 2:
            return {"present": 0, "excused": 1, "absent": 2}.get(row.status, 3), row.person.sort_key
        return super().sort_key(row, column)

    def update_status(self, person_id: str, status: str) -> None:
        for n, row in enumerate(self.rows):
            if row.person_id == person_id:
                self.rows[n] = dataclasses.replace(row, status=status)
                self._forget_row(n)
                self.dataChanged.emit(self.index(n, 0), self.index(n, 2))
                return


class FollowUpsModel(_Model):
    HEADERS = (N_("Échéance"), N_("À faire"), N_("Qui"), N_("Réunion"), N_("État"))

    def text(self, row: mt.FollowUp, column: int) -> str:
        if column == 0:
            return format_date(row.due, "medium") if row.due else _("sans échéance")
        if column == 1:
            return row.text
        if column == 2:
            return row.who or "—"
        if column == 3:
            return _("{abbrev} du {date}").format(abbrev=row.meeting_abbrev,
                                                  date=format_date(row.meeting_date, "medium"))
        if row.done_on:
            return _("Fait le {date}").format(date=format_date(row.done_on, "medium"))
        return _("À faire")

    def sort_key(self, row: mt.FollowUp, column: int) -> Any:
        if column == 0:
            return row.due.isoformat() if row.due else "9999"
        if column == 3:
            return row.meeting_date.isoformat()
        return super().sort_key(row, column)


class FilterProxy(QSortFilterProxyModel):
    """Accent-blind text filter over the first column, plus an optional row predicate."""

    def __init__(self) -> None:
        super().__init__()
        self.setSortRole(SORT_ROLE)
        self._needle = ""
        self.predicate: Any = None

    def set_needle(self, text: str) -> None:
        self._refilter(lambda: setattr(self, "_needle", fold(text.strip())))

    def set_predicate(self, predicate: Any) -> None:
        self._refilter(lambda: setattr(self, "predicate", predicate))

    def _refilter(self, change: Any) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.10 and later
            self.beginFilterChange()
            change()
            self.endFilterChange()
        else:
            change()
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:  # noqa: N802
        model = self.sourceModel()
        row = model.rows[source_row]  # type: ignore[attr-defined]
        if self.predicate is not None and not self.predicate(row):
            return False
        if not self._needle:
            return True
        return self._needle in fold(model.text(row, 0)) or (  # type: ignore[attr-defined]
            model.columnCount() > 1 and self._needle in fold(model.text(row, 1)))  # type: ignore[attr-defined]
