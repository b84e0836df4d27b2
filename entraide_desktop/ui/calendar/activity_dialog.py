"""Create or change an activity (the whole series): when, how it repeats, who leads it, who sees it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QRadioButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from ...data import people
from ...data.calendar import activities as acts
from ...data import recurrence as rec
from ...data.calendar.activity_types import list_types
from ...data.errors import EntraideError
from ...data.text import fold
from ...i18n import N_, _
from ..context import AppContext
from ..forms import explanation, heading
from ..kit.dates import date_edit, from_qdate, to_qdate  # noqa: F401  (other calendar screens import them from here)
from ..kit.buttons import add_error_and_save_button
from ..kit.forms import Form
from .common import type_icon

# TRANSLATORS: Qt date format of the date fields (dddd = day name, MMMM = month name).
DATE_FORMAT = N_("dddd d MMMM yyyy")
# TRANSLATORS: Qt time format of the time fields (H = hour 0-23, mm = minutes).
TIME_FORMAT = N_("H' h 'mm")


def season_end(day: dt.date) -> dt.date:
    """A sensible default end for a repeating activity: the end of the season (June) or of the year."""
    if day.month >= 9:
        return dt.date(day.year + 1, 6, 30)
    if day.month <= 6:
        return dt.date(day.year, 6, 30)
    return dt.date(day.year, 12, 31)


def _row_of(*widgets: QWidget | tuple[QWidget, int], stretch: bool = False) -> QWidget:
    """Several widgets side by side as one form row (hidden and shown as a whole)."""
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    for entry in widgets:
        widget, factor = entry if isinstance(entry, tuple) else (entry, 0)
        layout.addWidget(widget, factor)
    if stretch:
        layout.addStretch(1)
    return row


def _buddy_label(text: str, buddy: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(buddy)
    return label


class ActivityDialog(QDialog):
    """``activity_id`` None creates; ``result_info`` holds the :class:`SaveResult` after saving."""

    def __init__(
        self,
        context: AppContext,
        parent: QWidget | None = None,
        *,
        activity_id: str | None = None,
        day: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.store = context.store
        self.activity_id = activity_id
        self.result_info: acts.SaveResult | None = None
        self._force = False
        current = acts.get_activity(self.store, activity_id) if activity_id else None
        self.revision = current.revision if current else None
        self.setWindowTitle(_("Modifier l'activité") if current else _("Nouvelle activité"))
        outer = QVBoxLayout(self)
        outer.addWidget(
            heading(
                _("Toute la série : « {title} »").format(title=current.title)
                if current and current.rrule
                else (_("Modifier l'activité") if current else _("Nouvelle activité"))
            )
        )
        columns = QHBoxLayout()
        columns.setSpacing(24)
        outer.addLayout(columns, 1)
        self._form = Form()
        left_column = QVBoxLayout()
        left_column.addLayout(self._form.layout)
        left_column.addStretch(1)
        columns.addLayout(left_column, 5)
        self._build_what(current)
        self._build_when()
        self._build_repeat()
        self._build_visibility()
        columns.addLayout(self._build_who(), 4)
        self.error, self.save_button = add_error_and_save_button(self, outer, self._save)

        self._fill(current, day or dt.date.today())
        self.search.textChanged.connect(self._filter)
        self.all_day.toggled.connect(self._update_enabled)
        self.repeat.currentIndexChanged.connect(self._update_enabled)
        self.until_radio.toggled.connect(self._update_enabled)
        self.date.dateChanged.connect(self._date_changed)
        self._update_enabled()
        em = self.fontMetrics().horizontalAdvance("M")
        self.resize(em * 80, em * 40)
        self.title.setFocus()

    # -- building ---------------------------------------------------------------------------
    def _date_field(self, accessible_name: str) -> QDateEdit:
        """The kit's date field, written out with the day's name (« lundi 23 novembre 2026 »)."""
        return date_edit(accessible_name, display=_(DATE_FORMAT))

    def _time_field(self, accessible_name: str) -> QTimeEdit:
        edit = QTimeEdit()
        edit.setDisplayFormat(_(TIME_FORMAT))
        edit.setAccessibleName(accessible_name)
        return edit

    def _notes_field(self, accessible_name: str, placeholder: str) -> QPlainTextEdit:
        """A few lines of text; Tab leaves the field."""
        edit = QPlainTextEdit()
        edit.setAccessibleName(accessible_name)
        edit.setPlaceholderText(placeholder)
        edit.setTabChangesFocus(True)
        edit.setMaximumHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        return edit

    def _build_what(self, current: acts.Activity | None) -> None:
        form = self._form
        self.title = form.row(_("&Titre :"), QLineEdit(), name=_("Titre de l'activité"))
        self.title.setMaxLength(200)
        self.type = form.row(_("T&ype :"), QComboBox(), name=_("Type d'activité"))
        for kind in list_types(self.store, include_archived=True):
            if kind.archived and (current is None or current.type_id != kind.id):
                continue
            self.type.addItem(
                type_icon(kind.symbol, kind.colour),
                f"{kind.name} ({kind.short_label})" if kind.short_label != kind.name else kind.name,
                kind.id,
            )
        self.place = form.row(_("&Lieu :"), QLineEdit(), name=_("Lieu"))

    def _build_when(self) -> None:
        form = self._form
        self.date = form.row(_("&Date :"), self._date_field(_("Date (de la première fois)")))
        self.all_day = form.unlabelled(QCheckBox(_("Toute la &journée")))
        self.start_time = self._time_field(_("Heure de début"))
        self.end_time = self._time_field(_("Heure de fin"))
        self.until_label = QLabel(_("à"))
        self.times_row = _row_of(self.start_time, self.until_label, self.end_time, stretch=True)
        form.row(_("&Heures :"), self.times_row, buddy=self.start_time)
        self.last_day = form.row(_("Derni&er jour :"), self._date_field(_("Dernier jour")))

    def _build_repeat(self) -> None:
        form = self._form
        self.repeat = form.row(_("&Répétition :"), QComboBox(), name=_("Répétition"))
        self.until_radio = QRadioButton(_("jus&qu'au"))
        self.until = self._date_field(_("Date de fin de la répétition"))
        self.count_radio = QRadioButton(_("n&ombre de fois"))
        self.count = QSpinBox()
        self.count.setRange(1, rec.MAX_COUNT)
        self.count.setAccessibleName(_("Nombre de fois"))
        group = QButtonGroup(self)
        group.addButton(self.until_radio)
        group.addButton(self.count_radio)
        self.ends_row = _row_of(self.until_radio, (self.until, 1), self.count_radio, self.count)
        form.row(_("Se termine :"), self.ends_row)

    def _build_visibility(self) -> None:
        self.public = QRadioButton(_("&Publique : affichée dans le mode consultation et le calendrier mural"))
        self.members = QRadioButton(_("Réservée aux &membres"))
        visibility = QVBoxLayout()
        visibility.addWidget(self.public)
        visibility.addWidget(self.members)
        self._form.row(_("Visibilité :"), visibility)
        self.description = self._form.row(_("De&scription :"), self._notes_field(
            _("Description publique"), _("Ce que les membres verront : de quoi il s'agit, quoi apporter…")))

    def _build_who(self) -> QVBoxLayout:
        """The right column: who leads (searchable, with consent shown), then the internal notes."""
        right = QVBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Chercher une personne…"))
        self.search.setAccessibleName(_("Chercher une personne qui anime"))
        self.search.setClearButtonEnabled(True)
        right.addWidget(_buddy_label(_("Personnes qui &animent :"), self.search))
        right.addWidget(self.search)
        self.leaders = QListWidget()
        self.leaders.setWordWrap(True)
        self.leaders.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.leaders.setAccessibleName(_("Personnes qui animent"))
        self.leaders.setAccessibleDescription(
            _(
                "Cochez les personnes qui animent. Seules celles qui y ont consenti "
                "sont nommées dans le calendrier public."
            )
        )
        right.addWidget(self.leaders, 1)
        right.addWidget(
            explanation(
                _(
                    "Seules les personnes qui ont consenti à être nommées apparaissent dans le "
                    "calendrier public et les exportations."
                )
            )
        )
        self.notes = self._notes_field(
            _("Notes internes"), _("Jamais publiées. N'y écrivez aucune information de santé."))
        right.addWidget(_buddy_label(_("N&otes internes :"), self.notes))
        right.addWidget(self.notes)
        return right

    # -- filling ----------------------------------------------------------------------------
    def _fill(self, current: acts.Activity | None, day: dt.date) -> None:
        if current is None:
            start = dt.datetime.combine(day, dt.time(13, 30))
            data = acts.ActivityInput("", "", start, start + dt.timedelta(hours=2))
        else:
            data = current.as_input()
        self.title.setText(data.title)
        index = self.type.findData(data.type_id)
        self.type.setCurrentIndex(max(index, 0))
        self.place.setText(data.place)
        self.date.setDate(to_qdate(data.start.date()))
        self.all_day.setChecked(data.all_day)
        self.start_time.setTime(QTime(data.start.hour, data.start.minute))
        self.end_time.setTime(QTime(data.end.hour, data.end.minute) if not data.all_day else QTime(15, 30))
        self.last_day.setDate(to_qdate(data.end.date()))
        self._fill_repeat(data.start.date(), data.recurrence.kind)
        recurrence = data.recurrence
        self.until.setDate(to_qdate(recurrence.until or season_end(data.start.date())))
        self.count.setValue(recurrence.count or 10)
        (self.count_radio if recurrence.count else self.until_radio).setChecked(True)
        self._custom_rule = recurrence.rule if recurrence.kind == "custom" else ""
        (self.public if data.public else self.members).setChecked(True)
        self.description.setPlainText(data.description)
        self.notes.setPlainText(data.notes)
        consenting = people.people_with_consent(self.store, "calendar_leader")
        refs = people.list_people(self.store)
        known = {r.id for r in refs}
        refs += [people.person_ref(self.store, pid) for pid in data.leader_ids if pid not in known]
        chosen = set(data.leader_ids)
        for ref in sorted(refs, key=lambda r: (r.id not in chosen, fold(r.name))):
            text = (
                ref.name
                if ref.id in consenting
                else _("{name} — non nommé·e en public").format(name=ref.name)
            )
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, ref.id)
            item.setData(Qt.ItemDataRole.UserRole + 1, fold(ref.name))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if ref.id in chosen else Qt.CheckState.Unchecked)
            self.leaders.addItem(item)

    def _fill_repeat(self, day: dt.date, kind: str) -> None:
        self.repeat.blockSignals(True)
        self.repeat.clear()
        kinds = ["none", "weekly", "biweekly", "monthly_nth"]
        if rec.is_last_weekday(day):
            kinds.append("monthly_last")
        kinds.append("monthly_day")
        if kind == "custom":
            kinds.append("custom")
        for code in kinds:
            self.repeat.addItem(rec.kind_label(code, day), code)
        self.repeat.setCurrentIndex(max(self.repeat.findData(kind), 0))
        self.repeat.blockSignals(False)

    def _date_changed(self, value: QDate) -> None:
        day = from_qdate(value)
        self._fill_repeat(day, self.repeat.currentData() or "none")
        if from_qdate(self.last_day.date()) < day:
            self.last_day.setDate(value)
        self._update_enabled()

    def _update_enabled(self) -> None:
        all_day = self.all_day.isChecked()
        self._form.layout.setRowVisible(self.times_row, not all_day)
        self._form.layout.setRowVisible(self.last_day, all_day)
        repeats = (self.repeat.currentData() or "none") != "none"
        self._form.layout.setRowVisible(self.ends_row, repeats and self.repeat.currentData() != "custom")
        self.until.setEnabled(self.until_radio.isChecked())
        self.count.setEnabled(self.count_radio.isChecked())

    def _filter(self, text: str) -> None:
        needle = fold(text.strip())
        for row in range(self.leaders.count()):
            item = self.leaders.item(row)
            item.setHidden(bool(needle) and needle not in item.data(Qt.ItemDataRole.UserRole + 1))

    # -- saving -----------------------------------------------------------------------------
    def collect(self) -> acts.ActivityInput:
        day = from_qdate(self.date.date())
        if self.all_day.isChecked():
            start = dt.datetime.combine(day, dt.time())
            end = dt.datetime.combine(from_qdate(self.last_day.date()), dt.time())
        else:
            begin, finish = self.start_time.time(), self.end_time.time()
            start = dt.datetime.combine(day, dt.time(begin.hour(), begin.minute()))
            end = dt.datetime.combine(day, dt.time(finish.hour(), finish.minute()))
        kind = self.repeat.currentData() or "none"
        if kind == "custom":
            recurrence = rec.Recurrence("custom", rule=self._custom_rule)
        elif kind == "none":
            recurrence = rec.Recurrence()
        elif self.count_radio.isChecked():
            recurrence = rec.Recurrence(kind, count=self.count.value())
        else:
            recurrence = rec.Recurrence(kind, until=from_qdate(self.until.date()))
        leaders = tuple(
            self.leaders.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(self.leaders.count())
            if self.leaders.item(row).checkState() == Qt.CheckState.Checked
        )
        return acts.ActivityInput(
            title=self.title.text(),
            type_id=self.type.currentData() or "",
            start=start,
            end=end,
            all_day=self.all_day.isChecked(),
            recurrence=recurrence,
            place=self.place.text(),
            description=self.description.toPlainText(),
            notes=self.notes.toPlainText(),
            public=self.public.isChecked(),
            leader_ids=leaders,
        )

    def _save(self) -> None:
        self.error.clear_message()
        data = self.collect()
        try:
            if self.activity_id is None:
                self.result_info = acts.SaveResult(acts.create_activity(self.store, data))
            else:
                self.result_info = acts.update_activity(
                    self.store,
                    self.activity_id,
                    data,
                    expected_revision=None if self._force else self.revision,
                )
        except acts.ConcurrentEdit as error:
            self._force = True
            self.save_button.setText(_("&Remplacer par mes changements"))
            self.error.show_message(
                error.message
                + " "
                + _(
                    "Vos changements sont encore dans le formulaire : cliquez sur « Remplacer par "
                    "mes changements » "
                    "pour les enregistrer quand même, ou sur Annuler pour garder l'autre version."
                )
            )
            return
        except EntraideError as error:
            self.error.show_message(error.message)
            self._focus_field(getattr(error, "field", ""))
            return
        self.accept()

    def _focus_field(self, name: str) -> None:
        widget = {
            "title": self.title,
            "type_id": self.type,
            "end": self.end_time if not self.all_day.isChecked() else self.last_day,
            "start": self.start_time,
            "rrule": self.until,
            "leaders": self.leaders,
        }.get(name)
        if widget is not None:
            widget.setFocus()
