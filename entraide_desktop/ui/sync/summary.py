"""After an import: what came in, from which machine, how old the file is, what needs a choice."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from ...data.sync.summary import ImportSummary, area_line, conflict_lines, headline
from ...i18n import _
from ..forms import explanation, heading


class ImportSummaryDialog(QDialog):
    """``review_requested`` is set when the person chose to settle the conflicts right away."""

    def __init__(self, summary: ImportSummary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.review_requested = False
        self.setWindowTitle(_("Importation terminée"))
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 46)
        self.setStyleSheet("#syncChanges { padding-left: 12px; } #syncSmall { font-size: small; }")
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        if summary.already_imported:
            title = _("Ce fichier avait déjà été importé")
        elif summary.nothing_new:
            title = _("Rien de nouveau dans ce fichier")
        else:
            title = _("Les modifications de l'autre poste ont été intégrées")
        layout.addWidget(heading(title))
        layout.addWidget(explanation(headline(summary)))
        if summary.already_imported:
            layout.addWidget(explanation(_("Ce poste avait déjà reçu ce fichier : rien n'a changé.")))
        elif summary.nothing_new:
            layout.addWidget(explanation(_("Ce poste avait déjà toutes ces données : rien n'a changé.")))
        else:
            layout.addWidget(QLabel(_("Ce qui a été mis à jour ici :")))
            changes = QLabel("\n".join("• " + area_line(area) for area in summary.areas))
            changes.setWordWrap(True)
            changes.setObjectName("syncChanges")
            changes.setAccessibleName(_("Ce qui a été mis à jour, par section"))
            changes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(changes)
        if summary.stale and not summary.already_imported:
            layout.addWidget(
                explanation(_("Ce fichier est plus ancien que le dernier reçu de ce poste ; les modifications plus "
                              "récentes sont conservées."))
            )
        for line in conflict_lines(summary):
            label = explanation("⚠ " + line)
            label.setObjectName("syncAttention")
            layout.addWidget(label)
        for warning in summary.warnings:
            label = explanation("⚠ " + warning)
            label.setObjectName("syncAttention")
            layout.addWidget(label)
        if summary.backup:
            small = explanation(_("Une copie de sécurité de la base a été faite juste avant : {path}").format(
                path=summary.backup))
            small.setObjectName("syncSmall")
            layout.addWidget(small)
        buttons = QDialogButtonBox()
        if summary.conflicts_waiting:
            review = buttons.addButton(_("&Vérifier maintenant"), QDialogButtonBox.ButtonRole.AcceptRole)
            review.clicked.connect(self._review)
            later = buttons.addButton(_("Plus &tard"), QDialogButtonBox.ButtonRole.RejectRole)
            later.clicked.connect(self.reject)
            review.setDefault(True)
        else:
            close = buttons.addButton(_("&Fermer"), QDialogButtonBox.ButtonRole.AcceptRole)
            close.clicked.connect(self.accept)
            close.setDefault(True)
        layout.addWidget(buttons)

    def _review(self) -> None:
        self.review_requested = True
        self.accept()
