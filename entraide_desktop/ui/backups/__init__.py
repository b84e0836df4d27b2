"""The Sauvegardes screen (filled by its own issue)."""

from __future__ import annotations

from ...i18n import _
from ..context import AppContext
from ..placeholder import PlaceholderPage


class BackupsPage(PlaceholderPage):
    def __init__(self, context: AppContext) -> None:
        super().__init__(_("Sauvegardes"), "")
        self.context = context
