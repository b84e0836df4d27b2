"""Text helpers shared by the data modules (no Qt)."""

from __future__ import annotations

import unicodedata

_COMMON_MARKS = dict.fromkeys(c for c in range(0x0300, 0x0370) if unicodedata.combining(chr(c)))
"""The combining diacritical marks (accents, cedilla, diaeresis…) of their block, removed in one pass."""


def fold(text: str) -> str:
    """Lower-case, accent-free form for searching: ``Hélène Côté`` → ``helene cote``.

    Plain ASCII is only lower-cased; otherwise the marks of the common block go in one C-level
    pass and the rare others one character at a time (same result as checking every character).
    """
    if text.isascii():
        return text.lower()
    stripped = unicodedata.normalize("NFKD", text.casefold()).translate(_COMMON_MARKS)
    if stripped.isascii():
        return stripped
    return "".join(ch for ch in stripped if not unicodedata.combining(ch))
