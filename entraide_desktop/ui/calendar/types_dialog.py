"""The group's activity types: name, form of peer support, colour, symbol and short label."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...data.calendar import activity_types as kinds
from ...data.errors import EntraideError
from ...i18n import _
from ..context import AppContext
from ..forms import ErrorLabel, explanation, heading
from .common import type_icon


class TypesDialog(QDialog):
    """``changed`` is True when something was saved (the calendar then refreshes)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = context.store
        self.changed = False
        self.setWindowTitle(_("Types d'activités"))
        layout = QVBoxLayout(self)
        layout.addWidget(heading(_("Types d'activités")))
        layout.addWidget(
            explanation(
                _(
                    "Chaque type a une couleur, un symbole et une étiquette courte : le calendrier "
                    "reste lisible sans "
                    "les couleurs (impression en noir et blanc, daltonisme)."
                )
            )
        )
        body = QHBoxLayout()
        self.list = QListWidget()
        self.list.setAccessibleName(_("Types d'activités"))
        body.addWidget(self.list, 2)
        form = QFormLayout()
        self.name = QLineEdit()
        self.name.setAccessibleName(_("Nom du type"))
        form.addRow(_("&Nom :"), self.name)
        self.short = QLineEdit()
        self.short.setMaxLength(16)
        self.short.setAccessibleName(_("Étiquette courte"))
        form.addRow(_("Étiquette &courte :"), self.short)
        self.form = QComboBox()
        self.form.setAccessibleName(_("Forme d'entraide"))
        for code, label in kinds.FORMS.items():
            self.form.addItem(_(label), code)
        form.addRow(_("&Forme d'entraide :"), self.form)
        self.symbol = QComboBox()
        self.symbol.setAccessibleName(_("Symbole"))
        form.addRow(_("&Symbole :"), self.symbol)
        colours = QHBoxLayout()
        self.colour = QComboBox()
        self.colour.setAccessibleName(_("Couleur"))
        for code in kinds.PALETTE:
            self.colour.addItem(type_icon("square", code), code, code)
        colours.addWidget(self.colour, 1)
        other = QPushButton(_("A&utre…"))
        other.setAccessibleName(_("Choisir une autre couleur"))
        other.clicked.connect(self._pick_colour)
        colours.addWidget(other)
        form.addRow(_("C&ouleur :"), colours)
        side = QVBoxLayout()
        side.addLayout(form)
        self.error = ErrorLabel()
        side.addWidget(self.error)
        row = QHBoxLayout()
        self.new_button = QPushButton(_("&Nouveau type"))
        self.save_button = QPushButton(_("&Enregistrer le type"))
        self.archive_button = QPushButton(_("&Retirer ce type"))
        self.archive_button.setToolTip(
            _("Les activités existantes gardent ce type ; il ne sera plus proposé.")
        )
        for button in (self.new_button, self.save_button, self.archive_button):
            row.addWidget(button)
        side.addLayout(row)
        side.addStretch(1)
        body.addLayout(side, 3)
        layout.addLayout(body, 1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.new_button.clicked.connect(self._new)
        self.save_button.clicked.connect(self._save)
        self.archive_button.clicked.connect(self._archive)
        self.list.currentItemChanged.connect(lambda item, _prev: self._show(item))
        self.colour.currentIndexChanged.connect(self._refresh_symbols)
        self._editing: str | None = None
        self._load()
        em = self.fontMetrics().horizontalAdvance("M")
        self.resize(em * 64, em * 30)

    def _load(self, chosen: str | None = None) -> None:
        self.list.clear()
        for kind in kinds.list_types(self.store):
            item = QListWidgetItem(type_icon(kind.symbol, kind.colour), f"{kind.name} — {kind.short_label}")
            item.setData(Qt.ItemDataRole.UserRole, kind)
            self.list.addItem(item)
            if kind.id == chosen:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)

    def _refresh_symbols(self) -> None:
        chosen = self.symbol.currentData()
        colour = self.colour.currentData() or "#37474f"
        self.symbol.blockSignals(True)
        self.symbol.clear()
        for code, label in kinds.SYMBOLS.items():
            self.symbol.addItem(type_icon(code, colour), _(label), code)
        self.symbol.setCurrentIndex(max(self.symbol.findData(chosen), 0))
        self.symbol.blockSignals(False)

    def _set_colour(self, code: str) -> None:
        index = self.colour.findData(code)
        if index < 0:
            self.colour.addItem(type_icon("square", code), code, code)
            index = self.colour.count() - 1
        self.colour.setCurrentIndex(index)

    def _show(self, item: QListWidgetItem | None) -> None:
        self.error.clear_message()
        if item is None:
            return
        kind: kinds.ActivityType = item.data(Qt.ItemDataRole.UserRole)
        self._editing = kind.id
        self.name.setText(kind.name)
        self.short.setText(kind.short_label)
        self.form.setCurrentIndex(max(self.form.findData(kind.form), 0))
        self._set_colour(kind.colour)
        self._refresh_symbols()
        self.symbol.setCurrentIndex(max(self.symbol.findData(kind.symbol), 0))
        self.archive_button.setEnabled(True)

    def _new(self) -> None:
        self._editing = None
        self.list.clearSelection()
        self.name.clear()
        self.short.clear()
        self.form.setCurrentIndex(max(self.form.findData(""), 0))
        used = {k.colour for k in kinds.list_types(self.store)}
        self._set_colour(next((c for c in kinds.PALETTE if c not in used), kinds.PALETTE[-1]))
        self._refresh_symbols()
        used_symbols = {k.symbol for k in kinds.list_types(self.store)}
        self.symbol.setCurrentIndex(
            max(self.symbol.findData(next((s for s in kinds.SYMBOLS if s not in used_symbols), "circle")), 0)
        )
        self.archive_button.setEnabled(False)
        self.name.setFocus()

    def _pick_colour(self) -> None:
        chosen = QColorDialog.getColor(
            QColor(self.colour.currentData() or "#1f6f78"), self, _("Couleur du type")
        )
        if chosen.isValid():
            self._set_colour(chosen.name())
            self._refresh_symbols()

    def values(self) -> dict:
        return {
            "name": self.name.text(),
            "short_label": self.short.text(),
            "form": self.form.currentData(),
            "colour": self.colour.currentData(),
            "symbol": self.symbol.currentData(),
        }

    def _save(self) -> None:
        self.error.clear_message()
        try:
            if self._editing is None:
                self._editing = kinds.create_type(self.store, self.values())
            else:
                kinds.update_type(self.store, self._editing, self.values())
        except EntraideError as error:
            self.error.show_message(error.message)
            return
        self.changed = True
        self._load(self._editing)

    def _archive(self) -> None:
        if self._editing is None:
            return
        try:
            kinds.archive_type(self.store, self._editing)
        except EntraideError as error:
            self.error.show_message(error.message)
            return
        self.changed = True
        self._editing = None
        self._load()
