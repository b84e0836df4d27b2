"""« Qui fait quoi »: every task, role and mandate with who holds it this week, and the chosen one in full."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...data.responsibilities import assignments, catalogue
from ...data.responsibilities.mandates import week_bounds
from ...i18n import _, join_list
from ..context import AppContext
from .common import paragraph
from .detail import DetailPanel
from .edit_dialog import ResponsibilityDialog

ID_ROLE = Qt.ItemDataRole.UserRole


class CatalogueTab(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.new_button = QPushButton(_("N&ouvelle responsabilité…"))
        self.install_button = QPushButton(_("&Installer le catalogue de départ"))
        self.install_button.setToolTip(_("Ajoute les tâches, rôles et mandats habituels d'un groupe d'entraide, "
                                         "que vous pourrez modifier"))
        self.show_archived = QCheckBox(_("Afficher &les archivées"))
        top.addWidget(self.new_button)
        top.addWidget(self.install_button)
        top.addStretch(1)
        top.addWidget(self.show_archived)
        layout.addLayout(top)
        self.empty = paragraph(_(
            "Aucune responsabilité pour l'instant. Le catalogue de départ propose les tâches habituelles (ouvrir "
            "le local, préparer le café, animer le groupe de discussion…), le comité des membres et les sièges du "
            "conseil d'administration, avec une note de passation pour chacune."))
        layout.addWidget(self.empty)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([_("Responsabilité"), _("Cette semaine")])
        self.tree.setAccessibleName(_("Tâches, rôles et mandats, et qui les tient cette semaine"))
        self.tree.setRootIsDecorated(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setWordWrap(True)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.tree.header().setStretchLastSection(True)
        splitter.addWidget(self.tree)
        self.detail = DetailPanel(context)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.detail)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 5)
        em = self.fontMetrics().horizontalAdvance("M")
        splitter.setSizes([em * 40, em * 40])
        splitter.setChildrenCollapsible(False)
        layout.addWidget(splitter, 1)

        self.new_button.clicked.connect(self.new_responsibility)
        self.install_button.clicked.connect(self.install)
        self.show_archived.toggled.connect(lambda _on: self.refresh())
        self.tree.currentItemChanged.connect(lambda *_a: self._show_current())
        self.refresh()

    def refresh(self) -> None:
        keep = self.current_id()
        store = self.context.store
        today = dt.date.today()
        week = week_bounds(today)
        found = catalogue.list_responsibilities(store, include_archived=self.show_archived.isChecked())
        this_week = assignments.holders(store, *week)
        now = assignments.holders(store, today, today)
        self.install_button.setVisible(not any(r.code for r in catalogue.list_responsibilities(store, include_archived=True)))
        self.empty.setVisible(not found)
        self.tree.clear()
        heading_font = self.tree.font()
        heading_font.setBold(True)
        kind = None
        header: QTreeWidgetItem | None = None
        for r in found:
            if r.kind != kind:
                kind = r.kind
                header = QTreeWidgetItem([_(catalogue.KIND_HEADINGS[kind]), ""])
                header.setFlags(Qt.ItemFlag.ItemIsEnabled)
                header.setFont(0, heading_font)
                self.tree.addTopLevelItem(header)
            held = (this_week if r.kind == "task" else now).get(r.id, [])
            names = join_list(dict.fromkeys(a.person_name for a in held))
            if not names:
                names = "⚠ " + _("Personne") if r.kind == "task" and r.frequency == "weekly" else _("Personne")
            title = r.title + (" " + _("(archivée)") if r.archived else "")
            item = QTreeWidgetItem(["    " + title, names])
            item.setData(0, ID_ROLE, r.id)
            item.setToolTip(0, r.summary())
            item.setToolTip(1, names)
            self.tree.addTopLevelItem(item)
        self.tree.resizeColumnToContents(0)
        self.tree.setColumnWidth(0, min(self.tree.columnWidth(0) + 12, self.fontMetrics().horizontalAdvance("M") * 25))
        if keep and self.select_responsibility(keep):
            return
        first = next((self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())
                      if self.tree.topLevelItem(i).data(0, ID_ROLE)), None)
        if first is not None:
            self.tree.setCurrentItem(first)
        else:
            self.detail.show_responsibility(None)

    def current_id(self) -> str:
        item = self.tree.currentItem()
        return item.data(0, ID_ROLE) or "" if item is not None else ""

    def select_responsibility(self, responsibility_id: str) -> bool:
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item.data(0, ID_ROLE) == responsibility_id:
                self.tree.setCurrentItem(item)
                self._show_current()
                return True
        return False

    def _show_current(self) -> None:
        rid = self.current_id()
        if not rid:
            self.detail.show_responsibility(None)
            return
        self.detail.show_responsibility(catalogue.get_responsibility(self.context.store, rid))

    def new_responsibility(self) -> None:
        dialog = ResponsibilityDialog(self.context, None, self)
        if dialog.exec() and dialog.saved_id:
            self.select_responsibility(dialog.saved_id)

    def install(self) -> None:
        catalogue.install_starting_catalogue(self.context.store)
