"""Every screen in English: no French source string left on screen, translated or not wrapped.

The same screens (every page of the main window and the main dialogs) are built twice over a
small group — once in French, once in English — and every text a person can see or hear is
read: labels, buttons, tabs, group boxes, table headers and cells, combo items, placeholders,
tooltips, window titles, accessible names and descriptions, menus. In English, a text must not:

* be a French ``msgid`` of the catalog (a string missing from the English catalog comes back as
  its French source);
* stay the same as in French while carrying words that are not English (a string that was never
  wrapped in ``_()`` does not change with the language);
* carry a French word (one from the French source strings, or with French accents) that no
  English translation uses — this catches unwrapped pieces glued to translated text.

The group's own data (names, titles, places, the types and agendas created with the group) is
taken out of each text first: it is the group's, not the interface's.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QSpinBox,
    QTabBar,
    QTextEdit,
    QWidget,
)

from entraide_desktop import i18n
from entraide_desktop.config import paths_for
from entraide_desktop.data import meetings as mt
from entraide_desktop.data import members
from entraide_desktop.data.calendar import activities as acts
from entraide_desktop.data import recurrence as rec
from entraide_desktop.data.calendar.activity_types import default_type_id, ensure_default_types
from entraide_desktop.data.connection import create_database
from entraide_desktop.data.responsibilities import assignments, catalogue
from entraide_desktop.data.sync import machines
from entraide_desktop.i18n_tools import extract, read_catalogs
from entraide_desktop.ui.context import AppContext
from entraide_desktop.ui.pages import PAGES
from entraide_desktop.ui.tasks import wait_for_tasks
from tests.conftest import PASSPHRASE

# The fixture's data: short, plainly not interface text.
GROUP, REGION, OPENER = "Groupe Zêta", "Région Oméga", "Zoé"
PEOPLE = ("Ana", "Luc", "Noé")
ACTIVITY, PLACE = "Rencontre Alpha", "Salle B"
RESPONSIBILITY = "Tâche Bêta"
MACHINE = "Kappa-1"  # not the host name, which could be any word

_WORD = re.compile(r"[^\W\d_]+")
_FRENCH_LETTERS = re.compile(r"[àâçéèêëîïôûùüÿœæ]", re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")
_STYLE = re.compile(r"<(style|head)[^>]*>.*?</\1>", re.DOTALL | re.IGNORECASE)
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")
# Language names are written in their own language in the language menu.
ALWAYS_FINE = {"français", "english", "ok"}


# -- the fixture group -------------------------------------------------------------------------


@pytest.fixture
def group(tmp_path: Path):
    """A group with three people, one weekly activity, one board meeting, one responsibility."""
    i18n.set_language("fr", tmp_path / "cache")
    paths = paths_for(tmp_path / "groupe" / "entraide.db")
    created = create_database(paths, group_name=GROUP, region=REGION, person=OPENER, passphrase=PASSPHRASE)
    store = created.store
    machines.set_machine_name(store, MACHINE)
    ids = {name: members.create_person(store, {"first_name": name, "roles": ["membre"]}) for name in PEOPLE}
    ensure_default_types(store)
    today = dt.date.today()
    start = dt.datetime.combine(today + dt.timedelta(days=1), dt.time(13, 30))
    activity = acts.create_activity(store, acts.ActivityInput(
        title=ACTIVITY, type_id=default_type_id("collective"), start=start, end=start + dt.timedelta(hours=2),
        recurrence=rec.Recurrence("weekly", count=8), place=PLACE, public=True,
    ))
    meeting = mt.create_meeting(store, mt.type_id("ca"), today, start_time="19:00")
    mt.mark_many(store, meeting, {ids["Ana"]: mt.PRESENT, ids["Luc"]: mt.EXCUSED})
    responsibility = catalogue.save_responsibility(store, {"kind": "task", "title": RESPONSIBILITY, "frequency": "weekly"})
    assignments.assign(store, assignments.Draft(responsibility, ids["Noé"], today, today + dt.timedelta(days=60)))
    yield {"store": store, "paths": paths, "people": ids, "activity": activity, "meeting": meeting,
           "responsibility": responsibility, "cache": tmp_path / "cache", "tmp": tmp_path}
    wait_for_tasks(20000)
    store.close()


def _data_values(store) -> list[str]:
    """Every text the group stores (names, titles, type names, usual agendas…), longest first."""
    values = {GROUP, REGION, OPENER, MACHINE}
    tables = [name for (name,) in store.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    for table in tables:
        for row in store.db.execute(f'SELECT * FROM "{table}"'):
            for value in row:
                if not isinstance(value, str) or not value.strip() or value.lstrip()[:1] in "[{":
                    continue
                if re.fullmatch(r"[a-z0-9_\-:.+@ ]+", value):  # codes, ids, dates
                    continue
                values.add(value.strip())
                values.update(line.strip(" -•\t") for line in value.splitlines() if line.strip(" -•\t"))
    return sorted((v for v in values if len(v) > 1), key=len, reverse=True)


# -- reading every text of a screen -----------------------------------------------------------


def _plain(text: str) -> str:
    if "<" in text and ">" in text:
        text = html.unescape(_TAG.sub(" ", _STYLE.sub(" ", text)))
    return " ".join(text.split())


def _columns(model, parent: QModelIndex) -> int:
    try:
        return model.columnCount(parent)
    except TypeError:  # a list model's columnCount is private in PySide: one column
        return 1


def _rows(model, parent: QModelIndex) -> int:
    if parent.isValid() and parent.model() is not model:
        return 0
    try:
        return model.rowCount(parent)
    except TypeError:
        return 0 if parent.isValid() else model.rowCount()


def _model_texts(view: QAbstractItemView) -> Iterator[str]:
    model = view.model()
    if model is None:
        return
    roles = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole)
    root = QModelIndex()
    for section in range(_columns(model, root)):
        for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            yield str(model.headerData(section, Qt.Orientation.Horizontal, role) or "")

    def walk(parent, depth: int) -> Iterator[str]:
        for row in range(min(_rows(model, parent), 200)):
            for column in range(_columns(model, parent)):
                index = model.index(row, column, parent)
                for role in roles:
                    value = model.data(index, role)
                    if isinstance(value, str):
                        yield value
                if column == 0 and depth < 3 and _rows(model, index):
                    yield from walk(index, depth + 1)

    yield from walk(root, 0)


def _widget_texts(widget: QWidget) -> Iterator[str]:
    yield widget.toolTip()
    yield widget.statusTip()
    yield widget.whatsThis()
    yield widget.accessibleName()
    yield widget.accessibleDescription()
    if widget.isWindow():
        yield widget.windowTitle()
    if isinstance(widget, QLabel):
        yield widget.text()
    elif isinstance(widget, QAbstractButton):
        yield widget.text()
    elif isinstance(widget, QGroupBox):
        yield widget.title()
    elif isinstance(widget, QTabBar):
        for i in range(widget.count()):
            yield widget.tabText(i)
            yield widget.tabToolTip(i)
            yield widget.tabWhatsThis(i)
    elif isinstance(widget, QComboBox):
        for i in range(widget.count()):
            yield widget.itemText(i)
            yield str(widget.itemData(i, Qt.ItemDataRole.ToolTipRole) or "")
        yield widget.placeholderText()
    elif isinstance(widget, QLineEdit):
        yield widget.placeholderText()
        yield widget.text()
    elif isinstance(widget, (QPlainTextEdit, QTextEdit)):
        yield widget.placeholderText()
        yield widget.toPlainText()
    elif isinstance(widget, QAbstractItemView):
        yield from _model_texts(widget)
    if isinstance(widget, QAbstractSpinBox):
        yield widget.specialValueText()
        yield widget.text()
        if isinstance(widget, QSpinBox):
            yield widget.prefix()
            yield widget.suffix()
    if isinstance(widget, QMenu):
        yield widget.title()
    for action in QWidget.actions(widget):
        yield from (action.text(), action.toolTip(), action.statusTip(), action.iconText())
        # A menu's title and actions are read as a child widget (QMenu above), not through
        # action.menu(): PySide6 6.8 invalidates the menu's wrapper when the action's is freed.


def _texts(root: QWidget) -> list[str]:
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if widget.objectName().startswith("qt_") and not isinstance(widget, QTabBar):
            continue
        for text in _widget_texts(widget):
            text = _plain(text or "")
            if text:
                found.append(text)
    return found


def _settle() -> None:
    app = QApplication.instance()
    for _ in range(3):
        wait_for_tasks(20000)
        app.processEvents()


# -- building every screen in one language ---------------------------------------------------


def _screens(qtbot, group, monkeypatch) -> dict[str, list[str]]:
    """{screen: texts} for every page (and their tabs and views) and the main dialogs."""
    from entraide_desktop.data import meetings
    from entraide_desktop.ui import help as help_module
    from entraide_desktop.ui.access_dialogs import AccessDialog, ChangePassphraseDialog, NewAccessDialog
    from entraide_desktop.ui.calendar.activity_dialog import ActivityDialog
    from entraide_desktop.ui.calendar.occurrence_dialog import OccurrenceDialog
    from entraide_desktop.ui.group_dialog import GroupDialog
    from entraide_desktop.ui.main_window import MainWindow
    from entraide_desktop.ui.meetings.dialogs import MeetingDialog
    from entraide_desktop.ui.members.person_dialog import PersonDialog
    from entraide_desktop.ui.preferences import PreferencesDialog
    from entraide_desktop.ui.setup_dialog import SetupDialog
    from entraide_desktop.ui.unlock_dialog import RecoveryDialog, UnlockDialog
    from entraide_desktop.data.calendar.expand import occurrences

    store, paths = group["store"], group["paths"]
    context = AppContext(store, paths)
    screens: dict[str, list[str]] = {}
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    _settle()
    screens["main window"] = _texts(window)
    for info in PAGES:
        window.show_page(info.key)
        _settle()
        page = window.page(info.key)
        screens[info.key] = _texts(window)
        if info.key == "members":
            window.show_page("members", group["people"]["Ana"])
            _settle()
            screens["members: a person chosen"] = _texts(page)
        elif info.key == "calendar":
            for view in ("month", "week", "agenda"):
                page.set_view(view, save=False)
                _settle()
                screens[f"calendar: {view}"] = _texts(page)
        elif info.key == "responsibilities":
            for index in range(page.tabs.count()):
                page.tabs.setCurrentIndex(index)
                _settle()
                screens[f"responsibilities: tab {index}"] = _texts(page)
            window.show_page("responsibilities", group["responsibility"])
            _settle()
            screens["responsibilities: one chosen"] = _texts(page)
        elif info.key == "meetings":
            window.show_page("meetings", group["meeting"])
            _settle()
            screens["meetings: the meeting"] = _texts(page)
            for number, tabs in enumerate(page.findChildren(QTabBar)):
                for index in range(tabs.count()):
                    tabs.setCurrentIndex(index)
                    _settle()
                    screens[f"meetings: tab bar {number}, tab {index}"] = _texts(page)

    def dialog(name: str, build: Callable[[], QWidget]) -> None:
        widget = build()
        qtbot.addWidget(widget)
        widget.show()
        _settle()
        screens[name] = _texts(widget)
        widget.close()

    occ = occurrences(store, dt.datetime.now() - dt.timedelta(days=1), dt.datetime.now() + dt.timedelta(days=30),
                      activity_ids={group["activity"]})[0]
    dialog("person form", lambda: PersonDialog(context, group["people"]["Ana"], window))
    dialog("new person form", lambda: PersonDialog(context, None, window))
    dialog("activity form", lambda: ActivityDialog(context, window, activity_id=group["activity"]))
    dialog("new activity form", lambda: ActivityDialog(context, window, day=dt.date.today()))
    dialog("occurrence details", lambda: OccurrenceDialog(context, occ.key, window))
    dialog("meeting details", lambda: MeetingDialog(context, meetings.get_meeting(store, group["meeting"]), window))
    dialog("new meeting", lambda: MeetingDialog(context, None, window))
    dialog("preferences", lambda: PreferencesDialog(context, window))
    dialog("group profile", lambda: GroupDialog(context, window))
    dialog("access", lambda: AccessDialog(context, window))
    dialog("add access", lambda: NewAccessDialog(context, window))
    dialog("change passphrase", lambda: ChangePassphraseDialog(context, window))
    dialog("unlock", lambda: UnlockDialog(paths, None, allow_consultation=True))
    dialog("recovery", lambda: RecoveryDialog(paths, None))
    dialog("setup", lambda: SetupDialog(paths_for(group["tmp"] / f"new-{i18n.language()}" / "entraide.db"), None))

    # The guide and the shortcuts open modal windows: read them instead of waiting on them.
    def read_instead_of_exec(self) -> int:
        screens[f"help window {len(screens)}"] = _texts(self)
        return 0

    monkeypatch.setattr(QDialog, "exec", read_instead_of_exec)
    help_module.show_help(window)
    help_module.show_shortcuts(window)
    monkeypatch.undo()
    window.close()
    _settle()
    return screens


def _build_in(language: str, qtbot, group, monkeypatch) -> dict[str, list[str]]:
    from entraide_desktop.ui.app import install_qt_translations

    app = QApplication.instance()
    previous_locale = QLocale()
    i18n.set_language(language, group["cache"])
    translators = install_qt_translations(app)
    try:
        return _screens(qtbot, group, monkeypatch)
    finally:
        for translator in translators:
            app.removeTranslator(translator)
        QLocale.setDefault(previous_locale)
        i18n.set_language("fr", group["cache"])


# -- judging the English texts -----------------------------------------------------------------


def _words(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text)]


def _strip_mnemonic(text: str) -> str:
    return re.sub(r"&(?!&)", "", text).replace("&&", "&")


class Judge:
    """Tells what is wrong with an English text (None when nothing is)."""

    def __init__(self, data_values: list[str], french_texts: set[str]) -> None:
        english = read_catalogs("en_CA")
        template = extract()
        self.data_values = data_values
        self.data_words = {w for value in data_values for w in _words(value)}
        self.data_set = set(data_values)
        self.english_texts: set[str] = set()
        self.french_texts = french_texts
        self.english_words: set[str] = set()
        self.french_words: set[str] = set()
        self.untranslated: set[str] = set()
        self.patterns: list[tuple[re.Pattern[str], str, int]] = []
        translations: dict[str, list[str]] = {}
        for message in english:
            if message.id:
                strings = [message.string] if isinstance(message.string, str) else list(message.string)
                translations[message.id if isinstance(message.id, str) else message.id[0]] = [s for s in strings if s]
                for text in strings:
                    self.english_words.update(_words(_PLACEHOLDER.sub(" ", _strip_mnemonic(text or ""))))
                    self.english_texts.add(_plain(_strip_mnemonic(text or "")))
        for message in template:
            if not message.id:
                continue
            for source in [message.id] if isinstance(message.id, str) else list(message.id):
                self.french_words.update(_words(_PLACEHOLDER.sub(" ", _strip_mnemonic(source))))
                translated = translations.get(message.id if isinstance(message.id, str) else message.id[0], [])
                if source in translated or not re.search(r"[^\W\d_]{3,}", _PLACEHOLDER.sub("", source)):
                    continue  # the same in English (« Entraide », « PDF (*.pdf) ») or no words of its own
                plain = _plain(_strip_mnemonic(source))
                self.untranslated.add(plain)
                if _PLACEHOLDER.search(source):
                    parts = _PLACEHOLDER.split(plain)
                    pattern = ".+?".join(re.escape(p) for p in parts)
                    letters = sum(len(w) for w in _WORD.findall("".join(parts)))
                    self.patterns.append((re.compile(f"^{pattern}$", re.DOTALL), source, letters))

    def residue(self, text: str) -> str:
        for value in self.data_values:
            if value in text:
                text = text.replace(value, " ")
        return text

    def verdict(self, text: str) -> str | None:
        plain = _strip_mnemonic(text)
        if plain in self.data_set:
            return None  # the group's own text (a name, a type, an agenda item created with the group)
        # A French source that is also an English translation (« Note », « Active ») is not a sign.
        if plain in self.untranslated and plain not in self.english_texts:
            return "French source string (not translated)"
        letters = sum(len(w) for w in _WORD.findall(plain))
        for pattern, source, own_letters in self.patterns:
            # The msgid's own words make up a good part of the text (« {shown} sur {total} » is not
            # every text with « sur » in it).
            if own_letters * 5 >= letters * 2 and pattern.match(plain):
                return f"French source string « {source} » (not translated)"
        residue = self.residue(plain)
        words = _words(residue)
        foreign = [w for w in words if w not in self.english_words and w not in self.data_words and w not in ALWAYS_FINE]
        if text in self.french_texts and any(len(w) > 1 for w in foreign):
            return f"the same in French, with words that are not English: {foreign}"
        french = [w for w in foreign if _FRENCH_LETTERS.search(w) or (len(w) > 1 and w in self.french_words)]
        if french:
            return f"French words: {french}"
        return None


def _problems(judge: Judge, english: dict[str, list[str]]) -> list[str]:
    problems = []
    seen = set()
    for screen, texts in english.items():
        for text in texts:
            if (screen, text) in seen:
                continue
            seen.add((screen, text))
            verdict = judge.verdict(text)
            if verdict:
                problems.append(f"{screen}: « {text[:120]} » — {verdict}")
    return problems


# -- the tests ---------------------------------------------------------------------------------


@pytest.mark.slow  # opens every screen and dialog in English: the longest UI test; the catalog tests cover each string
def test_every_screen_is_in_english(qtbot, group, monkeypatch):
    french = _build_in("fr", qtbot, group, monkeypatch)
    english = _build_in("en", qtbot, group, monkeypatch)
    assert i18n.language() == "fr"
    # The walk really read the screens, in both languages.
    assert set(english) == set(french)
    assert len(english) >= len(PAGES) + 15
    all_english = {t for texts in english.values() for t in texts}
    all_french = {t for texts in french.values() for t in texts}
    assert {"&File", "Sync", "Preferences for this computer", "Edit the activity"} <= all_english
    assert {"&Fichier", "Synchronisation", "Préférences de ce poste", "Modifier l'activité"} <= all_french

    judge = Judge(_data_values(group["store"]), all_french)
    problems = _problems(judge, english)
    assert not problems, f"{len(problems)} texts not in English:\n" + "\n".join(problems)


def test_the_judge_catches_untranslated_and_unwrapped_text(group):
    """The checks fail for real: a French msgid, an unwrapped French text, an unwrapped piece."""
    french_texts = {"Texte écrit sans _()", "Réunion du conseil", "Une réunion sans traduction"}
    judge = Judge(_data_values(group["store"]), french_texts)
    assert judge.verdict("Préférences de ce poste") == "French source string (not translated)"
    assert judge.verdict("&Nouvelle personne") == "French source string (not translated)"
    assert "not translated" in judge.verdict("Fiche de Ana")
    assert judge.verdict("Texte écrit sans _()") is not None
    assert judge.verdict("Une réunion sans traduction") is not None
    assert judge.verdict("Attendance: 3 — présents") is not None
    # English, data, and both together are fine.
    assert judge.verdict("Preferences for this computer") is None
    assert judge.verdict(f"Record of {PEOPLE[0]}") is None
    assert judge.verdict(f"{ACTIVITY} — {PLACE}") is None
    assert judge.verdict(f"{GROUP} — Entraide") is None
