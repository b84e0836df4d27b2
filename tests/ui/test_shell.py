"""The application shell: navigation, shortcuts, title, lock, first run and unlock dialogs."""

from __future__ import annotations

import subprocess
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from entraide_desktop.data import access
from entraide_desktop.ui.pages import PAGES
from tests.conftest import PASSPHRASE


def test_window_opens_on_home_in_french(window):
    assert window.current_key() == "home"
    assert window.windowTitle() == "Accueil — Le Phare — Entraide"
    assert window.heading.text() == "Accueil"
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&Fichier", "&Affichage", "Ai&de"]


def test_every_section_opens_with_its_shortcut(qtbot, window):
    for number, info in enumerate(PAGES, start=1):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + number), Qt.KeyboardModifier.ControlModifier)
        assert window.current_key() == info.key
        assert window.current_page() is window.page(info.key)
    assert window.windowTitle().startswith("Sauvegardes")


def test_navigation_by_arrow_keys(qtbot, window):
    window.nav.setFocus()
    qtbot.keyClick(window.nav, Qt.Key.Key_Down)
    assert window.current_key() == "members"


def test_navigation_items_have_accessible_descriptions(window):
    for row in range(window.nav.count()):
        item = window.nav.item(row)
        assert item.toolTip() and item.data(Qt.ItemDataRole.AccessibleDescriptionRole)


def test_ctrl_l_asks_to_lock(qtbot, window):
    with qtbot.waitSignal(window.lock_requested, timeout=1000):
        qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)


def test_setup_dialog_creates_the_group_and_shows_the_recovery_key(qtbot, tmp_path):
    from entraide_desktop.config import paths_for
    from entraide_desktop.ui.setup_dialog import RecoveryKeyPage, SetupDialog

    paths = paths_for(tmp_path / "nouveau" / "entraide.db")
    dialog = SetupDialog(paths)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.group_name, "Le Phare")
    qtbot.keyClicks(dialog.person, "Marie")
    qtbot.keyClicks(dialog.passphrase, "court")
    qtbot.keyClicks(dialog.confirmation, "court")
    dialog.create_button.click()
    assert "au moins" in dialog.error.text()
    assert not paths.database.exists()
    dialog.passphrase.setText(PASSPHRASE)
    dialog.confirmation.setText(PASSPHRASE)
    dialog.create_button.click()
    qtbot.waitUntil(lambda: isinstance(dialog.stack.currentWidget(), RecoveryKeyPage), timeout=10000)
    page = dialog.stack.currentWidget()
    assert len(page.recovery_key.split("-")) == 14
    assert not page.start_button.isEnabled()
    page.confirm.setChecked(True)
    page.start_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.store is not None and dialog.store.author.name == "Marie"
    dialog.store.close()


def test_unlock_dialog_wrong_then_right_passphrase(qtbot, store, paths):
    from entraide_desktop.ui.unlock_dialog import UnlockDialog

    store.close()
    dialog = UnlockDialog(paths)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.passphrase, "mauvaise phrase")
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=10000)
    assert "Phrase de passe incorrecte" in dialog.error.text()
    dialog.passphrase.setText(PASSPHRASE)
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.store is not None, timeout=10000)
    assert dialog.store.author.name == "Marie (secrétariat)"
    dialog.store.close()


def test_unlock_dialog_lists_people_when_several(qtbot, store, paths):
    from entraide_desktop.ui.unlock_dialog import UnlockDialog

    access.add_person(store, "Luc (coordination)", "phrase de luc au local")
    store.close()
    dialog = UnlockDialog(paths)
    qtbot.addWidget(dialog)
    assert [dialog.who.itemText(i) for i in range(dialog.who.count())] == ["Marie (secrétariat)", "Luc (coordination)"]


def test_second_instance_is_refused(paths):
    from entraide_desktop.data.errors import AlreadyOpen
    from entraide_desktop.instance_lock import InstanceLock

    first = InstanceLock(paths)
    first.acquire()
    try:
        second = InstanceLock(paths)
        try:
            second.acquire()
        except AlreadyOpen as error:
            assert "déjà ouvert" in str(error)
        else:
            raise AssertionError("a second instance was allowed")
    finally:
        first.release()
    InstanceLock(paths).acquire()


def test_home_page_fills_in_without_blocking(qtbot, window):
    home = window.page("home")
    assert "Nous sommes le" in home.greeting.text()
    qtbot.waitUntil(lambda: "Le Phare" in home.greeting.text(), timeout=10000)
    assert home.todo.count() >= 1


def test_f1_opens_the_guide_with_the_essential_sections(qtbot, window, monkeypatch):
    from entraide_desktop.ui import help as help_module

    shown = []
    monkeypatch.setattr(help_module, "_browser_dialog", lambda parent, title, html: shown.append((title, html)))
    qtbot.keyClick(window, Qt.Key.Key_F1)
    assert shown and shown[0][0] == "Guide d'utilisation"
    html = shown[0][1]
    for title in ("Premiers pas", "Prendre un procès-verbal", "Synchroniser deux postes avec une clé USB",
                  "Phrase de passe oubliée"):
        assert title in html


def test_the_unlock_screen_does_not_wait_for_the_storage_library():
    code = (
        "import sys; import entraide_desktop.ui.app, entraide_desktop.ui.unlock_dialog;"
        "assert 'sqlite_utils' not in sys.modules, 'sqlite_utils loaded before the unlock screen'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_unlocking_derives_the_key_once_off_the_ui_thread(qtbot, store, paths, monkeypatch):
    import threading

    from entraide_desktop.data import keys
    from entraide_desktop.ui.unlock_dialog import UnlockDialog

    store.close()
    threads = []
    derive = keys.derive_key

    def spy(*args, **kwargs):
        threads.append(threading.current_thread())
        return derive(*args, **kwargs)

    monkeypatch.setattr(keys, "derive_key", spy)
    dialog = UnlockDialog(paths)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.passphrase.setText(PASSPHRASE)
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.store is not None or dialog.error.isVisible(), timeout=10000)
    assert dialog.store is not None, dialog.error.text()
    assert len(threads) == 1 and threads[0] is not threading.main_thread()
    dialog.store.close()


def test_a_start_without_the_dialog_derives_while_loading_the_window(store, paths):
    from entraide_desktop.data.errors import WrongPassphrase
    from entraide_desktop.ui.warm_up import unlock_while_warming_up

    store.close()
    with pytest.raises(WrongPassphrase):
        unlock_while_warming_up(paths, "pas la bonne phrase")
    opened = unlock_while_warming_up(paths, PASSPHRASE)
    assert opened.author.name == "Marie (secrétariat)"
    opened.close()


def test_the_recovery_key_is_printed_through_the_print_dialog(qtbot, tmp_path, monkeypatch):
    """QPrintDialog is Windows' own print dialog there; whatever printer is chosen gets the whole key."""
    from pypdf import PdfReader
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    from entraide_desktop.ui.setup_dialog import RecoveryKeyPage

    key = "ABCD-EFGH-2345-6723"
    page = RecoveryKeyPage(key)
    qtbot.addWidget(page)
    sheet = tmp_path / "cle.pdf"

    def choose_a_printer(dialog):
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)  # « Microsoft Print to PDF »
        dialog.printer().setOutputFileName(str(sheet))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", choose_a_printer)
    page.print_button.click()
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(sheet).pages).split())
    assert key in text and "clé de récupération" in text
    monkeypatch.setattr(QPrintDialog, "exec", lambda _dialog: QDialog.DialogCode.Rejected)
    sheet.unlink()
    page.print_button.click()
    assert not sheet.exists()  # cancelled: nothing printed
