"""Developer tool: extract strings and keep the catalogs up to date (uses Babel).

    python -m entraide_desktop.i18n_tools update
    python -m entraide_desktop.i18n_tools check
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

from . import __version__
from .i18n import DOMAIN, catalog_dir

KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2)}
LANGS = {"fr_CA": "nplurals=2; plural=(n > 1);", "en_CA": "nplurals=2; plural=(n != 1);"}


def extract() -> Catalog:
    root = Path(__file__).resolve().parent
    catalog = Catalog(project="Entraide", version=__version__, copyright_holder="Entraide", domain=DOMAIN, charset="utf-8")
    for filename, lineno, message, comments, context in extract_from_dir(
        str(root), method_map=[("**.py", "python")], keywords=KEYWORDS, comment_tags=("TRANSLATORS:",)
    ):
        if message:
            catalog.add(message, None, [(f"entraide_desktop/{filename}", lineno)], auto_comments=comments, context=context)
    return catalog


PARTS = (("entraide_desktop/ui/", "ui.po"), ("entraide_desktop/data/", "data.po"),
         ("entraide_desktop/demo/", "data.po"), ("entraide_desktop/i18n", "data.po"))
DEFAULT_PART = "commands-documents.po"
"""The English catalog is split by where strings live, so several people can translate at once."""


def _part_for(message) -> str:  # type: ignore[no-untyped-def]
    location = message.locations[0][0] if message.locations else ""
    return next((part for prefix, part in PARTS if location.startswith(prefix)), DEFAULT_PART)


def _write(po: Path, catalog: Catalog, plural: str) -> None:
    catalog.project, catalog.version, catalog.fuzzy = "Entraide", __version__, False
    catalog.copyright_holder = "Entraide"
    catalog.language_team = "Entraide"
    catalog._num_plurals, catalog._plural_expr = 2, plural.split("plural=")[1].rstrip(";")  # noqa: SLF001
    with open(po, "wb") as fh:
        write_po(fh, catalog, width=100, ignore_obsolete=True)


def update() -> None:
    """Extract messages.pot; keep every English translation (in its part), add new strings to the
    part where they live, drop strings no longer in the code; the French catalog keeps the plural rule."""
    template = extract()
    folder = catalog_dir()
    with open(folder / "messages.pot", "wb") as fh:
        write_po(fh, template, width=100, omit_header=False)
    english = read_catalogs("en_CA")
    parts: dict[str, Catalog] = {}
    for message in template:
        if not message.id:
            continue
        name = _part_for(message)
        part = parts.setdefault(name, Catalog(locale="en_CA", domain=DOMAIN, charset="utf-8"))
        known = english.get(message.id, message.context)
        part.add(message.id, known.string if known else None, message.locations,
                 auto_comments=message.auto_comments, flags=message.flags, context=message.context)
    en_dir = folder / "en_CA" / "LC_MESSAGES"
    en_dir.mkdir(parents=True, exist_ok=True)
    for old in en_dir.glob("*.po"):
        if old.name not in parts:
            old.unlink()
    for name, catalog in parts.items():
        _write(en_dir / name, catalog, LANGS["en_CA"])
    fr = folder / "fr_CA" / "LC_MESSAGES" / f"{DOMAIN}.po"
    fr.parent.mkdir(parents=True, exist_ok=True)
    _write(fr, Catalog(locale="fr_CA", domain=DOMAIN, charset="utf-8"), LANGS["fr_CA"])
    print(f"{len(template)} chaînes extraites")


def read_catalogs(lang: str) -> Catalog:
    """Every ``.po`` file of a language, merged (as the app merges them at start)."""
    merged = Catalog(locale=lang, domain=DOMAIN)
    for po in sorted((catalog_dir() / lang / "LC_MESSAGES").glob("*.po")):
        with open(po, "rb") as fh:
            for message in read_po(fh, locale=lang):
                if message.id and (message.string if isinstance(message.string, str) else any(message.string)):
                    merged[message.id] = message
    return merged


def missing(lang: str = "en_CA") -> list[str]:
    template = extract()
    catalog = read_catalogs(lang)
    found = []
    for message in template:
        if not message.id:
            continue
        translated = catalog.get(message.id, message.context)
        text = translated.string if translated else None
        if not text or (isinstance(text, tuple) and not all(text)):
            found.append(message.id if isinstance(message.id, str) else message.id[0])
    return found


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "update"
    if command == "update":
        update()
    elif command == "check":
        absent = missing()
        for text in absent:
            print(text)
        print(f"{len(absent)} chaînes sans traduction anglaise")
        sys.exit(1 if absent else 0)
