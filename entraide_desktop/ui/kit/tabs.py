"""Lazily refreshed tabs and the labelled chooser, shared by several screens.

- :class:`LazyTabs`: a page's tabs refreshed lazily — a change marks every tab stale, only the
  tab shown is refreshed now, the others when they are shown (pages open and react quickly).
- :class:`TabbedPage`: a screen made of such tabs (the treasury, the responsibilities).
- :func:`labelled_combo`: « Label : [choice] » at the top of a tab, with its mnemonic and
  accessible name (the exercice choosers of the treasury, for instance).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from ..context import AppContext


class LazyTabs:
    def __init__(self, tabs: QTabWidget, *, fresh: tuple[QWidget, ...] = ()) -> None:
        """``fresh``: tabs already filled (the others fill themselves when first shown)."""
        self.tabs = tabs
        self._stale: set[QWidget] = {tabs.widget(i) for i in range(tabs.count())} - set(fresh)
        tabs.currentChanged.connect(lambda _index: self.refresh_current())

    def mark_all_stale(self) -> None:
        """Something changed: refresh the tab shown now, the others when they are shown."""
        self._stale = {self.tabs.widget(i) for i in range(self.tabs.count())}
        self.refresh_current()

    def refresh_current(self) -> None:
        tab = self.tabs.currentWidget()
        if tab in self._stale:
            self._stale.discard(tab)
            tab.refresh()  # type: ignore[attr-defined]


class TabbedPage(QWidget):
    """A screen made of tabs ``(widget, label, tooltip)``: the first is filled at once, the others
    when first shown; a change in one of the areas ``refresh_on`` refreshes the tab shown now and
    the others when they are shown."""

    def __init__(self, context: AppContext, accessible_name: str, tabs: Sequence[tuple[QWidget, str, str]],
                 refresh_on: tuple[str, ...]) -> None:
        super().__init__()
        self.context = context
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(accessible_name)
        for index, (widget, label, tip) in enumerate(tabs):
            self.tabs.addTab(widget, label)
            if tip:
                self.tabs.setTabToolTip(index, tip)
        layout.addWidget(self.tabs)
        self.lazy = LazyTabs(self.tabs, fresh=(tabs[0][0],))
        context.data_changed.connect(lambda area: area in refresh_on and self.lazy.mark_all_stale())

    def activated(self) -> None:
        self.lazy.refresh_current()


def labelled_combo(label: str, accessible_name: str) -> tuple[QHBoxLayout, QComboBox]:
    """A row « label [combo] » (the label's mnemonic focuses the combo), stretched to the left."""
    combo = QComboBox()
    combo.setAccessibleName(accessible_name)
    buddy = QLabel(label)
    buddy.setBuddy(combo)
    row = QHBoxLayout()
    row.addWidget(buddy)
    row.addWidget(combo)
    row.addStretch(1)
    return row, combo
