"""One responsibility in full: what it is, what a newcomer needs to know, who holds it, its history."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QFrame, QGroupBox, QListWidget, QPushButton, QVBoxLayout, QWidget

from ...data.errors import EntraideError
from ...data.responsibilities import assignments, catalogue
from ...i18n import _
from ..context import AppContext
from ..flow_layout import FlowLayout
from ..messages import confirm, show_error
from .assign_dialog import AssignDialog
from .common import fill_list, paragraph, section, selected_data
from .edit_dialog import ResponsibilityDialog
from .small_dialogs import EndDialog
from .suggest_dialog import SuggestDialog

HISTORY_SHOWN = 40


class DetailPanel(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.responsibility: catalogue.Responsibility | None = None
        self._assignments: dict[str, assignments.Assignment] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 0, 0)
        self.title = section("")
        layout.addWidget(self.title)
        self.summary = paragraph()
        layout.addWidget(self.summary)

        actions = FlowLayout()  # wraps in a narrow pane (125 % display scaling) rather than scrolling
        self.assign_button = QPushButton(_("&Confier…"))
        self.assign_button.setToolTip(_("Confier cette responsabilité à une personne"))
        self.suggest_button = QPushButton(_("&Proposer quelqu'un…"))
        self.suggest_button.setToolTip(_("Entraide propose la personne suivante de la rotation ; vous confirmez"))
        self.edit_button = QPushButton(_("&Modifier…"))
        self.archive_button = QPushButton(_("Archi&ver"))
        for button in (self.assign_button, self.suggest_button, self.edit_button, self.archive_button):
            actions.addWidget(button)
        layout.addLayout(actions)

        self.description = paragraph(selectable=True)
        layout.addWidget(self.description)
        box = QGroupBox(_("Pour bien commencer (note de passation)"))
        box_layout = QVBoxLayout(box)
        self.handover = paragraph(selectable=True)
        self.handover.setAccessibleName(_("Note de passation"))
        box_layout.addWidget(self.handover)
        layout.addWidget(box)

        self.current = QListWidget()
        self.current.setAccessibleName(_("Qui la tient en ce moment et à venir"))
        self.current.setWordWrap(True)
        self.current.setFixedHeight(self.fontMetrics().lineSpacing() * 5 + 8)
        layout.addWidget(section(_("Qui la tient &en ce moment et à venir"), self.current))
        layout.addWidget(self.current)
        row = FlowLayout()
        self.end_button = QPushButton(_("&Terminer…"))
        self.end_button.setToolTip(_("Fixer le dernier jour (démission, fin de mandat)"))
        self.remove_button = QPushButton(_("Retirer cette in&scription"))
        self.remove_button.setToolTip(_("Pour une inscription faite par erreur : elle ne comptera plus nulle part"))
        row.addWidget(self.end_button)
        row.addWidget(self.remove_button)
        layout.addLayout(row)

        self.history = QListWidget()
        self.history.setAccessibleName(_("Historique : qui l'a tenue avant"))
        self.history.setWordWrap(True)
        self.history.setMinimumHeight(self.fontMetrics().lineSpacing() * 8)
        layout.addWidget(section(_("&Historique : qui l'a tenue avant"), self.history))
        layout.addWidget(self.history, 1)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.NoFrame)
        layout.addWidget(line)

        self.assign_button.clicked.connect(self.assign)
        self.suggest_button.clicked.connect(self.suggest)
        self.edit_button.clicked.connect(self.edit)
        self.archive_button.clicked.connect(self.toggle_archive)
        self.end_button.clicked.connect(self.end_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.current.itemSelectionChanged.connect(self._update_buttons)
        self.show_responsibility(None)

    # -- showing ---------------------------------------------------------------------------------
    def show_responsibility(self, responsibility: catalogue.Responsibility | None) -> None:
        self.responsibility = r = responsibility
        for widget in (self.assign_button, self.suggest_button, self.edit_button, self.archive_button):
            widget.setEnabled(r is not None)
        if r is None:
            self.title.setText(_("Choisissez une responsabilité dans la liste"))
            for label in (self.summary, self.description, self.handover):
                label.clear()
            self.current.clear()
            self.history.clear()
            self._update_buttons()
            return
        self.title.setText(r.title + (" " + _("(archivée)") if r.archived else ""))
        self.summary.setText(f"{r.summary()}\n{r.eligibility_text()}")
        self.description.setText(r.description or _("Pas encore de description."))
        self.handover.setText(r.handover or _("Pas encore de note de passation : ce que vous savez de cette tâche "
                                              "aidera la prochaine personne (bouton « Modifier »)."))
        self.suggest_button.setVisible(r.kind == "task")
        self.assign_button.setEnabled(not r.archived)
        self.suggest_button.setEnabled(not r.archived)
        self.archive_button.setText(_("Resta&urer") if r.archived else _("Archi&ver"))
        self.end_button.setText(_("&Terminer le mandat…") if r.is_mandate else _("&Terminer…"))
        today = dt.date.today()
        found = assignments.find(self.context.store, responsibility_id=r.id)
        self._assignments = {a.id: a for a in found}
        now = sorted((a for a in found if a.end_on is None or a.end_on >= today), key=lambda a: (a.start_on, a.seat or 0))
        past = [a for a in found if a.end_on is not None and a.end_on < today]
        fill_list(self.current, [(self._line(a, today), a.id) for a in now],
                  _("Personne pour l'instant. « Confier… » ou « Proposer quelqu'un… » pour inviter une personne."))
        fill_list(self.history, [(self._line(a, today), a.id) for a in past[:HISTORY_SHOWN]],
                  _("Pas encore d'historique."), more=len(past) - HISTORY_SHOWN)
        self._update_buttons()

    def _line(self, a: assignments.Assignment, today: dt.date) -> str:
        text = f"{a.person_name} — {a.period_text()}"
        if a.seat and self.responsibility and self.responsibility.seats > 1:
            text += " · " + _("siège {n}").format(n=a.seat)
        if a.origin_label:
            text += f" · {a.origin_label}"
        if a.person_archived and not a.person_removed:
            text += " · " + _("fiche archivée")
        if a.note:
            text += f" · {a.note}"
        if a.start_on > today:
            text = _("À venir : {text}").format(text=text)
        return text

    def selected_assignment(self) -> assignments.Assignment | None:
        aid = selected_data(self.current)
        return self._assignments.get(aid) if isinstance(aid, str) else None

    def _update_buttons(self) -> None:
        chosen = self.selected_assignment()
        self.end_button.setEnabled(chosen is not None)
        self.remove_button.setEnabled(chosen is not None)

    def refresh(self) -> None:
        if self.responsibility is None:
            return
        try:
            self.show_responsibility(catalogue.get_responsibility(self.context.store, self.responsibility.id))
        except EntraideError:
            self.show_responsibility(None)

    # -- actions ---------------------------------------------------------------------------------
    def assign(self) -> None:
        if self.responsibility is not None:
            AssignDialog(self.context, self.responsibility.id, self).exec()

    def suggest(self) -> None:
        if self.responsibility is not None:
            SuggestDialog(self.context, self.responsibility.id, self).exec()

    def edit(self) -> None:
        if self.responsibility is not None:
            ResponsibilityDialog(self.context, self.responsibility, self).exec()

    def toggle_archive(self) -> None:
        r = self.responsibility
        if r is None:
            return
        if r.archived:
            catalogue.restore_responsibility(self.context.store, r.id)
        elif confirm(self, _("Archiver"), _("Archiver « {title} » ? Elle ne sera plus proposée, mais son historique "
                                            "reste et continue de compter dans la répartition. Vous pourrez la "
                                            "restaurer.").format(title=r.title), _("Archiver")):
            catalogue.archive_responsibility(self.context.store, r.id)
        else:
            return

    def end_selected(self) -> None:
        chosen = self.selected_assignment()
        if chosen is not None:
            EndDialog(self.context, chosen, self).exec()

    def remove_selected(self) -> None:
        chosen = self.selected_assignment()
        if chosen is None:
            return
        if confirm(self, _("Retirer l'inscription"),
                   _("Retirer l'inscription de {name} ({period}) ? À faire seulement si elle a été faite par erreur : "
                     "pour quelqu'un qui arrête, utilisez plutôt « Terminer ».").format(
                       name=chosen.person_name, period=chosen.period_text()), _("Retirer"), destructive=True):
            try:
                assignments.remove_assignment(self.context.store, chosen.id)
            except EntraideError as error:
                show_error(self, error)
                return
