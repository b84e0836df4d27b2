"""The « Renseignements à vérifier » screen: versions side by side, keep one or write a combined one."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel

from entraide_desktop.config import paths_for
from entraide_desktop.data import connection, rows
from entraide_desktop.data.sync import conflicts, exchange, machines
from entraide_desktop.ui.sync.conflicts import ConflictsDialog, diff_html
from tests.conftest import PASSPHRASE
from tests.sync.helpers import introduce


@pytest.fixture
def two_conflicts(store, tmp_path):
    laptop = connection.create_database(paths_for(tmp_path / "portable" / "entraide.db"), group_name="", region="",
                                        person="Luc", passphrase=PASSPHRASE, group=connection.group_secret(store)).store
    machines.set_machine_name(store, "Ordinateur du centre")
    machines.set_machine_name(laptop, "Portable du secrétariat")
    introduce(store, laptop)
    key = tmp_path / "cle"
    key.mkdir()
    pid = rows.insert(store, "people", {"first_name": "Hélène", "notes": "Ligne commune\nMardi"})
    exchange.import_file(laptop, exchange.export_to(store, key).path)
    rows.update(store, "people", pid, {"phone": "418 555-0101", "notes": "Ligne commune\nMardi matin"})
    rows.update(laptop, "people", pid, {"phone": "418 555-0202", "notes": "Ligne commune\nJeudi"})
    exchange.import_file(store, exchange.export_to(laptop, key).path)
    yield pid
    laptop.close()


def _view(dialog):
    return dialog.detail_area.widget()


def test_versions_side_by_side_with_machine_and_person(qtbot, context, two_conflicts):
    dialog = ConflictsDialog(context)
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 2
    labels = [dialog.list.item(i).text() for i in range(2)]
    assert any("Téléphone" in t for t in labels) and any("Notes" in t for t in labels)
    for row in range(2):
        dialog.list.setCurrentRow(row)
        view = _view(dialog)
        texts = " ".join(label.text() for label in view.findChildren(QLabel))
        assert "« Ordinateur du centre »" in texts and "« Portable du secrétariat »" in texts
        assert "Luc" in texts and "Marie (secrétariat)" in texts
        assert len(view.keep_buttons) == 2


def test_long_text_has_a_line_comparison(qtbot, context, two_conflicts):
    dialog = ConflictsDialog(context)
    qtbot.addWidget(dialog)
    notes_row = next(i for i in range(dialog.list.count()) if "Notes" in dialog.list.item(i).text())
    dialog.list.setCurrentRow(notes_row)
    from PySide6.QtWidgets import QTextBrowser

    compare = _view(dialog).findChild(QTextBrowser)
    assert compare is not None
    text = compare.toPlainText()
    assert "Ligne commune" in text and "− " in text and "+ " in text  # signs, not only colours
    assert "− " in diff_html("a\nb", "a\nc") and "+ " in diff_html("a\nb", "a\nc")


def test_keeping_a_version_settles_it(qtbot, context, two_conflicts):
    dialog = ConflictsDialog(context)
    qtbot.addWidget(dialog)
    phone_row = next(i for i in range(dialog.list.count()) if "Téléphone" in dialog.list.item(i).text())
    dialog.list.setCurrentRow(phone_row)
    view = _view(dialog)
    value = next(v for v in view.conflict.versions if not v.shown).value
    changed = []
    context.data_changed.connect(changed.append)
    view.keep_buttons[1].click()
    assert rows.get(context.store, "people", two_conflicts)["phone"] == value
    assert dialog.list.count() == 1 and changed == ["members"]  # the area of the table written


def test_writing_a_combined_version(qtbot, context, two_conflicts):
    dialog = ConflictsDialog(context)
    qtbot.addWidget(dialog)
    notes_row = next(i for i in range(dialog.list.count()) if "Notes" in dialog.list.item(i).text())
    dialog.list.setCurrentRow(notes_row)
    view = _view(dialog)
    view.editor.setPlainText("Ligne commune\nMardi matin ou jeudi")
    view.save_button.click()
    assert rows.get(context.store, "people", two_conflicts)["notes"] == "Ligne commune\nMardi matin ou jeudi"
    view = _view(dialog)
    view.keep_buttons[0].click()
    assert conflicts.waiting(context.store) == []
    assert dialog.list.count() == 0
