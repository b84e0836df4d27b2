"""The register's Qt model and proxy: the table shows :class:`RegisterRow` objects from ``data.members``.

Filtering and sorting run in the data layer over precomputed, accent-free keys (one Python pass
over the rows, a sorted list kept between keystrokes). A ``filterAcceptsRow`` called once per
row from C++ costs about 15 ms for 10,000 people before anything is painted, so the proxy does
not filter row by row: it carries the criteria and the sort request to the source model, which
hands the view only the matching rows, in order. The proxy's rows are therefore the source's
rows one for one, which :class:`RegisterDelegate` relies on to paint a cell with one Python
call instead of seven ``data()`` calls through the proxy (a third of a keystroke's time).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QWidget

from ...data.members.register import Criteria, RegisterRow, filter_rows, narrows, sort_rows
from ...data.people import CONSENT_PURPOSES
from ...i18n import N_, _, format_date

ID_ROLE = int(Qt.ItemDataRole.UserRole)
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_FONT = int(Qt.ItemDataRole.FontRole)

COLUMNS: tuple[tuple[str, str], ...] = (
    ("name", N_("Nom")),
    ("roles", N_("Rôles")),
    ("status", N_("Statut")),
    ("phone", N_("Téléphone")),
    ("email", N_("Courriel")),
    ("standing", N_("En règle")),
    ("member_since", N_("Membre depuis")),
    ("consents", N_("Consentements")),
)
CONSENT_SHORT = {
    "phone_network": N_("Réseau tél."),
    "calendar_leader": N_("Calendrier"),
    "photos": N_("Photos"),
    "mailings": N_("Envois"),
}

_Index = QModelIndex | QPersistentModelIndex


def _since(text: str) -> str:
    try:
        return format_date(dt.date.fromisoformat(text), "medium")
    except ValueError:
        return text


class RegisterModel(QAbstractTableModel):
    """All the register's rows, kept sorted; the view sees the ones matching the criteria."""

    def __init__(self) -> None:
        super().__init__()
        self._all: list[RegisterRow] = []
        self._archived = 0
        self._visible: list[RegisterRow] = []
        self._criteria = Criteria()
        self._sort = ("name", False)
        self._cells: dict[str, tuple[str, ...]] = {}
        self._headers = [_(label) for _key, label in COLUMNS]
        self._consent_names = {p: _(label) for p, label in CONSENT_SHORT.items()}
        self._yes, self._no = _("Oui"), _("Non")

    # -- content ----------------------------------------------------------------------------
    def set_rows(self, rows: list[RegisterRow]) -> None:
        self.beginResetModel()
        self._all = sort_rows(rows, *self._sort)
        self._archived = sum(1 for r in self._all if r.archived)
        self._cells.clear()
        self._visible = filter_rows(self._all, self._criteria)
        self.endResetModel()

    def set_criteria(self, criteria: Criteria) -> None:
        if criteria == self._criteria:
            return
        within = self._visible if narrows(self._criteria, criteria) else None
        self.beginResetModel()
        self._criteria = criteria
        self._visible = filter_rows(self._all, criteria, within)
        self.endResetModel()

    @property
    def criteria(self) -> Criteria:
        return self._criteria

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        self._sort = (COLUMNS[column][0], order == Qt.SortOrder.DescendingOrder)
        self.beginResetModel()
        self._all = sort_rows(self._all, *self._sort)
        self._visible = filter_rows(self._all, self._criteria)
        self.endResetModel()

    def total(self, *, archived: bool = False) -> int:
        """People in the register (not archived), or archived ones; counted once per load."""
        return self._archived if archived else len(self._all) - self._archived

    def row_at(self, row: int) -> RegisterRow | None:
        return self._visible[row] if 0 <= row < len(self._visible) else None

    def row_of(self, person_id: str) -> int | None:
        for number, row in enumerate(self._visible):
            if row.id == person_id:
                return number
        return None

    def find(self, person_id: str) -> RegisterRow | None:
        return next((r for r in self._all if r.id == person_id), None)

    def all_rows(self) -> list[RegisterRow]:
        return list(self._all)

    # -- Qt model -----------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> object:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == _DISPLAY and 0 <= section < len(self._headers):
            return self._headers[section]
        return None

    def _row_cells(self, row: RegisterRow) -> tuple[str, ...]:
        cells = self._cells.get(row.id)
        if cells is None:
            standing = (self._yes if row.in_good_standing else self._no) if row.is_member else "—"
            consents = ", ".join(self._consent_names[p] for p in CONSENT_PURPOSES if p in row.consents)
            cells = (row.name, row.roles_text, row.status_text, row.phone or row.mobile, row.email, standing,
                     _since(row.member_since) if row.member_since else "", consents)
            self._cells[row.id] = cells
        return cells

    def data(self, index: _Index, role: int = _DISPLAY) -> object:
        if role == _DISPLAY:
            return self._row_cells(self._visible[index.row()])[index.column()]
        if role == ID_ROLE:
            return self._visible[index.row()].id
        if role == _TOOLTIP:
            row = self._visible[index.row()]
            column = index.column()
            if column == 0 and row.full_name and row.full_name != row.name:
                return row.full_name
            if column == 1 and len(row.roles) > 1:
                return row.roles_text
            if column == 3 and row.phone and row.mobile:
                return _("Téléphone : {phone}\nCellulaire : {mobile}").format(phone=row.phone, mobile=row.mobile)
            if column == 7 and row.consents:
                return "\n".join(_(CONSENT_PURPOSES[p]) for p in CONSENT_PURPOSES if p in row.consents)
            return None
        if role == _FONT and self._visible[index.row()].archived:
            font = QFont()
            font.setItalic(True)
            return font
        return None


class RegisterProxy(QSortFilterProxyModel):
    """What the view talks to: criteria and sort requests go to :class:`RegisterModel` (see the module)."""

    def __init__(self, source: RegisterModel) -> None:
        super().__init__()
        self.setSourceModel(source)
        self._source = source

    def set_criteria(self, criteria: Criteria) -> None:
        self._source.set_criteria(criteria)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._source.sort(column, order)

    def row_at(self, index: QModelIndex) -> RegisterRow | None:
        if not index.isValid():
            return None
        return self._source.row_at(self.mapToSource(index).row())

    def index_of(self, person_id: str) -> QModelIndex:
        row = self._source.row_of(person_id)
        if row is None:
            return QModelIndex()
        return self.mapFromSource(self._source.index(row, 0))


class RegisterDelegate(QStyledItemDelegate):
    """Fills a cell's text from the register row directly (the painting itself stays Qt's)."""

    _HAS_DISPLAY = QStyleOptionViewItem.ViewItemFeature.HasDisplay

    def __init__(self, model: RegisterModel, parent: QWidget) -> None:
        super().__init__(parent)
        self._model = model
        self._italic: QFont | None = None

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex) -> None:  # noqa: N802
        row = self._model.row_at(index.row())  # the proxy keeps the source's rows one for one
        if row is None:
            return
        option.text = self._model._row_cells(row)[index.column()]
        option.features |= self._HAS_DISPLAY
        if row.archived:
            if self._italic is None:
                self._italic = QFont(option.font)
                self._italic.setItalic(True)
            option.font = self._italic
