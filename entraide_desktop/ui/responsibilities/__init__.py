"""The Responsabilités screen: who does what, mandates, people, and how responsibilities are spread."""

from __future__ import annotations

from ...data.responsibilities import catalogue
from ...data.errors import EntraideError
from ...i18n import _
from ..context import AppContext
from ..kit import TabbedPage
from .catalogue_tab import CatalogueTab
from .common import AREA
from .mandates_tab import MandatesTab
from .people_tab import PeopleTab
from .spread_tab import SpreadTab

REFRESH_ON = (AREA, "members", "calendar", "group", "*")  # "group": the exercice may have changed


class ResponsibilitiesPage(TabbedPage):
    """Four tabs; a data change refreshes the current tab at once and the others when they are shown."""

    def __init__(self, context: AppContext) -> None:
        self.catalogue = CatalogueTab(context)
        self.mandates = MandatesTab(context)
        self.people = PeopleTab(context)
        self.spread = SpreadTab(context)
        super().__init__(context, _("Sections des responsabilités"), (
            (self.catalogue, _("&Qui fait quoi"),
             _("Les tâches, les rôles et les mandats, et qui les tient cette semaine")),
            (self.mandates, _("Ma&ndats"), _("Les sièges élus ou désignés, et la fin des mandats")),
            (self.people, _("Personnes et disponibilités"),
             _("Les responsabilités de chaque personne, ses absences, et qui n'en a jamais pris")),
            (self.spread, _("&Répartition de l'année"),
             _("Comment les responsabilités de l'année sont partagées : chiffres, graphiques, PDF pour l'AGA")),
        ), REFRESH_ON)
        self.mandates.show_history.connect(self.show_item)

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
