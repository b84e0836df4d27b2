"""The Trésorerie screen: the journal, the bank reconciliation, the budget and the financial statements."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from ...i18n import _
from ..context import AppContext
from ..kit import LazyTabs
from .bank_tab import BankTab
from .budget_tab import BudgetTab
from .entry_dialog import AREA
from .journal_tab import JournalTab
from .statements_tab import StatementsTab

REFRESH_ON = (AREA, "members", "group", "*")


class TreasuryPage(QWidget):
    """Four tabs; a change refreshes the tab shown at once and the others when they are shown."""

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(_("Sections de la trésorerie"))
        self.journal = JournalTab(context)
        self.bank = BankTab(context)
        self.budget = BudgetTab(context)
        self.statements = StatementsTab(context)
        self.tabs.addTab(self.journal, _("&Journal"))
        self.tabs.addTab(self.bank, _("&Rapprochement bancaire"))
        self.tabs.addTab(self.budget, _("&Budget et suivi"))
        self.tabs.addTab(self.statements, _("É&tats financiers"))
        layout.addWidget(self.tabs)
        self.lazy = LazyTabs(self.tabs, fresh=(self.journal,))
        context.data_changed.connect(lambda area: area in REFRESH_ON and self.lazy.mark_all_stale())
        self.journal.refresh()

    def activated(self) -> None:
        self.lazy.refresh_current()

    def focus_search(self) -> None:
        self.tabs.setCurrentWidget(self.journal)
        self.journal.search.setFocus()
