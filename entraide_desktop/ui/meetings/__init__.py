"""The Réunions screen: the list of meetings and follow-ups, and one meeting with its minutes.

Modules: ``list_view`` (meetings and follow-ups), ``meeting_view`` (one meeting's tabs),
``attendance_tab``, ``editor`` (keyboard-first minutes editor), ``proposal_form``, ``dialogs``,
``settings`` (types, quorum rule), ``report_dialog`` (AGA package), ``models``, ``common`` (autosave, helpers).
"""

from __future__ import annotations

from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from ...data.errors import EntraideError
from ...i18n import _
from ..context import AppContext
from ..messages import confirm, show_error
from .common import shortcut
from .dialogs import MeetingDialog
from .list_view import MeetingListView
from .meeting_view import MeetingView
from .report_dialog import ReportDialog
from .settings import TypesDialog


class MeetingsPage(QWidget):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.stack = QStackedWidget()
        self.list = MeetingListView(context)
        self.view = MeetingView(context)
        self.stack.addWidget(self.list)
        self.stack.addWidget(self.view)
        layout.addWidget(self.stack)
        self.list.open_meeting.connect(self.show_item)
        self.list.new_requested.connect(self.new_meeting)
        self.list.types_requested.connect(self.edit_types)
        self.list.report_requested.connect(self.make_report)
        self.view.back_requested.connect(self.show_list)
        context.data_changed.connect(self._data_changed)
        shortcut(self, "Ctrl+N", self.new_meeting)
        self.list.refresh()

    # -- main window hooks ------------------------------------------------------------------
    def activated(self) -> None:
        if self.stack.currentWidget() is self.list:
            self.list.refresh()
            self.list.focus_table()

    def show_item(self, target_id: str) -> None:
        """Open one meeting (from the list, a reminder of the home page, or a follow-up)."""
        if not target_id:
            return
        try:
            self.view.load(target_id)
        except EntraideError as error:
            show_error(self, error)
            return
        self.stack.setCurrentWidget(self.view)
        self.view.focus_editor()

    def focus_search(self) -> None:
        if self.stack.currentWidget() is self.view:
            self.view.select_attendance()
        else:
            self.list.focus_search()

    def prepare_close(self) -> bool:
        """Save what is being typed before the window closes or locks; ask when a save was refused."""
        if self.view.flush():
            return True

        return confirm(self, _("Réunions"), _("Une modification du procès-verbal n'a pas pu être enregistrée (voir le "
                                              "message sous l'éditeur). Fermer quand même et la perdre ?"),
                       _("Fermer quand même"), destructive=True)

    # -- actions ----------------------------------------------------------------------------
    def show_list(self) -> None:
        selected = self.view.meeting.id if self.view.meeting else ""
        self.list.refresh()
        self.stack.setCurrentWidget(self.list)
        self.list.select_meeting(selected)
        self.list.focus_table()

    def new_meeting(self) -> None:
        if not self.view.flush():
            return
        dialog = MeetingDialog(self.context, None, self)
        if dialog.exec() and dialog.meeting_id:
            self.list.reload_filters()
            self.show_item(dialog.meeting_id)
            self.view.select_attendance()

    def edit_types(self) -> None:
        TypesDialog(self.context, self).exec()
        self.list.reload_filters()

    def make_report(self) -> None:
        ReportDialog(self.context, self).exec()

    def _data_changed(self, area: str) -> None:
        if area in ("*", "members"):
            self.list.refresh()
