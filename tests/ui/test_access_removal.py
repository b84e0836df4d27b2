"""Removing an access on screen: the register is re-keyed, the new recovery key is shown once,
and the backups made before the removal are offered for deletion."""

from __future__ import annotations

import datetime as dt

import pytest

from entraide_desktop.data import access, backups, connection, keys, rows
from entraide_desktop.data.errors import EntraideError
from entraide_desktop.ui import access_dialogs
from tests.conftest import PASSPHRASE

LUC = "phrase de luc au local"


@pytest.fixture
def answers(monkeypatch):
    """What the person answers to each question, in order; the questions asked are kept."""
    asked: list[str] = []
    replies: list[bool] = []

    def confirm(_parent, _title, text, _action, destructive=False):
        asked.append(text)
        return replies.pop(0)

    monkeypatch.setattr(access_dialogs, "confirm", confirm)
    monkeypatch.setattr(access_dialogs, "inform", lambda _parent, _title, text: asked.append(text))
    return asked, replies


def _select(dialog, label):
    for row in range(dialog.list.count()):
        if dialog.list.item(row).text() == label:
            dialog.list.setCurrentRow(row)
            return
    raise AssertionError(label)


def test_removing_an_access_shows_the_new_recovery_key_and_offers_to_delete_old_backups(
    qtbot, context, store, paths, answers, monkeypatch
):
    asked, replies = answers
    old = backups.backup_now(store, "manual", now=dt.datetime.now() - dt.timedelta(days=3))
    access.add_person(store, "Luc (coordination)", LUC)
    shown: list[str] = []
    monkeypatch.setattr(access_dialogs.NewRecoveryKeyDialog, "exec", lambda self: shown.append(self.page.recovery_key) or 1)
    dialog = access_dialogs.AccessDialog(context)
    qtbot.addWidget(dialog)
    _select(dialog, "Luc (coordination)")
    replies += [True, True]  # remove; then delete the older backups
    with qtbot.waitSignal(dialog.removal_finished, timeout=20000):
        dialog.remove_button.click()

    assert "même avec une copie de l'ancien fichier de clés" in asked[0]
    assert "1 sauvegarde faite avant ce retrait" in asked[1] and not old.path.exists()
    assert [dialog.list.item(i).text() for i in range(dialog.list.count())] == ["Marie (secrétariat) (vous)"]
    assert keys.parse_recovery_key(shown[0]) == store.data_key  # the session goes on with the new key
    rows.insert(store, "people", {"first_name": "Après le retrait"})
    store.close()
    connection.unlock_with_recovery_key(paths, shown[0]).close()
    with pytest.raises(EntraideError):
        connection.unlock(paths, LUC)
    connection.unlock(paths, PASSPHRASE).close()


def test_cancelling_the_removal_changes_nothing(qtbot, context, store, paths, answers):
    _asked, replies = answers
    access.add_person(store, "Luc (coordination)", LUC)
    before = paths.key_file.read_bytes()
    dialog = access_dialogs.AccessDialog(context)
    qtbot.addWidget(dialog)
    _select(dialog, "Luc (coordination)")
    replies.append(False)
    dialog.remove_button.click()
    assert paths.key_file.read_bytes() == before
