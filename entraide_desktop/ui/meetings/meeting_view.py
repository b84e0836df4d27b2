"""One meeting: its heading, attendance and quorum, the minutes editor, follow-ups, errata, exports."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...data import meetings as mt
from ...data.errors import EntraideError
from ...documents.meetings import export_minutes
from ...i18n import _, format_date, format_time
from ..context import AppContext
from ..forms import ErrorLabel
from ..kit.buttons import add_button_row
from ..style import style_role
from .attendance_tab import AttendanceTab
from .common import ask_save_path, run_export, shortcut, slug
from .dialogs import ErratumDialog, MeetingDialog
from .editor import MinutesEditor
from .models import ID_ROLE, FilterProxy, FollowUpsModel


class _MeetingTab(QWidget):
    """A tab of the meeting shown: ``load(meeting_id, locked)`` fills it, ``changed`` says it saved something."""

    changed = Signal()

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.meeting_id = ""


class FollowUpsTab(_MeetingTab):
    """The meeting's follow-ups; « fait » can be marked even once the minutes are adopted."""

    def __init__(self, context: AppContext) -> None:
        super().__init__(context)
        layout = QVBoxLayout(self)
        self.model = FollowUpsModel()
        self.proxy = FilterProxy()
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(_("Suivis décidés à cette réunion"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.done_button = QPushButton(_("&Marquer comme fait / à faire"))
        self.done_button.clicked.connect(self.toggle_done)
        self.remove_button = QPushButton(_("&Retirer le suivi"))
        self.remove_button.clicked.connect(self.remove)
        add_button_row(layout, self.done_button, self.remove_button)
        self.error = ErrorLabel()
        layout.addWidget(self.error)

    def load(self, meeting_id: str, locked: bool) -> None:
        self.meeting_id = meeting_id
        self.model.set_rows(mt.followups(self.context.store, meeting_id))
        self.remove_button.setEnabled(not locked)
        self.error.clear_message()

    def _selected(self) -> mt.FollowUp | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        fid = self.proxy.data(index, ID_ROLE)
        return next((f for f in self.model.rows if f.id == fid), None)

    def toggle_done(self) -> None:
        f = self._selected()
        if f is not None:
            mt.set_done(self.context.store, f.id, None if f.done else dt.date.today())
            self.load(self.meeting_id, not self.remove_button.isEnabled())
            self.changed.emit()

    def remove(self) -> None:
        f = self._selected()
        if f is None:
            return
        try:
            mt.remove_followup(self.context.store, f.id)
        except EntraideError as error:
            self.error.show_message(error.message)
            return
        self.load(self.meeting_id, False)
        self.changed.emit()


class ErrataTab(_MeetingTab):
    """The errata of adopted minutes, each adopted by a later meeting."""

    def __init__(self, context: AppContext) -> None:
        super().__init__(context)
        layout = QVBoxLayout(self)
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        layout.addWidget(self.explanation)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setAccessibleName(_("Errata du procès-verbal"))
        layout.addWidget(self.list, 1)
        self.add_button = QPushButton(_("&Ajouter un erratum…"))
        self.add_button.clicked.connect(self.add)
        add_button_row(layout, self.add_button)

    def load(self, meeting_id: str, locked: bool) -> None:
        self.meeting_id = meeting_id
        self.add_button.setEnabled(locked)
        self.explanation.setText(
            _("Un procès-verbal adopté ne se modifie plus : chaque correction est un erratum daté, adopté par une "
              "proposition d'une réunion suivante, et paraît à la fin du procès-verbal.") if locked else
            _("Ce procès-verbal est encore un projet : corrigez-le directement dans l'onglet Procès-verbal.")
        )
        self.list.clear()
        for e in mt.errata(self.context.store, meeting_id):
            self.list.addItem(_("{date} — proposition {ref} : {text}").format(
                date=format_date(e.noted_on), ref=e.reference, text=e.text))

    def add(self) -> None:
        if ErratumDialog(self.context, self.meeting_id, self).exec():
            self.load(self.meeting_id, True)
            self.changed.emit()


class MeetingView(QWidget):
    back_requested = Signal()
    changed = Signal()

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.meeting: mt.Meeting | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.back_button = QPushButton(_("← Toutes les réunions"))
        self.back_button.setToolTip(_("Alt+Gauche"))
        self.back_button.clicked.connect(self.go_back)
        top.addWidget(self.back_button)
        self.title = QLabel()
        style_role(self.title, "sectionTitle")
        self.title.setWordWrap(True)
        self.title.setAccessibleName(_("Réunion"))
        top.addWidget(self.title, 1)
        self.details_button = QPushButton(_("Déta&ils…"))
        self.details_button.clicked.connect(self.edit_details)
        self.pdf_button = QPushButton(_("Exporter en PD&F…"))
        self.pdf_button.clicked.connect(lambda: self.export("pdf"))
        self.odt_button = QPushButton(_("Exporter en &ODT…"))
        self.odt_button.clicked.connect(lambda: self.export("odt"))
        self.actions = QWidget()
        actions = QHBoxLayout(self.actions)
        actions.setContentsMargins(0, 0, 0, 2)
        for button in (self.details_button, self.pdf_button, self.odt_button):
            actions.addWidget(button)
        layout.addLayout(top)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setObjectName("meetingStatus")
        self.status.setAccessibleName(_("État du procès-verbal"))
        layout.addWidget(self.status)

        self.tabs = QTabWidget()
        self.tabs.setCornerWidget(self.actions, Qt.Corner.TopRightCorner)
        self.attendance = AttendanceTab(context)
        self.editor = MinutesEditor(context)
        self.followups = FollowUpsTab(context)
        self.errata = ErrataTab(context)
        self.tabs.addTab(self.attendance, _("&Présences et quorum"))
        self.tabs.addTab(self.editor, _("Procès-&verbal"))
        self.tabs.addTab(self.followups, _("Suivis"))
        self.tabs.addTab(self.errata, _("Errata"))
        layout.addWidget(self.tabs, 1)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.attendance.changed.connect(self._attendance_changed)
        for tab in (self.editor, self.followups, self.errata):
            tab.changed.connect(self._changed)
        shortcut(self, "Alt+Left", self.go_back)

    def load(self, meeting_id: str) -> None:
        store = self.context.store
        self.meeting = mt.get_meeting(store, meeting_id)
        m = self.meeting
        when = format_date(m.date) + (f", {format_time(m.start_time)}" if m.start_time else "")
        self.title.setText(" — ".join(p for p in (m.type.name, when, m.place) if p))
        self._show_status()
        self.details_button.setEnabled(not m.locked)
        self.attendance.load(meeting_id, m.locked)
        self.editor.load(meeting_id, m.locked)
        self.followups.load(meeting_id, m.locked)
        self.errata.load(meeting_id, m.locked)

    def _show_status(self) -> None:
        m = self.meeting
        if m is None:
            return
        if m.locked and m.adopted_on:
            text = _("Verrouillé : procès-verbal adopté le {date} par la proposition {ref}. Une correction se fait "
                     "par un erratum (onglet Errata).").format(date=format_date(m.adopted_on),
                                                              ref=mt.reference(self.context.store, m.adopted_by))
        else:
            text = _("Projet de procès-verbal : il sera adopté par une proposition d'une réunion suivante.")
        self.status.setText(text)

    def _tab_changed(self, _index: int) -> None:
        self.editor.flush()

    def _attendance_changed(self) -> None:
        self.editor.refresh_people()
        self._changed()

    def _changed(self) -> None:
        self.changed.emit()

    def go_back(self) -> None:
        if self.flush():
            self.back_requested.emit()

    def flush(self) -> bool:
        return self.editor.flush()

    def edit_details(self) -> None:
        if self.meeting is None or not self.flush():
            return
        if MeetingDialog(self.context, self.meeting, self).exec():
            self.load(self.meeting.id)
            self.changed.emit()

    def export(self, fmt: str) -> None:
        if self.meeting is None or not self.flush():
            return

        m = self.meeting
        suggested = slug(_("proces-verbal {abbrev} {date}").format(abbrev=m.type.abbrev, date=m.date.isoformat()))
        path = ask_save_path(self, _("Exporter le procès-verbal"), suggested, fmt)
        if path is None:
            return
        meeting_id = m.id
        run_export(self, self.context, _("Exporter le procès-verbal"),
                   lambda store: export_minutes(store, meeting_id, path, fmt))

    def focus_editor(self) -> None:
        self.tabs.setCurrentWidget(self.editor)
        self.editor.items.setFocus()

    def current_tab_has(self, widget: QWidget) -> bool:
        return self.tabs.currentWidget() is widget

    def select_attendance(self) -> None:
        self.tabs.setCurrentWidget(self.attendance)
        self.attendance.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
