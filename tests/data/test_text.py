"""Accent-blind folding: fast paths give exactly the careful result."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from entraide_desktop.data.text import fold


def reference(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def test_quebec_names_fold_without_accents():
    assert fold("Hélène CÔTÉ-Tremblay") == "helene cote-tremblay"
    assert fold("François Lefèbvre, Noël Bœuf") == "francois lefebvre, noel bœuf"
    assert fold("Straße") == "strasse"
    assert fold("ＡＢＣ") == "abc"  # full-width letters, as pasted from some spreadsheets
    assert fold("n\u0303a\u20d7") == "na"  # a mark outside the common block
    assert fold("a\u034fb") == "a\u034fb"  # the grapheme joiner is not an accent: kept


@pytest.mark.slow  # 3000 random texts: seconds; the next test covers every character of the basic plane
@settings(max_examples=3000, derandomize=True, deadline=None)
@given(st.text())
def test_fold_is_the_reference_for_any_text(text):
    assert fold(text) == reference(text)


def test_fold_is_the_reference_for_every_character_of_the_basic_plane():
    for start in range(0, 0x10000, 0x400):
        text = "".join(chr(c) for c in range(start, start + 0x400) if not 0xD800 <= c < 0xE000)
        assert fold(text) == reference(text), hex(start)
