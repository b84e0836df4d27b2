"""Types of meetings (with their usual agenda) and the group's quorum rule (the AGA package: ``report_dialog``)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...data import meetings as mt
from ...data.errors import EntraideError
from ...i18n import _
from ..context import AppContext
from ..forms import ErrorLabel, explanation, heading


class TypesDialog(QDialog):
    """Edit the list of meeting types and the quorum rule of the group's bylaws."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(_("Types de réunions et quorum"))
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.windowTitle()))

        rule_box = QGroupBox(_("Quorum des assemblées générales (règlements généraux du groupe)"))
        rule_layout = QHBoxLayout(rule_box)
        self.rule_group = QButtonGroup(self)
        self.rule_number = QRadioButton(_("Un &nombre de membres en règle :"))
        self.rule_share = QRadioButton(_("Une p&roportion des membres en règle :"))
        self.rule_none = QRadioButton(_("Non &définie"))
        self.number = QSpinBox()
        self.number.setRange(1, 10000)
        self.number.setAccessibleName(_("Nombre de membres en règle"))
        self.share = QDoubleSpinBox()
        self.share.setRange(1, 100)
        self.share.setSuffix(" %")
        self.share.setDecimals(0)
        self.share.setAccessibleName(_("Proportion des membres en règle, en pour cent"))
        for button in (self.rule_number, self.rule_share, self.rule_none):
            self.rule_group.addButton(button)
        rule_layout.addWidget(self.rule_number)
        rule_layout.addWidget(self.number)
        rule_layout.addWidget(self.rule_share)
        rule_layout.addWidget(self.share)
        rule_layout.addWidget(self.rule_none)
        rule_layout.addStretch(1)
        layout.addWidget(rule_box)
        rule = mt.group_quorum_rule(context.store)
        if rule.kind == "number":
            self.rule_number.setChecked(True)
            self.number.setValue(int(rule.value))
        elif rule.kind == "share":
            self.rule_share.setChecked(True)
            self.share.setValue(round(rule.value * 100))
        else:
            self.rule_none.setChecked(True)
            self.number.setValue(10)
            self.share.setValue(10)

        body = QHBoxLayout()
        left = QVBoxLayout()
        self.types = QListWidget()
        self.types.setAccessibleName(_("Types de réunions"))
        types_label = QLabel(_("T&ypes"))
        types_label.setBuddy(self.types)
        left.addWidget(types_label)
        left.addWidget(self.types, 1)
        new_button = QPushButton(_("Nou&veau type"))
        new_button.clicked.connect(self._new)
        left.addWidget(new_button)
        body.addLayout(left, 1)

        form = QFormLayout()
        self.name = QLineEdit()
        self.name.setAccessibleName(_("Nom du type"))
        self.abbrev = QLineEdit()
        self.abbrev.setAccessibleName(_("Abréviation"))
        self.abbrev.setMaxLength(6)
        self.voters = QComboBox()
        self.voters.setAccessibleName(_("Qui a droit de vote"))
        for key, label in mt.VOTERS.items():
            self.voters.addItem(_(label), key)
        self.quorum_kind = QComboBox()
        self.quorum_kind.setAccessibleName(_("Règle de quorum"))
        for key, label in mt.QUORUM_KINDS.items():
            self.quorum_kind.addItem(_(label), key)
        self.quorum_value = QSpinBox()
        self.quorum_value.setRange(1, 10000)
        self.quorum_value.setAccessibleName(_("Nombre de personnes votantes requises"))
        self.agenda = QPlainTextEdit()
        self.agenda.setAccessibleName(_("Ordre du jour habituel, un point par ligne"))
        self.agenda.setTabChangesFocus(True)
        for label, widget in ((_("No&m"), self.name), (_("A&bréviation"), self.abbrev),
                              (_("Droit de &vote"), self.voters), (_("&Quorum"), self.quorum_kind),
                              (_("Nombre &requis"), self.quorum_value), (_("&Ordre du jour habituel"), self.agenda)):
            lab = QLabel(label)
            lab.setBuddy(widget)
            form.addRow(lab, widget)
        form.addRow(explanation(_("Un point par ligne. Il remplit l'ordre du jour d'une nouvelle réunion.")))
        buttons = QHBoxLayout()
        self.save_button = QPushButton(_("&Enregistrer le type"))
        self.save_button.clicked.connect(self._save_type)
        self.archive_button = QPushButton(_("Retirer ce type"))
        self.archive_button.clicked.connect(self._archive)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.archive_button)
        buttons.addStretch(1)
        form.addRow(buttons)
        body.addLayout(form, 2)
        layout.addLayout(body, 1)
        self.error = ErrorLabel()
        layout.addWidget(self.error)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        box.button(QDialogButtonBox.StandardButton.Close).setText(_("Fermer"))
        box.rejected.connect(self.reject)
        layout.addWidget(box)
        self.types.currentRowChanged.connect(self._show)
        self.quorum_kind.currentIndexChanged.connect(
            lambda _i: self.quorum_value.setEnabled(self.quorum_kind.currentData() == "number"))
        self._current: str | None = None
        self._load()
        em = self.fontMetrics().horizontalAdvance("M")
        self.resize(em * 62, em * 40)

    def _load(self, chosen: str | None = None) -> None:
        self.types.blockSignals(True)
        self.types.clear()
        row = 0
        for n, kind in enumerate(mt.list_types(self.context.store)):
            item = QListWidgetItem(f"{kind.name} ({kind.abbrev})")
            item.setData(Qt.ItemDataRole.UserRole, kind.id)
            self.types.addItem(item)
            if kind.id == chosen:
                row = n
        self.types.blockSignals(False)
        self.types.setCurrentRow(row)
        self._show(row)

    def _show(self, _row: int) -> None:
        item = self.types.currentItem()
        if item is None:
            return
        kind = mt.get_type(self.context.store, item.data(Qt.ItemDataRole.UserRole))
        self._current = kind.id
        self.name.setText(kind.name)
        self.abbrev.setText(kind.abbrev)
        self.voters.setCurrentIndex(max(0, self.voters.findData(kind.voters)))
        self.quorum_kind.setCurrentIndex(max(0, self.quorum_kind.findData(kind.quorum_kind)))
        self.quorum_value.setValue(int(kind.quorum_value or 1))
        self.quorum_value.setEnabled(kind.quorum_kind == "number")
        self.agenda.setPlainText("\n".join(kind.agenda))
        self.archive_button.setEnabled(not kind.code)

    def _new(self) -> None:
        self._current = None
        self.types.clearSelection()
        self.name.clear()
        self.abbrev.clear()
        self.agenda.clear()
        self.archive_button.setEnabled(False)
        self.name.setFocus()

    def _save_type(self) -> None:
        try:
            tid = mt.save_type(
                self.context.store, self._current, name=self.name.text(), abbrev=self.abbrev.text(),
                voters=self.voters.currentData(), quorum_kind=self.quorum_kind.currentData(),
                quorum_value=str(self.quorum_value.value()), agenda=self.agenda.toPlainText().splitlines())
        except EntraideError as error:
            self.error.show_message(error.message)
            return
        self.error.clear_message()
        self._load(chosen=tid)

    def _archive(self) -> None:
        if self._current:
            mt.archive_type(self.context.store, self._current)
            self._load()

    def _save_rule(self) -> bool:
        try:
            if self.rule_number.isChecked():
                mt.set_group_quorum_rule(self.context.store, "number", self.number.value())
            elif self.rule_share.isChecked():
                mt.set_group_quorum_rule(self.context.store, "share", f"{self.share.value():g} %")
            else:
                mt.set_group_quorum_rule(self.context.store, "", "")
        except EntraideError as error:
            self.error.show_message(error.message)
            return False
        return True

    def reject(self) -> None:
        if self._save_rule():
            super().reject()

