"""The Sauvegardes screen says when old copies could not be matched to a database (they are kept)."""

from __future__ import annotations


def test_copies_left_in_the_shared_folder_are_mentioned(qtbot, window, context):
    page = window.page("backups")
    page.refresh()
    assert page.unsorted.isHidden()
    shared = context.paths.backups_dir
    shared.mkdir(parents=True, exist_ok=True)
    (shared / "entraide-2026-01-13-080000-manuelle.db").write_bytes(b"inconnue")
    page.refresh()
    assert not page.unsorted.isHidden()
    assert "1 copie plus ancienne" in page.unsorted.text() and str(shared) in page.unsorted.text()
