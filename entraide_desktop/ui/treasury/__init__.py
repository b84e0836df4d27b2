"""The Trésorerie screen: the journal, the bank reconciliation, the budget and the financial statements."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from ...data.treasury.chart import install_starting_chart
from ...i18n import _
from ..context import AppContext
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
        install_starting_chart(context.store)  # the same rows on every machine: seeding twice adds nothing
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
        self._stale: set[QWidget] = {self.bank, self.budget, self.statements}
        self.tabs.currentChanged.connect(lambda _i: self._refresh_current())
        context.data_changed.connect(self._on_data_changed)
        self.journal.refresh()

    def _on_data_changed(self, area: str) -> None:
        if area in REFRESH_ON:
            self._stale = {self.journal, self.bank, self.budget, self.statements}
            self._refresh_current()

    def _refresh_current(self) -> None:
        tab = self.tabs.currentWidget()
        if tab in self._stale:
            self._stale.discard(tab)
            tab.refresh()

    def activated(self) -> None:
        self._refresh_current()

    def focus_search(self) -> None:
        self.tabs.setCurrentWidget(self.journal)
        self.journal.search.setFocus()
