"""The Synchronisation screen asks before applying a file that would erase many people (issue 12)."""

from __future__ import annotations

import pytest

from entraide_desktop.data import rows
from entraide_desktop.ui.sync import SyncPage, transfers
from entraide_desktop.ui.sync.summary import ImportSummaryDialog
from tests.trust.forge import forge


@pytest.fixture
def page(qtbot, context):
    widget = SyncPage(context)
    qtbot.addWidget(widget)
    widget.show()
    return widget


@pytest.mark.parametrize("answer", [False, True])
def test_a_file_erasing_many_people_is_shown_and_applied_only_when_confirmed(page, qtbot, context,
                                                                           tmp_path, monkeypatch, answer):
    ids = [rows.insert(context.store, "people", {"first_name": f"Personne {n}"}) for n in range(6)]
    forged = tmp_path / "fabrique.entraide"
    forged.write_bytes(forge(context.store, tombstones=[["people", pid, "f0f0f0f0f0f0f0f0", 1, "X"] for pid in ids]))
    asked, shown = [], []
    monkeypatch.setattr(transfers, "confirm_mass_change", lambda parent, held: asked.append(held) or answer)
    monkeypatch.setattr(ImportSummaryDialog, "exec", lambda self: shown.append(self) or 0)
    page.import_path(forged)
    qtbot.waitUntil(lambda: bool(asked), timeout=15000)
    assert "6 personnes seraient effacées pour de bon" in asked[0].message
    if answer:
        qtbot.waitUntil(lambda: bool(shown), timeout=15000)
        assert context.store.db.execute("SELECT count(*) FROM people").fetchone()[0] == 0
    else:
        qtbot.wait(200)
        assert not shown and context.store.db.execute("SELECT count(*) FROM people").fetchone()[0] == 6


def test_the_question_defaults_to_not_importing(qtbot):
    from entraide_desktop.data.sync.hold import HeldImport, MassChange

    box, apply = transfers.mass_change_box(None, HeldImport(MassChange("Portable", 10, erased=["Ana", "Luc"] * 3)))
    qtbot.addWidget(box)
    assert box.defaultButton() is not apply and box.escapeButton() is box.defaultButton()
    assert "6 personnes seraient effacées" in box.informativeText()

