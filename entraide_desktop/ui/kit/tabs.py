"""Lazily refreshed tabs and the labelled chooser, shared by several screens.

- :class:`LazyTabs`: a page's tabs refreshed lazily — a change marks every tab stale, only the
  tab shown is refreshed now, the others when they are shown (pages open and react quickly).
- :func:`labelled_combo`: « Label : [choice] » at the top of a tab, with its mnemonic and
  accessible name (the exercice choosers of the treasury, for instance).
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QTabWidget, QWidget


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
