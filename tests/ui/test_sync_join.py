"""Setting up a second computer: prepare on the first machine, join from the first-run dialog."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from entraide_desktop.config import paths_for
from entraide_desktop.data import connection, rows
from entraide_desktop.data.sync import join, machines
from entraide_desktop.ui.sync import join as join_ui
from entraide_desktop.ui.sync.prepare import PrepareJoinDialog
from tests.conftest import PASSPHRASE


def test_prepare_shows_a_code_that_opens_the_file(qtbot, context, tmp_path):
    rows.insert(context.store, "people", {"first_name": "Hélène"})
    key = tmp_path / "cle"
    key.mkdir()
    dialog = PrepareJoinDialog(context)
    qtbot.addWidget(dialog)
    dialog.write_button.click()
    assert "Choisissez d'abord" in dialog.error.text()
    dialog.folder.setText(str(key))
    dialog.write_button.click()
    qtbot.waitUntil(lambda: dialog.invitation is not None, timeout=15000)
    code = dialog.invitation.code
    assert dialog.stack.currentIndex() == 1
    assert join.open_invitation(dialog.invitation.path, code).group_name == "Le Phare"


def _invitation(store, tmp_path):
    rows.insert(store, "people", {"first_name": "Hélène"})
    machines.set_machine_name(store, "Ordinateur du centre")
    key = tmp_path / "cle"
    key.mkdir()
    return join.prepare(store, key)


def test_join_wizard_sets_up_this_computer(qtbot, store, tmp_path):
    invitation = _invitation(store, tmp_path)
    paths = paths_for(tmp_path / "nouveau" / "entraide.db")
    wizard = join_ui.JoinWizard(paths)
    qtbot.addWidget(wizard)
    wizard.file.setText(str(invitation.path))
    wizard.code.setText("0000-0000-000")
    wizard.next_button.click()
    assert "12 caractères" in wizard.file_error.text() and wizard.stack.currentIndex() == 0
    wizard.code.setText(invitation.code.lower())
    wizard.next_button.click()
    qtbot.waitUntil(lambda: wizard.stack.currentIndex() == 1, timeout=15000)
    assert "Le Phare" in wizard.group_line.text() and "Ordinateur du centre" in wizard.group_line.text()
    wizard.person.setText("Luc")
    wizard.install_button.click()
    assert "nom à ce poste" in wizard.person_error.text()
    wizard.machine.setText("Portable du secrétariat")
    wizard.passphrase.setText("une phrase de passe")
    wizard.confirmation.setText("une phrase de passe")
    wizard.install_button.click()
    qtbot.waitUntil(lambda: wizard.store is not None or not wizard.person_error.isHidden(), timeout=20000)
    assert wizard.store is not None, wizard.person_error.text()
    assert wizard.stack.currentIndex() == 2
    new = wizard.store
    try:
        assert connection.group_secret(new) == connection.group_secret(store)
        assert new.db.execute("SELECT count(*) FROM people").fetchone()[0] == 1
        assert machines.machine_name(new) == "Portable du secrétariat"
        assert not invitation.path.exists()  # one use: deleted from the key once it served
    finally:
        new.close()


def test_a_wrong_code_is_shown_in_the_wizard(qtbot, store, tmp_path):
    invitation = _invitation(store, tmp_path)
    wizard = join_ui.JoinWizard(paths_for(tmp_path / "nouveau" / "entraide.db"))
    qtbot.addWidget(wizard)
    wizard.file.setText(str(invitation.path))
    wizard.code.setText("ZZZZ-ZZZZ-ZZZZ" if not invitation.code.startswith("ZZZZ") else "0000-0000-0000")
    wizard.next_button.click()
    qtbot.waitUntil(lambda: bool(wizard.file_error.text()) and wizard.next_button.isEnabled(), timeout=15000)
    assert "ne correspond pas" in wizard.file_error.text()


def test_run_join_wizard_returns_to_the_first_run_choice_when_cancelled(monkeypatch, paths):
    from entraide_desktop.ui import setup_dialog

    calls = []
    monkeypatch.setattr(join_ui.JoinWizard, "exec", lambda self: calls.append("join") or QDialog.DialogCode.Rejected)
    monkeypatch.setattr(setup_dialog.SetupDialog, "exec", lambda self: calls.append("setup") or QDialog.DialogCode.Rejected)
    assert join_ui.run_join_wizard(paths) is None
    assert calls == ["join", "setup"]


def test_first_run_dialog_reaches_the_wizard(monkeypatch, paths):
    from entraide_desktop.ui.app import Controller

    reached = []
    monkeypatch.setattr(join_ui, "run_join_wizard", lambda p: reached.append(p) or None)
    controller = Controller.__new__(Controller)
    controller.paths = paths
    assert controller._join() is None and reached == [paths]
    assert PASSPHRASE
