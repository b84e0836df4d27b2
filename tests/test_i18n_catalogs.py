"""The catalogs keep up with the code: every string has an English translation, placeholders and
plural forms are right, and the French catalog carries the French plural rule.

No Qt here: the strings are extracted from the source with Babel, as ``i18n_tools check`` does.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po

from entraide_desktop.i18n import catalog_dir
from entraide_desktop.i18n_tools import extract, missing, read_catalogs

# ``{name}``, ``{n:>3}``, ``%(x)s``, ``%s``/``%d``: what .format() or % fills in.
_PLACEHOLDER = re.compile(r"\{[^{}]*\}|%\([^)]+\)[sdif]|%[sdif]")


@lru_cache(maxsize=1)
def _template() -> Catalog:
    return extract()


@lru_cache(maxsize=1)
def _english() -> Catalog:
    return read_catalogs("en_CA")


def _english_messages() -> list[Message]:
    return [m for m in _english() if m.id]


def _placeholders(text: str) -> list[str]:
    return sorted(_PLACEHOLDER.findall(text))


def _first(msgid: str | tuple[str, ...]) -> str:
    return msgid if isinstance(msgid, str) else msgid[0]


def test_every_string_of_the_code_has_an_english_translation():
    absent = missing("en_CA")
    assert not absent, f"{len(absent)} strings without an English translation, e.g.: {absent[:15]}"


def test_the_check_sees_a_string_that_is_not_translated(monkeypatch):
    """``missing`` really compares the code with the catalogs (a new string is reported)."""
    import entraide_desktop.i18n_tools as tools

    template = Catalog(locale=None)
    template.add("Une phrase ajoutée au code sans traduction")
    template.add(("{n} fiche", "{n} fiches"))
    monkeypatch.setattr(tools, "extract", lambda: template)
    assert missing("en_CA") == ["Une phrase ajoutée au code sans traduction", "{n} fiche"]


def test_translations_keep_the_placeholders_of_their_msgid():
    wrong = []
    for message in _english_messages():
        ids = [message.id] if isinstance(message.id, str) else list(message.id)
        strings = [message.string] if isinstance(message.string, str) else list(message.string)
        for index, text in enumerate(strings):
            if not text:
                continue
            # msgstr[0] answers the singular msgid, the other forms the plural one.
            source = ids[min(index, len(ids) - 1)]
            if _placeholders(text) != _placeholders(source) and not (
                len(ids) > 1 and _placeholders(text) == _placeholders(ids[0])
            ):
                wrong.append(f"{source!r} → {text!r}")
    assert not wrong, "placeholders differ:\n" + "\n".join(wrong)


def test_plural_entries_have_every_form():
    english = _english()
    assert english.num_plurals == 2
    incomplete = [
        _first(m.id) for m in _english_messages()
        if isinstance(m.id, tuple) and (not isinstance(m.string, tuple) or len(m.string) != 2 or not all(m.string))
    ]
    assert not incomplete, f"plural entries without both English forms: {incomplete}"
    # Every plural string of the code is a plural entry of the catalog (not a single form).
    single = [
        _first(m.id) for m in _template()
        if isinstance(m.id, tuple) and (found := english.get(m.id[0], m.context)) is not None
        and not isinstance(found.id, tuple)
    ]
    assert not single, f"plural strings of the code stored as singular entries: {single}"


def test_no_translation_is_fuzzy_and_every_part_declares_english():
    for po in sorted((catalog_dir() / "en_CA" / "LC_MESSAGES").glob("*.po")):
        with po.open("rb") as fh:
            catalog = read_po(fh, locale="en_CA")
        fuzzy = [_first(m.id) for m in catalog if m.id and m.fuzzy]
        assert not fuzzy, f"{po.name}: fuzzy entries are not used by the app: {fuzzy[:10]}"
        assert str(catalog.locale) == "en_CA", po.name
        assert catalog.plural_expr == "(n != 1)", po.name


def test_french_catalog_declares_the_french_plural_rule():
    with (catalog_dir() / "fr_CA" / "LC_MESSAGES" / "entraide.po").open("rb") as fh:
        french = read_po(fh, locale="fr_CA")
    assert french.num_plurals == 2
    assert french.plural_expr.replace(" ", "") == "(n>1)"
    assert "nplurals=2; plural=(n > 1);" in french.plural_forms


@pytest.mark.parametrize(("n", "expected"), [(0, "{n} fiche"), (1, "{n} fiche"), (2, "{n} fiches")])
def test_french_plural_rule_in_use(tmp_path, n, expected):
    """0 and 1 are singular in French, the catalog's rule included (0 is plural in English)."""
    from entraide_desktop import i18n

    try:
        i18n.set_language("fr", tmp_path)
        assert i18n.ngettext("{n} fiche", "{n} fiches", n) == expected
        i18n.set_language("en", tmp_path)
        assert i18n.ngettext("{n} fiche", "{n} fiches", n) == ("{n} fiche" if n == 1 else "{n} fiches")
    finally:
        i18n.set_language("fr", tmp_path)
