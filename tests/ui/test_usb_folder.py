"""Writing to a USB key: the keys plugged in are offered by name, any folder stays one click away."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFileDialog

from entraide_desktop.data.removable import Volume
from entraide_desktop.ui import usb_folder

KEY = Volume("E:/", "KINGSTON", 15_300_000_000)


def test_with_no_key_plugged_in_the_folder_dialog_opens_directly(qtbot, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a: "/tmp/dossier")
    assert usb_folder.choose_usb_folder(None, "Choisir") == "/tmp/dossier"


def test_a_plugged_in_key_is_offered_first_and_chosen_with_enter(qtbot, monkeypatch):
    monkeypatch.setattr(usb_folder, "removable_volumes", lambda: [KEY])
    dialogs = []

    def answer(dialog):
        dialogs.append(dialog)
        dialog.use_button.click()
        return dialog.result()

    monkeypatch.setattr(usb_folder.UsbChoiceDialog, "exec", answer)
    assert usb_folder.choose_usb_folder(None, "Choisir la clé USB") == "E:/"
    keys = dialogs[0].keys
    assert keys.item(0).text().startswith("E:") and "KINGSTON (14,2 Go libres)" in keys.item(0).text()
    assert keys.accessibleName() and dialogs[0].use_button.isDefault()


def test_another_folder_can_still_be_chosen_and_cancel_chooses_nothing(qtbot, monkeypatch):
    dialog = usb_folder.UsbChoiceDialog(None, "Choisir", [KEY])
    qtbot.addWidget(dialog)
    opened_at = []
    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        lambda _parent, _title, start: opened_at.append(start) or "/home/marie/Documents")
    dialog.other_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.chosen == "/home/marie/Documents"
    assert opened_at == ["E:/"]  # the folder dialog starts on the key
    cancelled = usb_folder.UsbChoiceDialog(None, "Choisir", [KEY])
    qtbot.addWidget(cancelled)
    cancelled.reject()
    assert cancelled.chosen == ""
