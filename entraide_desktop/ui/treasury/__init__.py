"""The Trésorerie screen: the journal, the bank reconciliation, the budget and the financial statements."""

from __future__ import annotations

from ...i18n import _
from ..context import AppContext
from ..kit import TabbedPage
from .bank_tab import BankTab
from .budget_tab import BudgetTab
from .entry_dialog import AREA
from .journal_tab import JournalTab
from .statements_tab import StatementsTab

REFRESH_ON = (AREA, "members", "group", "*")


class TreasuryPage(TabbedPage):
    """Four tabs; a change refreshes the tab shown at once and the others when they are shown."""

    def __init__(self, context: AppContext) -> None:
        self.journal = JournalTab(context)
        self.bank = BankTab(context)
        self.budget = BudgetTab(context)
        self.statements = StatementsTab(context)
        super().__init__(context, _("Sections de la trésorerie"), (
            (self.journal, _("&Journal"), ""),
            (self.bank, _("&Rapprochement bancaire"), ""),
            (self.budget, _("&Budget et suivi"), ""),
            (self.statements, _("É&tats financiers"), ""),
        ), REFRESH_ON)
        self.journal.refresh()

    def focus_search(self) -> None:
        self.tabs.setCurrentWidget(self.journal)
        self.journal.search.setFocus()
