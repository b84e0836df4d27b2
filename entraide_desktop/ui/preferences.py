"""Preferences of this computer: language of the interface, locking after inactivity."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..i18n import _, language
from .context import AppContext
from .forms import explanation, heading
from .style import TEXT_SIZES, apply_style



class PreferencesDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(_("Préférences"))
        settings = context.settings
        layout = QVBoxLayout(self)
        layout.addWidget(heading(_("Préférences de ce poste")))
        form = QFormLayout()
        self.language = QComboBox()
        self.language.setAccessibleName(_("Langue de l'interface"))
        self.language.addItem("Français", "fr")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language or language())))
        form.addRow(_("&Langue :"), self.language)
        self.lock_minutes = QSpinBox()
        self.lock_minutes.setRange(0, 240)
        self.lock_minutes.setSuffix(_(" min"))
        self.lock_minutes.setSpecialValueText(_("jamais"))
        self.lock_minutes.setAccessibleName(_("Verrouiller après une inactivité de"))
        self.lock_minutes.setValue(int(settings.lock_minutes))
        form.addRow(_("&Verrouiller après :"), self.lock_minutes)
        self.text_size = QComboBox()
        self.text_size.setAccessibleName(_("Taille du texte"))
        for size in TEXT_SIZES:
            self.text_size.addItem(_("{n} %").format(n=size), size)
        self.text_size.setCurrentIndex(max(0, self.text_size.findData(settings.text_size)))
        form.addRow(_("&Taille du texte :"), self.text_size)
        self.high_contrast = QCheckBox(_("Couleurs à &contraste élevé (texte blanc sur fond noir)"))
        self.high_contrast.setChecked(settings.high_contrast)
        form.addRow("", self.high_contrast)
        layout.addLayout(form)
        layout.addWidget(
            explanation(
                _(
                    "Sur un ordinateur partagé, le registre se verrouille tout seul après ce délai sans "
                    "activité. Le changement de langue prend effet au prochain démarrage."
                )
            )
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _save(self) -> None:
        self.context.save_setting(
            language=self.language.currentData(),
            lock_minutes=self.lock_minutes.value(),
            text_size=self.text_size.currentData(),
            high_contrast=self.high_contrast.isChecked(),
        )
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_style(app, text_size=self.text_size.currentData(), high_contrast=self.high_contrast.isChecked())
        self.accept()
