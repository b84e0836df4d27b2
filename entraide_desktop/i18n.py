"""Translations and locale formatting: the one place that defines ``_``, ``N_`` and ``ngettext``.

Source strings are written in Quebec French, the primary language of everything on screen.
Catalogs live in ``i18n/<lang>/LC_MESSAGES/*.po`` (several files per language are merged, so
that each area can own its file); they are compiled to ``.mo`` in the cache folder at start
when the ``.po`` files are newer, so no compiled file is committed. The fr_CA catalog carries
the French plural rule (0 and 1 are singular); the English one carries the translations.
"""

from __future__ import annotations

import datetime as dt
import gettext
import os
import sys
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path

from babel import Locale, dates, numbers

LANGUAGES = {"fr": "fr_CA", "en": "en_CA"}
DEFAULT_LANGUAGE = "fr"
DOMAIN = "entraide"

class _FrenchSource(gettext.NullTranslations):
    """The source strings themselves, with the French plural rule (0 and 1 are singular)."""

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return msgid1 if n <= 1 else msgid2

    def npgettext(self, context: str, msgid1: str, msgid2: str, n: int) -> str:
        return msgid1 if n <= 1 else msgid2


_translations: gettext.NullTranslations = _FrenchSource()
_language = DEFAULT_LANGUAGE


def _(message: str) -> str:
    """Translate ``message`` into the current language."""
    return _translations.gettext(message)


def N_(message: str) -> str:
    """Mark ``message`` for extraction without translating it now (class-level labels)."""
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translations.ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    return _translations.pgettext(context, message)


def catalog_dir() -> Path:
    """Folder holding ``<lang>/LC_MESSAGES/*.po``: in a frozen app or beside the package."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "i18n"
    return Path(__file__).resolve().parent.parent / "i18n"


def _catalog_folder_for(language: str) -> str:
    return LANGUAGES.get(language, language)


def compile_catalog(language: str, cache_dir: Path) -> Path | None:
    """Merge and compile the ``.po`` files of ``language`` into ``cache_dir``; return the .mo path.

    Compiles only when a ``.po`` file is newer than the cached ``.mo``. Returns None when the
    language has no catalog.
    """
    src = catalog_dir() / _catalog_folder_for(language) / "LC_MESSAGES"
    po_files = sorted(src.glob("*.po")) if src.is_dir() else []
    if not po_files:
        return None
    target = cache_dir / "locale" / _catalog_folder_for(language) / "LC_MESSAGES" / f"{DOMAIN}.mo"
    newest = max(p.stat().st_mtime for p in po_files)
    if target.exists() and target.stat().st_mtime >= newest:
        return target
    # deferred: Babel's catalog tools only when a catalog is compiled
    from babel.messages.catalog import Catalog
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    merged: Catalog | None = None
    for po in po_files:
        with po.open("rb") as fh:
            cat = read_po(fh, locale=_catalog_folder_for(language))
        if merged is None:
            merged = cat
        else:
            for message in cat:
                if message.id and message.string and not message.fuzzy:
                    merged[message.id] = message
    assert merged is not None
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".tmp")
    with tmp.open("wb") as fh:
        write_mo(fh, merged, use_fuzzy=False)
    os.replace(tmp, target)
    return target


def set_language(language: str, cache_dir: Path | None = None) -> str:
    """Switch the current language ("fr" or "en"); returns the language actually set."""
    global _translations, _language
    if language not in LANGUAGES:
        language = DEFAULT_LANGUAGE
    mo: Path | None = None
    if cache_dir is not None:
        try:
            mo = compile_catalog(language, cache_dir)
        except (OSError, ValueError):
            mo = None
    source = _FrenchSource() if language == "fr" else gettext.NullTranslations()
    if mo is not None:
        with mo.open("rb") as fh:
            _translations = gettext.GNUTranslations(fh)
        _translations.add_fallback(source)
    else:
        _translations = source
    _language = language
    return language


def language() -> str:
    return _language


def locale() -> Locale:
    return Locale.parse(LANGUAGES[_language])


def locale_name() -> str:
    return LANGUAGES[_language]


# -- Formatting (Babel, current locale) -------------------------------------------------------


def format_date(value: dt.date, form: str = "full") -> str:
    """``lundi 23 novembre 2026`` (full), ``23 nov. 2026`` (medium), ``2026-11-23`` (short).

    In French the first of the month is written « 1er » (« mardi 1er décembre 2026 »).
    """
    text = dates.format_date(value, form, locale=locale_name())
    return _first_of_month(text, value) if form in ("full", "long", "medium") else text


def _first_of_month(text: str, value: dt.date) -> str:
    """« 1er » for the first of the month in French, wherever the day is written before the month."""
    if _language != "fr" or value.day != 1:
        return text
    return text.replace(" 1 ", " 1er ", 1) if not text.startswith("1 ") else "1er " + text[2:]


def format_time(value: dt.time | dt.datetime) -> str:
    """The time as people write it: « 9 h », « 9 h 30 », « 19 h 30 » in Quebec French (24-hour,
    no leading zero, no « 00 » minutes); the locale's short form otherwise (``7:30 p.m.``)."""
    if _language == "fr":
        return f"{value.hour} h" + (f" {value.minute:02d}" if value.minute else "")
    return dates.format_time(value, "short", locale=locale_name())


def format_datetime(value: dt.datetime, form: str = "full") -> str:
    """``lundi 23 novembre 2026, 19 h 30``."""
    return _("{date}, {time}").format(date=format_date(value.date(), form), time=format_time(value))


def format_month(value: dt.date) -> str:
    """``novembre 2026``."""
    return dates.format_skeleton("yMMMM", value, locale=locale_name())


def format_skeleton(skeleton: str, value: dt.date | dt.datetime) -> str:
    text = dates.format_skeleton(skeleton, value, locale=locale_name())
    return _first_of_month(text, value) if "d" in skeleton and "M" in skeleton else text


def format_number(value: int | float | Decimal) -> str:
    return numbers.format_decimal(value, locale=locale_name())


def format_percent(value: float) -> str:
    return numbers.format_percent(value, locale=locale_name())


def format_money(value: float | Decimal) -> str:
    return numbers.format_currency(value, "CAD", locale=locale_name())


def first_week_day() -> int:
    """First day of the week in the locale, 0 = Monday … 6 = Sunday (Sunday in fr_CA)."""
    return locale().first_week_day


def day_names(width: str = "wide") -> list[str]:
    """Week day names Monday first (0 = Monday), as the locale writes them."""
    names = dates.get_day_names(width, locale=locale_name())
    return [names[i] for i in range(7)]


def join_list(items: Iterable[str]) -> str:
    """``Ana, Luc et Marie``."""
    # deferred: Babel's list patterns, off the start-up path
    from babel.lists import format_list

    items = list(items)
    return format_list(items, locale=locale_name()) if items else ""
