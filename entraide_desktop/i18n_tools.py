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


def update() -> None:
    template = extract()
    folder = catalog_dir()
    with open(folder / "messages.pot", "wb") as fh:
        write_po(fh, template, width=100, omit_header=False)
    for lang, plural in LANGS.items():
        po = folder / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
        po.parent.mkdir(parents=True, exist_ok=True)
        if po.exists():
            with open(po, "rb") as fh:
                catalog = read_po(fh, locale=lang)
        else:
            catalog = Catalog(locale=lang, domain=DOMAIN, charset="utf-8")
        catalog.update(template, no_fuzzy_matching=True)
        catalog.project, catalog.version, catalog.fuzzy = "Entraide", __version__, False
        catalog.copyright_holder = "Entraide"
        catalog.language_team = "Entraide"
        catalog._num_plurals, catalog._plural_expr = 2, plural.split("plural=")[1].rstrip(";")  # noqa: SLF001
        with open(po, "wb") as fh:
            write_po(fh, catalog, width=100, ignore_obsolete=True)
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
