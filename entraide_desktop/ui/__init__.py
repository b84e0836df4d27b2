"""Qt widgets of Entraide. No SQL here: screens call data/ and documents/ functions."""

from .. import _none_guard  # noqa: F401  (PySide6 6.12 on Python 3.11, see the module)
