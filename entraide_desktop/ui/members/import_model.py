"""The rows of an import preview as a Qt table: line, name, contacts, decision, remarks."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from ...data.members.fields import roles_text
from ...data.members.importing import ACTIONS, ImportRow
from ...data.people import CONSENT_PURPOSES
from ...i18n import N_, _, format_date

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_Index = QModelIndex | QPersistentModelIndex

COLUMNS = (N_("Ligne"), N_("Nom"), N_("Téléphone"), N_("Courriel"), N_("Décision"), N_("Remarques"))


def decision_text(row: ImportRow) -> str:
    if row.action == "reject":
        return "⚠ " + _(ACTIONS[row.action])
    if row.action == "skip" and (row.duplicate_of or row.duplicate_line is not None):
        return _("Ignorer (doublon)")
    if row.action in ("create", "merge") and row.checks:
        return "✎ " + _(ACTIONS[row.action]) + " " + _("(à vérifier)")
    return _(ACTIONS[row.action])


class ImportRowsModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[ImportRow] = []

    def set_rows(self, rows: list[ImportRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def row_changed(self, number: int) -> None:
        self.dataChanged.emit(self.index(number, 0), self.index(number, len(COLUMNS) - 1))

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> object:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == _DISPLAY:
            return _(COLUMNS[section])
        return None

    def data(self, index: _Index, role: int = _DISPLAY) -> object:
        if role not in (_DISPLAY, _TOOLTIP):
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == _TOOLTIP:
            return row.remark() if column in (4, 5) and row.remark() else None
        person = row.person
        if column == 0:
            return str(row.line)
        if column == 1:
            return row.name
        if column == 2:
            return person.get("phone") or person.get("mobile") or ""
        if column == 3:
            return person.get("email") or ""
        if column == 4:
            return decision_text(row)
        return row.remark()


def describe_row(row: ImportRow) -> str:
    """What the row will write, then the remarks: shown under the preview for the row chosen."""

    if row.errors:
        return row.remark()
    person = row.person
    parts = [row.name]
    parts += [p for p in (person.get("phone"), person.get("mobile"), person.get("email")) if p]
    if person.get("roles"):
        parts.append(roles_text(tuple(person["roles"])))
    if person.get("member_since"):
        since = format_date(dt.date.fromisoformat(person["member_since"]), "medium")
        parts.append(_("membre depuis le {date}").format(date=since))
    years = [str(m["year"]) for m in row.memberships if m.get("year")]
    if years:
        parts.append(_("cotisation payée pour {years}").format(years=", ".join(years)))
    given = [_(CONSENT_PURPOSES[p]) for p, yes in row.consents.items() if yes]
    if given:
        parts.append(_("consentements : {list}").format(list=", ".join(given)))
    text = ", ".join(parts) + "."
    remark = row.remark()
    return text + (" " + remark[:1].upper() + remark[1:] if remark else "")
