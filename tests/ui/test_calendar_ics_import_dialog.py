"""The calendar import dialog: a preview with a type per series, nothing written before « Importer »."""

from __future__ import annotations

from entraide_desktop.data.calendar.activity_types import default_type_id, ensure_default_types
from entraide_desktop.ui.calendar.ics_import_dialog import CalendarImportDialog
from entraide_desktop.ui.context import AppContext
from entraide_desktop.ui.tasks import wait_for_tasks
from tests.data.test_calendar_ics_import import GOOGLE


def test_preview_choose_a_type_then_import_once(qtbot, store, tmp_path, paths):
    ctx = AppContext(store, paths)
    ensure_default_types(store)
    path = tmp_path / "agenda.ics"
    path.write_text(GOOGLE, encoding="utf-8", newline="")
    dialog = CalendarImportDialog(ctx, str(path))
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=10000)
    assert dialog.table.rowCount() == 4 and len(dialog.combos) == 3
    assert "1 série à créer" in dialog.summary.text()
    assert store.db.execute("SELECT count(*) FROM activities").fetchone()[0] == 0
    states = [dialog.table.item(r, 3).text() for r in range(4)]
    assert any(s.startswith("Laissée de côté : répétition trop fréquente") for s in states)
    row = next(r for r in dialog.combos if dialog.table.item(r, 0).text() == "Groupe de discussion")
    combo = dialog.combos[row]
    combo.setCurrentIndex(combo.findData(default_type_id("personnelle")))
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=10000)
    wait_for_tasks()
    assert store.db.execute("SELECT type_id FROM activities WHERE title = 'Groupe de discussion'").fetchone()[0] == \
        default_type_id("personnelle")
    assert "Calendrier importé : 1 série," in dialog.summary.text() and not dialog.undo_button.isHidden()
