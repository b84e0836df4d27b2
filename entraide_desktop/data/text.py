"""Text helpers shared by the data modules (no Qt)."""

from __future__ import annotations

import unicodedata

_COMMON_MARKS = dict.fromkeys(range(0x0300, 0x0370))
"""The combining diacritical marks block (accents, cedilla, diaeresis…), removed in one pass."""


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
