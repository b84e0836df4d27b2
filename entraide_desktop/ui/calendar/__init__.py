"""The Calendrier screen: month, week and agenda views, the selected day's activities, and actions.

Keyboard: arrows move the day, Page Up / Page Down the month (the week in the week view),
T today, Enter opens, N creates an activity on the selected day; double-clicking a day creates
one there too.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ... import i18n
from ...data.calendar import activities as acts
from ...data.calendar.activity_types import list_types
from ...data.calendar.expand import occurrence, occurrences
from ...data.calendar.labels import capitalised, week_start
from ...data.calendar.occurrence import OccurrenceView
from ...i18n import _
from ..context import AppContext
from ..flow_layout import FlowLayout
from ..messages import confirm, show_error
from ..style import style_role
from .activity_dialog import ActivityDialog
from .agenda_view import AgendaView
from .attendance_dialog import AttendanceDialog
from .common import add_months, type_icon
from .day_panel import DayPanel
from .export_dialog import ExportDialog
from .ics_import_dialog import choose_and_import_calendar
from .month_view import MonthView
from .occurrence_dialog import OccurrenceDialog
from .types_dialog import TypesDialog
from .week_view import WeekView

VIEWS = ("month", "week", "agenda")


class CalendarPage(QWidget):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.store = context.store
        self.selected = dt.date.today()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

        top = self._build_period_row()
        tools = self._build_tools()
        body = self._build_body()
        # The calendar is parented first so that tabbing into the screen reaches it first;
        # the tool rows are inserted above it afterwards.
        layout.addLayout(body, 1)
        layout.insertLayout(0, tools)
        layout.insertLayout(0, top)
        layout.addWidget(self._build_hint())
        self._connect(context)
        self._set_tab_order()
        self._fill_types()
        saved = context.settings.calendar_view
        self.set_view(saved if saved in VIEWS else "month", save=False)

    # -- building ---------------------------------------------------------------------------
    def _build_period_row(self) -> QHBoxLayout:
        """« ◀ Précédent · Aujourd'hui · Suivant ▶ » and the period shown."""
        top = QHBoxLayout()
        self.previous = QPushButton(_("◀ &Précédent"))
        self.previous.setAccessibleName(_("Période précédente"))
        self.today_button = QPushButton(_("Au&jourd'hui"))
        self.today_button.setToolTip(_("Revenir à aujourd'hui (T)"))
        self.next = QPushButton(_("Sui&vant ▶"))
        self.next.setAccessibleName(_("Période suivante"))
        self.period = QLabel()
        style_role(self.period, "sectionTitle")
        self.period.setAccessibleName(_("Période affichée"))
        self.period.setWordWrap(True)
        for widget in (self.previous, self.today_button, self.next):
            top.addWidget(widget)
        top.addSpacing(12)
        top.addWidget(self.period, 1)
        return top

    def _build_tools(self) -> FlowLayout:
        """The views, the type filter and the actions."""
        # The tools wrap onto a second line when the text is large (French labels are long).
        tools = FlowLayout(spacing=8)
        self.view_buttons = QButtonGroup(self)
        for number, text in enumerate((_("M&ois"), _("&Semaine"), _("&Liste"))):
            button = QPushButton(text)
            button.setCheckable(True)
            button.setAccessibleName(_("Vue : {name}").format(name=text.replace("&", "")))
            self.view_buttons.addButton(button, number)
            tools.addWidget(button)
        filter_box = QWidget()
        filter_row = QHBoxLayout(filter_box)
        filter_row.setContentsMargins(12, 0, 12, 0)
        type_label = QLabel(_("T&ype :"))
        self.type_filter = QComboBox()
        self.type_filter.setAccessibleName(_("Afficher le type d'activité"))
        self.type_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.type_filter.setMinimumContentsLength(16)
        type_label.setBuddy(self.type_filter)
        filter_row.addWidget(type_label)
        filter_row.addWidget(self.type_filter)
        tools.addWidget(filter_box)
        self.new_button = QPushButton(_("&Nouvelle activité…"))
        self.new_button.setToolTip(_("Créer une activité le jour choisi (N)"))
        self.export_button = QPushButton(_("E&xporter ou imprimer…"))
        self.types_button = QPushButton(_("&Types d'activités…"))
        self.import_button = QPushButton(_("&Importer un calendrier (ICS)…"))
        for widget in (self.new_button, self.export_button, self.types_button, self.import_button):
            tools.addWidget(widget)
        return tools

    def _build_body(self) -> QHBoxLayout:
        """The three views (one shown at a time) and the selected day's panel."""
        body = QHBoxLayout()
        self.stack = QStackedWidget()
        self.month = MonthView()
        self.week = WeekView()
        self.agenda = AgendaView()
        for view in (self.month, self.week, self.agenda):
            self.stack.addWidget(view)
            view.date_selected.connect(self._date_selected)
            view.occurrence_activated.connect(self.open_occurrence)
            view.new_requested.connect(self.new_activity)
        for view in (self.month, self.week):
            view.open_day_requested.connect(self._focus_day_list)
        body.addWidget(self.stack, 5)
        body.addWidget(self._build_day_panel(), 1)
        return body

    def _build_day_panel(self) -> QWidget:
        """The selected day: its heading, its activities, « Créer ce jour-là… »."""
        self.day_panel = DayPanel()
        self.day_title, self.day_list, self.day_new = self.day_panel.title, self.day_panel.list, self.day_panel.new_button
        self.day_panel.occurrence_opened.connect(self.open_occurrence)
        self.day_panel.new_requested.connect(lambda: self.new_activity(self.selected))
        return self.day_panel

    def _build_hint(self) -> QLabel:
        """The keys of the calendar, written under it."""
        hint = QLabel(
            _(
                "Flèches : changer de jour · Pg préc. / Pg suiv. : mois · T : aujourd'hui · "
                "Entrée : ouvrir · N : nouvelle activité · double-clic sur un jour : créer"
            )
        )
        style_role(hint, "explanation")
        hint.setWordWrap(True)
        return hint

    def _connect(self, context: AppContext) -> None:
        self.previous.clicked.connect(lambda: self._step(-1))
        self.next.clicked.connect(lambda: self._step(1))
        self.today_button.clicked.connect(lambda: self.go_to(dt.date.today()))
        self.view_buttons.idClicked.connect(lambda number: self.set_view(VIEWS[number]))
        self.type_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.new_button.clicked.connect(lambda: self.new_activity(self.selected))
        self.export_button.clicked.connect(self.export)
        self.types_button.clicked.connect(self.edit_types)
        self.import_button.clicked.connect(self.import_calendar)
        context.data_changed.connect(self._data_changed)

    def _set_tab_order(self) -> None:
        # Tabbing into the screen reaches the calendar itself first, then the day's list, then the tools.
        chain = [
            self.month, self.week, self.agenda, self.day_list, self.day_new,
            self.previous, self.today_button, self.next, *self.view_buttons.buttons(),
            self.type_filter, self.new_button, self.export_button, self.types_button, self.import_button,
        ]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    # -- state ------------------------------------------------------------------------------
    def current_view(self):  # type: ignore[no-untyped-def]
        return self.stack.currentWidget()

    def view_name(self) -> str:
        return VIEWS[self.stack.currentIndex()]

    def set_view(self, name: str, *, save: bool = True) -> None:
        index = VIEWS.index(name)
        self.stack.setCurrentIndex(index)
        self.view_buttons.button(index).setChecked(True)
        self.day_panel.setVisible(name != "agenda")
        if save:
            self.context.save_setting(calendar_view=name)
        self.refresh()
        self.current_view().setFocus()

    def type_ids(self) -> set[str] | None:
        chosen = self.type_filter.currentData()
        return {chosen} if chosen else None

    def _fill_types(self) -> None:
        chosen = self.type_filter.currentData()
        self.type_filter.blockSignals(True)
        self.type_filter.clear()
        self.type_filter.addItem(_("Tous les types"), None)
        for kind in list_types(self.store):
            self.type_filter.addItem(type_icon(kind.symbol, kind.colour), kind.name, kind.id)
        self.type_filter.setCurrentIndex(max(self.type_filter.findData(chosen), 0))
        self.type_filter.blockSignals(False)

    def refresh(self) -> None:
        view = self.current_view()
        view.select_day(self.selected, emit=False)
        first, last = view.visible_range()
        found = occurrences(
            self.store,
            dt.datetime.combine(first, dt.time()),
            dt.datetime.combine(last + dt.timedelta(days=1), dt.time()),
            type_ids=self.type_ids(),
        )
        self._loaded = (first, last, found)
        view.set_occurrences(found)
        view.select_day(self.selected, emit=False)
        self._update_period()
        self._update_day_panel()

    def _update_period(self) -> None:
        name = self.view_name()
        if name == "week":
            first = week_start(self.selected)
            text = _("Semaine du {first} au {last}").format(
                first=i18n.format_skeleton("MMMMd", first),
                last=i18n.format_date(first + dt.timedelta(days=6), "long"),
            )
        else:
            text = capitalised(i18n.format_month(self.selected))
        self.period.setText(text)

    def _day_items(self, day: dt.date) -> list[OccurrenceView]:
        return [o for o in self._loaded[2] if day in o.days]

    def _update_day_panel(self) -> None:
        self.day_panel.show_day(self.selected, self._day_items(self.selected))

    # -- navigation -------------------------------------------------------------------------
    def go_to(self, day: dt.date) -> None:
        self.selected = day
        self.refresh()

    def _date_selected(self, day: dt.date) -> None:
        first, last, _found = self._loaded
        self.selected = day
        if self.current_view().visible_range() != (first, last):
            self.refresh()
        else:
            self._update_day_panel()

    def _step(self, direction: int) -> None:
        view = self.current_view()
        if self.view_name() == "week":
            self.go_to(self.selected + dt.timedelta(days=7 * direction))
        else:
            self.go_to(add_months(self.selected, direction))
        view.setFocus()

    def _focus_day_list(self, _day: dt.date) -> None:
        self.day_list.setFocus()
        self.day_list.setCurrentRow(0)

    def activated(self) -> None:
        self.refresh()

    def show_item(self, target_id: str) -> None:
        """Open the calendar on an occurrence (its key) or on an activity's next occurrence (its id)."""
        if "@" in target_id:
            occ = occurrence(self.store, target_id)
        else:
            now = dt.datetime.combine(dt.date.today(), dt.time())
            found = occurrences(self.store, now, now + dt.timedelta(days=400), activity_ids={target_id})
            occ = found[0] if found else None
        if occ is not None:
            self.go_to(occ.start.date())
            view = self.current_view()
            if hasattr(view, "selected_key"):
                view.selected_key = occ.key
                view.update()

    # -- actions ----------------------------------------------------------------------------
    def after_edit(self, message: str = "") -> None:
        self._fill_types()
        self.refresh()
        if message:
            self.context.status_message.emit(message)

    def new_activity(self, day: dt.date) -> None:
        dialog = ActivityDialog(self.context, self, day=day)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.after_edit(_("Activité enregistrée."))

    def edit_series(self, activity_id: str) -> None:
        dialog = ActivityDialog(self.context, self, activity_id=activity_id)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.result_info is None:
            return
        result = dialog.result_info
        messages = [_("Activité enregistrée.")]
        if result.split:
            messages.append(
                _(
                    "Le nouvel horaire s'applique à partir d'aujourd'hui ; les occurrences passées gardent "
                    "l'ancien horaire et leurs présences."
                )
            )
        if result.removed_exceptions:
            messages.append(
                i18n.ngettext(
                    "{n} changement ponctuel ne correspondait plus au nouvel horaire et a été retiré.",
                    "{n} changements ponctuels ne correspondaient plus au nouvel horaire et ont été retirés.",
                    result.removed_exceptions,
                ).format(n=result.removed_exceptions)
            )
        self.after_edit(" ".join(messages))

    def open_occurrence(self, key: str) -> None:
        if not key:
            return
        try:
            dialog = OccurrenceDialog(self.context, key, self)
        except Exception as error:  # noqa: BLE001 - shown to the person
            show_error(self, error)
            self.refresh()
            return
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        if dialog.action == "changed":
            self.after_edit(_("Occurrence modifiée."))
        elif dialog.action == "series":
            self.edit_series(dialog.occ.activity_id)
        elif dialog.action == "attendance":
            if AttendanceDialog(self.context, dialog.occ, self).exec() == QDialog.DialogCode.Accepted:
                self.after_edit(_("Présences enregistrées."))
        elif dialog.action == "archive":
            self.archive(dialog.occ)

    def archive(self, occ: OccurrenceView) -> None:
        activity = acts.get_activity(self.store, occ.activity_id)
        text = _(
            "Supprimer « {title} » et toutes ses occurrences ? Les présences déjà notées sont gardées ; "
            "l'activité pourra être rétablie."
        ).format(title=activity.title)
        if confirm(self, _("Supprimer l'activité"), text, _("&Supprimer"), destructive=True):
            acts.archive_activity(self.store, occ.activity_id)
            self.after_edit(_("Activité supprimée."))

    def export(self) -> None:
        kind = {"week": "pdf_week", "agenda": "ics"}.get(self.view_name(), "pdf_month")
        ExportDialog(self.context, self.selected, self.type_filter.currentData(), self, kind=kind).exec()

    def edit_types(self) -> None:
        dialog = TypesDialog(self.context, self)
        dialog.exec()
        if dialog.changed:
            self._fill_types()
            self.after_edit()

    def import_calendar(self) -> None:
        choose_and_import_calendar(self.context, self)

    def _data_changed(self, area: str) -> None:
        if area in ("calendar", "members", "*"):
            self._fill_types()
            self.refresh()
