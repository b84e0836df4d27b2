"""« Renseignements du groupe » : the group's name and contact details, and the start of its exercice.

Everything is checked before anything is saved (``data.group.update_profile``, one transaction);
a mistake is said in the form, beside the field at fault, and nothing is written.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ..data import group
from ..data.errors import EntraideError, ValidationError
from ..i18n import _
from .context import AppContext
from .forms import ErrorLabel, explanation, heading
from .messages import show_error


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


class GroupDialog(QDialog):
    """Edit the synced group profile; the write path announces the change."""

    def __init__(self, context: AppContext, parent: QWidget | None = None, *, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.today = today or dt.date.today()
        self.setWindowTitle(_("Renseignements du groupe"))
        current = group.profile(context.store)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.windowTitle()))
        layout.addWidget(explanation(_(
            "Ces renseignements sont partagés par tous les postes du groupe. Le nom paraît dans le titre de la "
            "fenêtre et en tête des documents (procès-verbaux, document de l'AGA, calendrier).")))

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # very large text: field under its label
        self.name = QLineEdit(current.name)
        self.name.setPlaceholderText(_("Par exemple : Le Phare, groupe d'entraide"))
        self.name.setAccessibleDescription(_("Obligatoire."))
        self.region = QLineEdit(current.region)
        self.region.setPlaceholderText(_("Par exemple : Capitale-Nationale"))
        self.address = QLineEdit(current.address)
        self.address.setPlaceholderText(_("Par exemple : 123, rue Saint-Jean, Québec (Québec) G1R 1N4"))
        self.email = QLineEdit(current.email)
        self.email.setPlaceholderText(_("Par exemple : info@exemple.org"))
        self.phone = QLineEdit(current.phone)
        self.phone.setPlaceholderText(_("Par exemple : 418 555-1234"))
        self.start_month = QComboBox()
        for number, month in enumerate(group.month_names(), start=1):
            self.start_month.addItem(_capitalised(month), number)
        self.start_month.setCurrentIndex(current.fiscal_year_start_month - 1)
        self.membership_year = QComboBox()
        self.membership_year.addItem(_("l'exercice financier"), group.FISCAL)
        self.membership_year.addItem(_("l'année civile (janvier à décembre)"), group.CALENDAR)
        self.membership_year.setCurrentIndex(max(0, self.membership_year.findData(current.membership_year)))
        rows = (
            (_("&Nom du groupe :"), self.name, _("Nom du groupe")),
            (_("&Région :"), self.region, _("Région")),
            (_("&Adresse :"), self.address, _("Adresse")),
            (_("&Courriel :"), self.email, _("Courriel")),
            (_("&Téléphone :"), self.phone, _("Téléphone")),
            (_("Début de l'e&xercice financier :"), self.start_month, _("Mois où commence l'exercice financier")),
            (_("Les c&otisations couvrent :"), self.membership_year, _("Période des cotisations")),
        )
        for text, widget, accessible in rows:
            label = QLabel(text)
            label.setBuddy(widget)
            widget.setAccessibleName(accessible)
            form.addRow(label, widget)
        self.example = QLabel()
        self.example.setWordWrap(True)
        self.example.setAccessibleName(_("Exemple d'exercice"))
        form.addRow("", self.example)
        layout.addLayout(form)
        layout.addWidget(explanation(_(
            "Le rapport d'activités de l'AGA et la répartition des responsabilités couvrent un exercice. Par défaut, "
            "une nouvelle cotisation couvre la période choisie ci-dessus ; les cotisations déjà inscrites gardent "
            "leur période.")))

        self.error = ErrorLabel()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(_("&Enregistrer"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setDefault(True)
        self.save_button.setAutoDefault(True)
        cancel = buttons.addButton(_("Annuler"), QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(self.save)
        cancel.clicked.connect(self.reject)
        layout.addWidget(buttons)

        self._fields: dict[str, QWidget] = {
            "name": self.name, "region": self.region, "address": self.address, "email": self.email,
            "phone": self.phone, "fiscal_year_start_month": self.start_month, "membership_year": self.membership_year,
        }
        self.start_month.currentIndexChanged.connect(self._show_example)
        self._show_example()
        em = self.fontMetrics().horizontalAdvance("n")
        self.setMinimumWidth(min(em * 88, self._room()))
        self.name.setFocus()

    def _room(self) -> int:
        screen = self.screen().availableGeometry() if self.screen() else None
        return screen.width() - 40 if screen else 1326

    def _show_example(self) -> None:
        month = self.start_month.currentData() or group.DEFAULT_START_MONTH
        start, end = group.fiscal_year_containing(self.today, month)
        text = _("Exercice en cours : {label}, {period}.").format(
            label=group.exercice_label(start, end), period=group.period_text(start, end))
        self.example.setText(text)
        self.start_month.setAccessibleDescription(text)

    def values(self) -> dict[str, object]:
        return {
            "name": self.name.text(),
            "region": self.region.text(),
            "address": self.address.text(),
            "email": self.email.text(),
            "phone": self.phone.text(),
            "fiscal_year_start_month": self.start_month.currentData(),
            "membership_year": self.membership_year.currentData(),
        }

    def save(self) -> None:
        self.error.clear_message()
        try:
            group.update_profile(self.context.store, **self.values())
        except ValidationError as error:
            self.error.show_message(error.message)
            widget = self._fields.get(error.field)
            if widget is not None:
                widget.setFocus()
                if isinstance(widget, QLineEdit):
                    widget.selectAll()
            return
        except EntraideError as error:
            show_error(self, error)
            return
        saved = group.profile(self.context.store)
        self.phone.setText(saved.phone)  # as stored: 418 555-1234
        self.email.setText(saved.email)
        self.context.status_message.emit(_("Renseignements du groupe enregistrés."))
        self.accept()
