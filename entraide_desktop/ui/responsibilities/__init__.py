"""The Responsabilités screen: who does what, mandates, people, and how responsibilities are spread."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from ...data.responsibilities import catalogue
from ...data.errors import EntraideError
from ...i18n import _
from ..context import AppContext
from ..kit import LazyTabs
from .catalogue_tab import CatalogueTab
from .common import AREA
from .mandates_tab import MandatesTab
from .people_tab import PeopleTab
from .spread_tab import SpreadTab

REFRESH_ON = (AREA, "members", "calendar", "group", "*")  # "group": the exercice may have changed


class ResponsibilitiesPage(QWidget):
    """Four tabs; a data change refreshes the current tab at once and the others when they are shown."""

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(_("Sections des responsabilités"))
        self.catalogue = CatalogueTab(context)
        self.mandates = MandatesTab(context)
        self.people = PeopleTab(context)
        self.spread = SpreadTab(context)
        self.tabs.addTab(self.catalogue, _("&Qui fait quoi"))
        self.tabs.addTab(self.mandates, _("Ma&ndats"))
        self.tabs.addTab(self.people, _("Personnes et disponibilités"))
        self.tabs.addTab(self.spread, _("&Répartition de l'année"))
        for index, tip in enumerate((
            _("Les tâches, les rôles et les mandats, et qui les tient cette semaine"),
            _("Les sièges élus ou désignés, et la fin des mandats"),
            _("Les responsabilités de chaque personne, ses absences, et qui n'en a jamais pris"),
            _("Comment les responsabilités de l'année sont partagées : chiffres, graphiques, PDF pour l'AGA"),
        )):
            self.tabs.setTabToolTip(index, tip)
        layout.addWidget(self.tabs)
        # Tabs fill themselves when first shown (the catalogue at once): the page opens quickly.
        self.lazy = LazyTabs(self.tabs, fresh=(self.catalogue,))
        self.mandates.show_history.connect(self.show_item)
        context.data_changed.connect(lambda area: area in REFRESH_ON and self.lazy.mark_all_stale())

    def activated(self) -> None:
        self.lazy.refresh_current()

    def show_item(self, target_id: str) -> None:
        """Open a responsibility (from a home-page reminder or the mandates tab) in « Qui fait quoi »."""
        try:
            catalogue.get_responsibility(self.context.store, target_id)
        except EntraideError:
            return
        self.tabs.setCurrentWidget(self.catalogue)
        self.lazy.refresh_current()
        if not self.catalogue.select_responsibility(target_id):
            self.catalogue.show_archived.setChecked(True)
            self.catalogue.select_responsibility(target_id)

    def focus_search(self) -> None:
        self.tabs.setCurrentWidget(self.people)
        self.people.focus_search()
