"""Create or change a task, a standing role or an elected mandate of the catalogue."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...data.errors import EntraideError, ValidationError
from ...data.people import ROLES
from ...data.responsibilities import catalogue
from ...i18n import _
from ..context import AppContext
from ..forms import explanation, heading
from ..kit.buttons import add_error_and_buttons


class ResponsibilityDialog(QDialog):
    """``saved_id`` holds the id after « Enregistrer »."""

    def __init__(self, context: AppContext, responsibility: catalogue.Responsibility | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.responsibility = responsibility
        self.saved_id = ""
        self.setWindowTitle(_("Modifier la responsabilité") if responsibility else _("Nouvelle responsabilité"))
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 48)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.windowTitle()))
        layout.addWidget(explanation(_(
            "Une tâche revient régulièrement (ouvrir le local, le café) ; un rôle se tient pour une période "
            "(comité des membres) ; un mandat est un siège élu ou désigné, pour une durée fixe.")))

        form = QFormLayout()
        self.kind = QComboBox()
        for code, label in catalogue.KINDS.items():
            self.kind.addItem(_(label), code)
        self.kind.setAccessibleName(_("Genre de responsabilité"))
        self.kind.currentIndexChanged.connect(self._kind_changed)
        form.addRow(_("&Genre :"), self.kind)
        self.title = QLineEdit()
        self.title.setAccessibleName(_("Nom de la responsabilité"))
        self.title.setPlaceholderText(_("Par exemple : Préparer le café"))
        form.addRow(_("&Nom :"), self.title)
        self.description = QPlainTextEdit()
        self.description.setAccessibleName(_("Description"))
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(self.fontMetrics().lineSpacing() * 4)
        form.addRow(_("&Description :"), self.description)
        self.handover = QPlainTextEdit()
        self.handover.setAccessibleName(_("Note de passation"))
        self.handover.setAccessibleDescription(_("Ce qu'une personne qui commence doit savoir"))
        self.handover.setPlaceholderText(_("Ce qu'une personne qui commence doit savoir : où est la clé, à qui "
                                           "s'adresser, ce qu'il ne faut pas oublier…"))
        self.handover.setTabChangesFocus(True)
        self.handover.setFixedHeight(self.fontMetrics().lineSpacing() * 6)
        form.addRow(_("Note de &passation :"), self.handover)
        self.frequency = QComboBox()
        for code, label in catalogue.FREQUENCIES.items():
            self.frequency.addItem(_(label), code)
        self.frequency.setAccessibleName(_("Fréquence"))
        form.addRow(_("&Fréquence :"), self.frequency)
        self.seats = QSpinBox()
        self.seats.setRange(1, catalogue.MAX_SEATS)
        self.seats.setAccessibleName(_("Nombre de sièges ou de personnes"))
        form.addRow(_("Nombre de pe&rsonnes :"), self.seats)
        self.term = QSpinBox()
        self.term.setRange(1, catalogue.MAX_TERM_MONTHS)
        self.term.setValue(12)
        self.term.setSuffix(_(" mois"))
        self.term.setAccessibleName(_("Durée d'un mandat, en mois"))
        form.addRow(_("D&urée d'un mandat :"), self.term)
        roles = QWidget()
        grid = QGridLayout(roles)
        grid.setContentsMargins(0, 0, 0, 0)
        self.roles: dict[str, QCheckBox] = {}
        for index, (code, label) in enumerate(ROLES.items()):
            box = QCheckBox(_(label))
            box.setAccessibleName(_("Réservé au rôle : {role}").format(role=_(label)))
            self.roles[code] = box
            grid.addWidget(box, index // 2, index % 2)
        form.addRow(_("Réservé à :"), roles)
        self.form = form
        layout.addLayout(form)
        layout.addWidget(explanation(_("Aucune case cochée : toute personne du registre peut la tenir.")))
        self.error = add_error_and_buttons(self, layout, self.save)
        self._fill(responsibility)
        self._kind_changed()

    def _fill(self, r: catalogue.Responsibility | None) -> None:
        if r is None:
            return
        self.kind.setCurrentIndex(max(self.kind.findData(r.kind), 0))
        self.title.setText(r.title)
        self.description.setPlainText(r.description)
        self.handover.setPlainText(r.handover)
        self.frequency.setCurrentIndex(max(self.frequency.findData(r.frequency), 0))
        self.seats.setValue(r.seats)
        if r.term_months:
            self.term.setValue(r.term_months)
        for code, box in self.roles.items():
            box.setChecked(code in r.eligible_roles)

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        self.form.setRowVisible(self.frequency, kind == "task")
        self.form.setRowVisible(self.term, kind == "mandate")
        label = self.form.labelForField(self.seats)
        if label is not None:
            label.setText(_("Nombre de &sièges :") if kind == "mandate" else _("Nombre de pe&rsonnes :"))

    def values(self) -> dict[str, object]:
        return {
            "kind": self.kind.currentData(),
            "title": self.title.text(),
            "description": self.description.toPlainText(),
            "handover": self.handover.toPlainText(),
            "frequency": self.frequency.currentData(),
            "seats": self.seats.value(),
            "term_months": self.term.value(),
            "eligible_roles": [code for code, box in self.roles.items() if box.isChecked()],
        }

    def save(self) -> None:
        try:
            self.saved_id = catalogue.save_responsibility(
                self.context.store, self.values(), self.responsibility.id if self.responsibility else None)
        except EntraideError as error:
            self.error.show_message(error.message)
            field = {"title": self.title, "kind": self.kind, "seats": self.seats, "term_months": self.term}.get(
                error.field if isinstance(error, ValidationError) else "")
            if field is not None:
                field.setFocus()
            return
        self.accept()
