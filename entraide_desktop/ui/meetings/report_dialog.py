"""The AGA package dialog: which exercice, which format, then where to write it."""

from __future__ import annotations

import re

from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...data import group
from ...data.meetings.report import default_report_year, report_period
from ...documents.meetings import export_package
from ...i18n import _, format_date
from ..context import AppContext
from ..forms import explanation, heading
from .common import ask_save_path, run_export

_FULL = re.compile(r"\s*(\d{4})(?:\s*-\s*\d{4})?\s*")
_PARTIAL = re.compile(r"\s*\d{0,4}(?:\s*-\s*\d{0,4})?\s*")


class ExerciceSpinBox(QSpinBox):
    """A year spin box that shows the exercice it starts: « 2025-2026 » (or « 2025 » from January)."""

    def __init__(self, start_month: int, parent: QWidget | None = None) -> None:
        self._start_month = start_month  # set before QSpinBox asks for a text
        super().__init__(parent)

    def textFromValue(self, value: int) -> str:  # noqa: N802
        return group.exercice_label(*group.fiscal_year_bounds(value, self._start_month))

    def valueFromText(self, text: str) -> int:  # noqa: N802
        match = _FULL.fullmatch(text)
        return int(match.group(1)) if match else self.value()

    def validate(self, text: str, pos: int) -> object:
        if _FULL.fullmatch(text) and self.minimum() <= int(_FULL.fullmatch(text).group(1)) <= self.maximum():
            return QValidator.State.Acceptable, text, pos
        if _PARTIAL.fullmatch(text):
            return QValidator.State.Intermediate, text, pos
        return QValidator.State.Invalid, text, pos


class ReportDialog(QDialog):
    """Choose the exercice and the format of the AGA package, then where to write it."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        store = context.store
        self.profile = group.profile(store)
        self.setWindowTitle(_("Document de l'assemblée générale annuelle"))
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.windowTitle()))
        layout.addWidget(explanation(_(
            "Le document d'un exercice financier réunit l'ordre du jour de l'AGA qui le présente (la première AGA "
            "après la fin de l'exercice), le procès-verbal de l'AGA précédente, le rapport d'activités de l'exercice "
            "calculé à partir des données, et les mandats à pourvoir.")))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.year = ExerciceSpinBox(self.profile.fiscal_year_start_month)
        self.year.setRange(2000, 2100)
        self.year.setValue(default_report_year(store))
        self.year.setAccessibleName(_("Exercice du rapport d'activités"))
        self.year.setAccessibleDescription(_("Flèches haut et bas : exercice suivant ou précédent."))
        self.format = QComboBox()
        self.format.setAccessibleName(_("Format du document"))
        self.format.addItem(_("PDF (pour imprimer ou envoyer)"), "pdf")
        self.format.addItem(_("ODT (pour modifier dans un traitement de texte)"), "odt")
        self.period = QLabel()
        self.period.setWordWrap(True)
        self.period.setAccessibleName(_("Période couverte et assemblée"))
        for label, widget in ((_("&Exercice :"), self.year), (_("&Format :"), self.format)):
            lab = QLabel(label)
            lab.setBuddy(widget)
            form.addRow(lab, widget)
        layout.addLayout(form)
        layout.addWidget(self.period)
        month = group.month_names()[self.profile.fiscal_year_start_month - 1]
        layout.addWidget(explanation(_(
            "L'exercice financier du groupe commence le 1er {month} ; cela se change dans Fichier › Renseignements "
            "du groupe.").format(month=month)))
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        box.button(QDialogButtonBox.StandardButton.Ok).setText(_("Créer le document…"))
        box.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Annuler"))
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout.addWidget(box)
        self.year.valueChanged.connect(self._show_period)
        self._show_period()

    def _show_period(self) -> None:
        period = report_period(self.context.store, self.year.value())
        text = _("Exercice {label} : {period}.").format(label=period.label,
                                                         period=group.period_text(period.start, period.end))
        if period.aga_date is not None:
            text += " " + _("Présenté à l'AGA du {date}.").format(date=format_date(period.aga_date))
        else:
            text += " " + _("Aucune AGA n'est encore inscrite après la fin de cet exercice : le document proposera "
                            "l'ordre du jour habituel.")
        self.period.setText(text)
        self.year.setAccessibleDescription(text)

    def accept(self) -> None:
        year, fmt = self.year.value(), self.format.currentData()
        label = group.exercice_label(*self.profile.fiscal_year(year))
        path = ask_save_path(self, self.windowTitle(), _("AGA-rapport-{year}").format(year=label), fmt)
        if path is None:
            return
        super().accept()
        run_export(self.parentWidget() or self, self.context, self.windowTitle(),
                   lambda store: export_package(store, year, path, fmt))
