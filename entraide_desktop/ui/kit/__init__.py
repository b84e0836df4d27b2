"""Small widgets every screen shares, written once so that they look and behave the same everywhere.

- :mod:`.dates`: the date field with its calendar, and QDate conversions;
- :mod:`.tabs`: lazily refreshed tabs, a screen made of them, the labelled chooser at the top of a tab;
- :mod:`.forms`: a labelled form filled row by row (label, mnemonic, accessible name, help).
"""

from .tabs import LazyTabs, TabbedPage, labelled_combo  # noqa: F401  (re-exported)
