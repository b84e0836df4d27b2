"""« Renseignements à vérifier »: two machines changed the same information; the person picks.

Each version is shown side by side with the machine, the person and the time it came from;
long texts (notes, minutes) also get a line-by-line comparison. Keeping a version, or
writing a combined one, is an ordinary change that reaches the other machines.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...data.sync import conflicts
from ...data.sync.conflicts import Conflict, Version
from ...i18n import _, format_datetime, join_list
from ..context import AppContext
from ..forms import explanation, heading
from ..messages import show_error
from ..style import style_role


def origin_text(version: Version) -> str:
    authors = join_list(version.authors) or _("une personne inconnue")
    return _("Sur « {machines} », par {authors}, le {when}").format(
        machines=join_list(version.machines), authors=authors, when=format_datetime(version.when)
    )


def diff_html(old: str, new: str) -> str:
    """The line comparison, marked with words and signs as well as colours."""
    rows = []
    for kind, text in conflicts.diff_lines(old, new):
        if kind == "-":
            style, sign = "background:#fde2e1;", "− "
        elif kind == "+":
            style, sign = "background:#e0f2e3;", "+ "
        else:
            style, sign = "", "  "
        rows.append(f"<div style='{style}white-space:pre-wrap;font-family:monospace'>{sign}{html.escape(text)}</div>")
    return "".join(rows)


class ConflictsDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(_("Renseignements à vérifier"))
        em = self.fontMetrics().horizontalAdvance("M")
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        width, height = em * 80, em * 52
        if screen is not None:
            width, height = min(width, int(screen.width() * 0.92)), min(height, int(screen.height() * 0.92))
        self.resize(width, height)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(_("Deux postes ont modifié le même renseignement")))
        layout.addWidget(
            explanation(
                _("Avant d'échanger leurs fichiers, deux postes ont changé le même renseignement. Entraide a gardé "
                  "les deux versions : choisissez celle qui est juste, ou écrivez une version qui combine les deux. "
                  "Votre choix sera transmis aux autres postes au prochain échange.")
            )
        )
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.list = QListWidget()
        self.list.setAccessibleName(_("Renseignements à vérifier"))
        self.list.setWordWrap(True)
        self.list.setSpacing(3)
        self.list.currentRowChanged.connect(self._show)
        splitter.addWidget(self.list)
        self.detail_area = QScrollArea()
        self.detail_area.setWidgetResizable(True)
        splitter.addWidget(self.detail_area)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([em * 20, em * 56])
        layout.addWidget(splitter, 1)
        buttons = QDialogButtonBox()
        close = buttons.addButton(_("&Fermer"), QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self.items: list[Conflict] = []
        self.reload()

    def reload(self, keep_row: int = 0) -> None:
        self.items = conflicts.waiting(self.context.store)
        self.list.blockSignals(True)
        self.list.clear()
        for conflict in self.items:
            item = QListWidgetItem(f"{conflict.record} — {conflict.label}\n    ({conflict.area})")
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{conflict.record}, {conflict.label}, {conflict.area}")
            self.list.addItem(item)
        self.list.blockSignals(False)
        if self.items:
            self.list.setCurrentRow(min(keep_row, len(self.items) - 1))
            self._show(self.list.currentRow())
        else:
            done = QLabel(_("Tout est réglé : aucun renseignement à vérifier."))
            done.setAlignment(Qt.AlignmentFlag.AlignCenter)
            done.setWordWrap(True)
            self.detail_area.setWidget(done)

    def _show(self, row: int) -> None:
        if not 0 <= row < len(self.items):
            return
        self.detail_area.setWidget(ConflictView(self.items[row], self._settle))

    def _settle(self, conflict: Conflict, value: object) -> None:
        row = self.list.currentRow()
        try:
            conflicts.resolve(self.context.store, conflict.table, conflict.row_id, conflict.field, value)  # type: ignore[arg-type]
        except Exception as error:  # noqa: BLE001 — shown to the person
            show_error(self, error)
            return
        self.context.status_message.emit(
            _("« {field} » de « {record} » : votre choix est enregistré.").format(field=conflict.label,
                                                                                  record=conflict.record)
        )
        self.reload(row)
        self.list.setFocus()


class ConflictView(QWidget):
    """One conflict: the versions side by side, a comparison for long text, a combined version."""

    def __init__(self, conflict: Conflict, settle) -> None:  # noqa: ANN001
        super().__init__()
        self.conflict = conflict
        self.settle = settle
        layout = QVBoxLayout(self)
        title = QLabel(_("{record} — {field}").format(record=conflict.record, field=conflict.label))
        style_role(title, "sectionTitle")
        title.setWordWrap(True)
        layout.addWidget(title)
        layout.addWidget(explanation(_("Section : {area}").format(area=conflict.area)))
        columns = QHBoxLayout()
        self.keep_buttons: list[QPushButton] = []
        for number, version in enumerate(conflict.versions, start=1):
            columns.addWidget(self._version_box(number, version), 1)
        layout.addLayout(columns)
        if conflict.long_text and len(conflict.versions) >= 2:
            layout.addWidget(QLabel(_("Ce qui diffère (− seulement dans la version 1, + seulement dans la version 2) :")))
            compare = QTextBrowser()
            compare.setAccessibleName(_("Différences ligne par ligne entre les deux versions"))
            compare.setHtml(diff_html(str(conflict.versions[0].value or ""), str(conflict.versions[1].value or "")))
            compare.setMinimumHeight(self.fontMetrics().lineSpacing() * 6)
            layout.addWidget(compare)
        layout.addWidget(self._combined())
        layout.addStretch(1)

    def _version_box(self, number: int, version: Version) -> QGroupBox:
        title = _("Version {n}").format(n=number)
        if version.shown:
            title = _("Version {n} (affichée en ce moment)").format(n=number)
        box = QGroupBox(title)
        box.setAccessibleName(title)
        inner = QVBoxLayout(box)
        if self.conflict.long_text:
            value = QPlainTextEdit(version.text)
            value.setReadOnly(True)
            lines = self.fontMetrics().lineSpacing()
            value.setMinimumHeight(lines * 4)
            value.setMaximumHeight(lines * 8)
        else:
            value = QLabel(version.text)
            value.setWordWrap(True)
            value.setObjectName("conflictValue")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        value.setAccessibleName(_("Valeur de la version {n}").format(n=number))
        inner.addWidget(value)
        origin = explanation(origin_text(version))
        inner.addWidget(origin)
        keep = QPushButton(_("Garder la version {n}").format(n=number))
        keep.setAccessibleDescription(origin_text(version))
        keep.clicked.connect(lambda _c=False, v=version.value: self.settle(self.conflict, v))
        self.keep_buttons.append(keep)
        inner.addWidget(keep)
        return box

    def _combined(self) -> QGroupBox:
        box = QGroupBox(_("Ou écrire une autre version (qui combine les deux, par exemple)"))
        inner = QVBoxLayout(box)
        shown = next((v for v in self.conflict.versions if v.shown), self.conflict.versions[0])
        start = "" if shown.value is None else str(shown.value)
        if self.conflict.long_text:
            self.editor: QPlainTextEdit | QLineEdit = QPlainTextEdit(start)
            self.editor.setMinimumHeight(self.fontMetrics().lineSpacing() * 6)
        else:
            self.editor = QLineEdit(start)
        self.editor.setAccessibleName(_("Nouvelle version du renseignement"))
        inner.addWidget(self.editor)
        self.save_button = QPushButton(_("&Enregistrer cette version"))
        self.save_button.clicked.connect(self._save_combined)
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addStretch(1)
        inner.addLayout(row)
        return box

    def _save_combined(self) -> None:
        editor = self.editor
        text = editor.toPlainText() if isinstance(editor, QPlainTextEdit) else editor.text()
        self.settle(self.conflict, text)
