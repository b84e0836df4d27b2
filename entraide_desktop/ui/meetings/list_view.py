"""The list of meetings (filtered by type and year) and the follow-ups still to do."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...data import meetings as mt
from ...i18n import _
from ..context import AppContext
from .common import shortcut
from .models import ID_ROLE, FilterProxy, FollowUpsModel, MeetingsModel
from ..style import style_role


def _table(model: FilterProxy, name: str) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setAccessibleName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSortingEnabled(True)
    table.verticalHeader().hide()
    table.setAlternatingRowColors(True)
    return table


class MeetingListView(QWidget):
    open_meeting = Signal(str)
    new_requested = Signal()
    types_requested = Signal()
    report_requested = Signal()

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        actions = QHBoxLayout()
        self.new_button = QPushButton(_("&Nouvelle réunion…"))
        self.new_button.setToolTip("Ctrl+N")
        self.new_button.clicked.connect(self.new_requested.emit)
        self.report_button = QPushButton(_("Document de l'A&GA…"))
        self.report_button.setAccessibleDescription(_("Ordre du jour, procès-verbal précédent, rapport d'activités "
                                                      "et mandats à pourvoir, en PDF ou en ODT"))
        self.report_button.clicked.connect(self.report_requested.emit)
        self.types_button = QPushButton(_("&Types de réunions et quorum…"))
        self.types_button.clicked.connect(self.types_requested.emit)
        actions.addWidget(self.new_button)
        actions.addStretch(1)
        actions.addWidget(self.report_button)
        actions.addWidget(self.types_button)
        layout.addLayout(actions)

        self.tabs = QTabWidget()
        meetings_page = QWidget()
        meetings_layout = QVBoxLayout(meetings_page)
        filters = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Rechercher (date, type)…"))
        self.search.setAccessibleName(_("Rechercher une réunion"))
        self.search.setClearButtonEnabled(True)
        self.type_filter = QComboBox()
        self.type_filter.setAccessibleName(_("Type de réunion affiché"))
        self.year_filter = QComboBox()
        self.year_filter.setAccessibleName(_("Année affichée"))
        type_label = QLabel(_("T&ype :"))
        type_label.setBuddy(self.type_filter)
        year_label = QLabel(_("Anné&e :"))
        year_label.setBuddy(self.year_filter)
        filters.addWidget(self.search, 2)
        filters.addWidget(type_label)
        filters.addWidget(self.type_filter, 1)
        filters.addWidget(year_label)
        filters.addWidget(self.year_filter)
        meetings_layout.addLayout(filters)
        self.model = MeetingsModel()
        self.proxy = FilterProxy()
        self.proxy.setSourceModel(self.model)
        self.table = _table(self.proxy, _("Réunions"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.table.activated.connect(self._open_index)
        meetings_layout.addWidget(self.table, 1)
        hint = QLabel(_("Entrée ouvre la réunion choisie. Ctrl+N crée une réunion."))
        style_role(hint, "explanation")
        meetings_layout.addWidget(hint)
        self.tabs.addTab(meetings_page, _("Réunions"))

        follow_page = QWidget()
        follow_layout = QVBoxLayout(follow_page)
        self.follow_model = FollowUpsModel()
        self.follow_proxy = FilterProxy()
        self.follow_proxy.setSourceModel(self.follow_model)
        self.follow_table = _table(self.follow_proxy, _("Suivis à faire"))
        self.follow_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.follow_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.follow_table.activated.connect(self._open_followup_meeting)
        follow_layout.addWidget(self.follow_table, 1)
        follow_row = QHBoxLayout()
        self.done_button = QPushButton(_("Marquer comme &fait"))
        self.done_button.setToolTip(_("Espace"))
        self.done_button.clicked.connect(self.mark_done)
        follow_row.addWidget(self.done_button)
        follow_hint = QLabel(_("Entrée ouvre la réunion où le suivi a été décidé."))
        style_role(follow_hint, "explanation")
        follow_row.addWidget(follow_hint, 1)
        follow_layout.addLayout(follow_row)
        self.tabs.addTab(follow_page, _("Suivis à faire"))
        layout.addWidget(self.tabs, 1)

        self.search.textChanged.connect(self.proxy.set_needle)
        self.type_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.year_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        shortcut(self.follow_table, "Space", self.mark_done)
        self._fill_filters()

    def _fill_filters(self) -> None:
        for combo in (self.type_filter, self.year_filter):
            combo.blockSignals(True)
        current_type = self.type_filter.currentData()
        current_year = self.year_filter.currentData()
        self.type_filter.clear()
        self.type_filter.addItem(_("Tous les types"), "")
        for kind in mt.list_types(self.context.store):
            self.type_filter.addItem(kind.name, kind.id)
        self.type_filter.setCurrentIndex(max(0, self.type_filter.findData(current_type)))
        self.year_filter.clear()
        self.year_filter.addItem(_("Toutes"), 0)
        for year in mt.meeting_years(self.context.store):
            self.year_filter.addItem(str(year), year)
        self.year_filter.setCurrentIndex(max(0, self.year_filter.findData(current_year)))
        for combo in (self.type_filter, self.year_filter):
            combo.blockSignals(False)

    def refresh(self) -> None:
        store = self.context.store
        selected = self.selected_id()
        self.model.set_rows(mt.list_meetings(store, year=self.year_filter.currentData() or None,
                                             type_id=self.type_filter.currentData() or None))
        self.table.sortByColumn(self.table.horizontalHeader().sortIndicatorSection(),
                                self.table.horizontalHeader().sortIndicatorOrder())
        self.follow_model.set_rows(mt.open_followups(store))
        self.tabs.setTabText(1, _("Suivis à faire ({n})").format(n=len(self.follow_model.rows)))
        self.select_meeting(selected)

    def reload_filters(self) -> None:
        self._fill_filters()
        self.refresh()

    def selected_id(self) -> str:
        index = self.table.currentIndex()
        return str(self.proxy.data(index, ID_ROLE) or "") if index.isValid() else ""

    def select_meeting(self, meeting_id: str) -> None:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if self.proxy.data(index, ID_ROLE) == meeting_id or (not meeting_id and row == 0):
                self.table.setCurrentIndex(index)
                return

    def _open_index(self, index) -> None:  # type: ignore[no-untyped-def]
        meeting_id = self.proxy.data(index, ID_ROLE)
        if meeting_id:
            self.open_meeting.emit(str(meeting_id))

    def _selected_followup(self) -> mt.FollowUp | None:
        index = self.follow_table.currentIndex()
        if not index.isValid():
            return None
        fid = self.follow_proxy.data(index, ID_ROLE)
        return next((f for f in self.follow_model.rows if f.id == fid), None)

    def _open_followup_meeting(self, _index) -> None:  # type: ignore[no-untyped-def]
        f = self._selected_followup()
        if f is not None:
            self.open_meeting.emit(f.meeting_id)

    def mark_done(self) -> None:
        f = self._selected_followup()
        if f is None:
            return
        row = self.follow_table.currentIndex().row()
        mt.set_done(self.context.store, f.id, dt.date.today())
        self.context.status_message.emit(_("Suivi fait : {text}").format(text=f.text))
        self.refresh()
        if self.follow_proxy.rowCount():
            self.follow_table.setCurrentIndex(self.follow_proxy.index(min(row, self.follow_proxy.rowCount() - 1), 0))

    def focus_search(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.search.setFocus()
        self.search.selectAll()

    def focus_table(self) -> None:
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
