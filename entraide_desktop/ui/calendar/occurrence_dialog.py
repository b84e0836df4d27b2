"""One occurrence: its details, and what can be done — this occurrence only, or the whole series."""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from ... import i18n
from ...data import people
from ...data.calendar import activities as acts
from ...data.calendar import occurrence_edits as edits
from ...data import recurrence as rec
from ...data.calendar.expand import occurrence
from ...data.calendar.labels import time_range
from ...data.calendar.occurrence import OccurrenceView
from ...data.errors import EntraideError
from ...i18n import _, ngettext
from ..context import AppContext
from ..forms import ErrorLabel, explanation, heading
from ..kit.buttons import add_error_and_buttons
from ..kit.dates import date_edit
from .activity_dialog import DATE_FORMAT, TIME_FORMAT, from_qdate
from .common import with_note


class OccurrenceDialog(QDialog):
    """Shows one occurrence. ``action`` tells the page what to do next after it closes."""

    def __init__(self, context: AppContext, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.store = context.store
        self.key = key
        self.action = ""  # "series" | "attendance" | "" ; "changed" when something was saved here
        occ = occurrence(self.store, key)
        if occ is None:
            raise EntraideError(
                _("Cette occurrence n'existe plus : l'horaire de l'activité a changé entre-temps.")
            )
        self.occ = occ
        activity = acts.get_activity(self.store, occ.activity_id)
        self.setWindowTitle(occ.title)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(occ.title))
        details = QLabel(self._details(occ, activity))
        details.setWordWrap(True)
        details.setTextFormat(details.textFormat().RichText)
        details.setAccessibleName(_("Détails de l'occurrence"))
        details.setAccessibleDescription(details.text())
        layout.addWidget(details)
        self.error = ErrorLabel()
        layout.addWidget(self.error)

        actions = QHBoxLayout()
        series = QPushButton(_("Modifier &toute la série…") if activity.rrule else _("&Modifier l'activité…"))
        series.clicked.connect(lambda: self._finish("series"))
        if activity.rrule:
            only = QPushButton(_("Modifier cette &occurrence seulement…"))
            only.clicked.connect(self._change_only)
            actions.addWidget(only)
        actions.addWidget(series)
        if occ.cancelled or occ.moved:
            restore = QPushButton(_("&Rétablir comme prévu"))
            restore.clicked.connect(self._restore)
            actions.addWidget(restore)
        if not occ.cancelled:
            cancel = QPushButton(
                _("&Annuler cette occurrence…") if activity.rrule else _("&Annuler l'activité…")
            )
            cancel.clicked.connect(self._cancel)
            actions.addWidget(cancel)
        layout.addLayout(actions)
        lower = QHBoxLayout()
        self.attendance = QPushButton(_("&Présences…"))
        self.attendance.setEnabled(not occ.cancelled and occ.start.date() <= dt.date.today())
        self.attendance.setToolTip(_("Noter le nombre de personnes présentes et, au besoin, qui est venu"))
        self.attendance.clicked.connect(lambda: self._finish("attendance"))
        lower.addWidget(self.attendance)
        archive = QPushButton(_("&Supprimer l'activité…"))
        archive.clicked.connect(lambda: self._finish("archive"))
        lower.addWidget(archive)
        lower.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        lower.addWidget(close)
        layout.addLayout(lower)
        em = self.fontMetrics().horizontalAdvance("M")
        self.setMinimumWidth(em * 46)

    def _details(self, occ: OccurrenceView, activity: acts.Activity) -> str:
        esc = html.escape
        when = time_range(occ.start, occ.end, occ.all_day)
        rows = [f"<b>{esc(i18n.format_date(occ.start.date()))}</b>, {esc(when)}"]
        if occ.place:
            rows.append(esc(occ.place))
        rows.append(
            esc(f"{occ.short_label} — {occ.type_name}" if occ.short_label != occ.type_name else occ.type_name)
        )
        if activity.rrule:
            rows.append(esc(rec.describe(activity.rrule, activity.start.date())))
        if occ.cancelled:
            rows.append("⚠ " + with_note("<b>" + esc(_("Annulée")) + "</b>", esc(occ.note) if occ.note else None))
        elif occ.moved:
            original = occ.original_start or occ.start
            status = (
                "<b>"
                + esc(_("Déplacée"))
                + "</b> "
                + esc(_("(prévue le {date})").format(date=i18n.format_datetime(original, "long")))
            )
            rows.append("⚠ " + with_note(status, esc(occ.note) if occ.note else None))
        # Leaders are named only when they consented; the others are counted, not named.
        consenting = people.people_with_consent(self.store, "calendar_leader")
        named = [people.person_ref(self.store, pid).name for pid in activity.leader_ids if pid in consenting]
        unnamed = len(activity.leader_ids) - len(named)
        if unnamed:
            named.append(
                ngettext(
                    "{n} personne qui n'a pas consenti à être nommée",
                    "{n} personnes qui n'ont pas consenti à être nommées",
                    unnamed,
                ).format(n=unnamed)
            )
        if named:
            rows.append(esc(_("Animé par : ") + i18n.join_list(named)))
        rows.append(esc(_("Publique") if activity.public else _("Réservée aux membres")))
        if activity.description:
            rows.append("<i>" + esc(activity.description) + "</i>")
        if activity.notes:
            rows.append(esc(_("Notes internes : ")) + esc(activity.notes))
        return "<br>".join(rows)

    def _finish(self, action: str) -> None:
        self.action = action
        self.accept()

    def _cancel(self) -> None:
        dialog = ReasonDialog(self.occ, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            edits.cancel_occurrence(self.store, self.key, dialog.reason.text())
        except EntraideError as error:
            self.error.show_message(error.message)
            return
        self._finish("changed")

    def _restore(self) -> None:
        try:
            edits.restore_occurrence(self.store, self.key)
        except EntraideError as error:
            self.error.show_message(error.message)
            return
        self._finish("changed")

    def _change_only(self) -> None:
        dialog = ChangeOccurrenceDialog(self.context, self.occ, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._finish("changed")


class ReasonDialog(QDialog):
    """Asks why an occurrence is cancelled (the reason is shown to members)."""

    def __init__(self, occ: OccurrenceView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Annuler une occurrence"))
        layout = QVBoxLayout(self)
        layout.addWidget(
            heading(
                _("Annuler « {title} » du {date}").format(
                    title=occ.title, date=i18n.format_date(occ.start.date())
                )
            )
        )
        layout.addWidget(
            explanation(_("La raison est affichée aux membres (calendrier, mode consultation)."))
        )
        form = QFormLayout()
        self.reason = QLineEdit()
        self.reason.setAccessibleName(_("Raison de l'annulation"))
        self.reason.setPlaceholderText(_("Par exemple : tempête de neige, congé férié…"))
        form.addRow(_("&Raison :"), self.reason)
        layout.addLayout(form)
        buttons = QDialogButtonBox()
        ok = buttons.addButton(_("Annuler l'&occurrence"), QDialogButtonBox.ButtonRole.AcceptRole)
        ok.setDefault(True)
        back = buttons.addButton(_("&Garder"), QDialogButtonBox.ButtonRole.RejectRole)
        ok.clicked.connect(self.accept)
        back.clicked.connect(self.reject)
        layout.addWidget(buttons)


class ChangeOccurrenceDialog(QDialog):
    """« Cette occurrence seulement » : another date or time, place or title, with a reason."""

    def __init__(self, context: AppContext, occ: OccurrenceView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = context.store
        self.occ = occ
        self.setWindowTitle(_("Modifier cette occurrence seulement"))
        layout = QVBoxLayout(self)
        layout.addWidget(heading(_("Cette occurrence seulement")))
        original = occ.original_start or occ.start
        layout.addWidget(
            explanation(
                _("Prévue le {date}. Les autres occurrences de la série ne changent pas.").format(
                    date=i18n.format_date(original.date())
                )
            )
        )
        form = QFormLayout()
        self.date = date_edit(_("Nouvelle date"), occ.start.date(), display=_(DATE_FORMAT))
        form.addRow(_("&Date :"), self.date)
        self.start = QTimeEdit(QTime(occ.start.hour, occ.start.minute))
        self.start.setDisplayFormat(_(TIME_FORMAT))
        self.start.setAccessibleName(_("Heure de début"))
        self.end = QTimeEdit(QTime(occ.end.hour, occ.end.minute))
        self.end.setDisplayFormat(_(TIME_FORMAT))
        self.end.setAccessibleName(_("Heure de fin"))
        times = QHBoxLayout()
        times.addWidget(self.start)
        times.addWidget(QLabel(_("à")))
        times.addWidget(self.end)
        times.addStretch(1)
        if not occ.all_day:
            form.addRow(_("&Heures :"), times)
        self.place = QLineEdit(occ.place)
        self.place.setAccessibleName(_("Lieu"))
        form.addRow(_("&Lieu :"), self.place)
        self.title = QLineEdit(occ.title)
        self.title.setAccessibleName(_("Titre pour cette fois"))
        form.addRow(_("&Titre :"), self.title)
        self.reason = QLineEdit(occ.note)
        self.reason.setAccessibleName(_("Raison du changement"))
        self.reason.setPlaceholderText(_("Affichée aux membres, par exemple : la salle accueille l'AGA"))
        form.addRow(_("&Raison :"), self.reason)
        layout.addLayout(form)
        self.error = add_error_and_buttons(self, layout, self._save)

    def _save(self) -> None:
        day = from_qdate(self.date.date())
        if self.occ.all_day:
            length = (self.occ.end - self.occ.start).days - 1
            start = dt.datetime.combine(day, dt.time())
            end = start + dt.timedelta(days=length)
        else:
            start = dt.datetime.combine(day, self.start.time().toPython())
            end = dt.datetime.combine(day, self.end.time().toPython())
        try:
            edits.move_occurrence(
                self.store,
                self.occ.key,
                start,
                end,
                self.reason.text(),
                title=self.title.text(),
                place=self.place.text(),
            )
        except EntraideError as error:
            self.error.show_message(error.message)
            return
        self.accept()
