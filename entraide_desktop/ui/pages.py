"""The screens of the main window, in navigation order.

Each area owns one module exposing a ``QWidget`` subclass whose constructor takes the
:class:`~entraide_desktop.ui.context.AppContext`. Optional methods the main window calls:
``activated()`` when the page is shown, ``show_item(target_id)`` to open one record,
``focus_search()`` for Ctrl+F. Pages are built the first time they are shown.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from ..i18n import N_
from .context import AppContext


@dataclass(frozen=True)
class PageInfo:
    key: str
    title: str  # N_-marked, translated when shown
    icon: str
    factory: str  # "module:Class"
    description: str  # N_-marked, shown as the navigation item's tooltip and accessible description


PAGES: tuple[PageInfo, ...] = (
    PageInfo("home", N_("Accueil"), "home", "entraide_desktop.ui.home:HomePage",
             N_("Les activités du jour et ce qu'il y a à faire")),
    PageInfo("members", N_("Membres"), "members", "entraide_desktop.ui.members:MembersPage",
             N_("Le registre des membres, leurs consentements et leurs adhésions")),
    PageInfo("calendar", N_("Calendrier"), "calendar", "entraide_desktop.ui.calendar:CalendarPage",
             N_("Le calendrier des activités")),
    PageInfo("responsibilities", N_("Responsabilités"), "responsibilities",
             "entraide_desktop.ui.responsibilities:ResponsibilitiesPage",
             N_("Les tâches, les rôles et les mandats partagés")),
    PageInfo("meetings", N_("Réunions"), "meetings", "entraide_desktop.ui.meetings:MeetingsPage",
             N_("Les assemblées, le conseil, les comités et leurs procès-verbaux")),
    PageInfo("treasury", N_("Trésorerie"), "treasury", "entraide_desktop.ui.treasury:TreasuryPage",
             N_("Les comptes, les revenus et les dépenses, le budget et les états financiers")),
    PageInfo("sync", N_("Synchronisation"), "sync", "entraide_desktop.ui.sync:SyncPage",
             N_("Échanger les données avec les autres postes du groupe")),
    PageInfo("backups", N_("Sauvegardes"), "backups", "entraide_desktop.ui.backups:BackupsPage",
             N_("Les copies de sécurité de la base de données")),
)


def build_page(info: PageInfo, context: AppContext) -> QWidget:
    module_name, _sep, class_name = info.factory.partition(":")
    module = importlib.import_module(module_name)
    return getattr(module, class_name)(context)
