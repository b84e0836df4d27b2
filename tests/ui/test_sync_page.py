"""The Synchronisation screen driven like a person would: export, import, shared folder, conflicts."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QInputDialog

from entraide_desktop.data import connection, rows
from entraide_desktop.data.sync import bundle as bundles
from entraide_desktop.data.sync import conflicts, exchange, machines
from entraide_desktop.data.sync import folder as sync_folder
from entraide_desktop.ui.context import AppContext
from entraide_desktop.ui.sync import SyncPage
from entraide_desktop.ui.sync.summary import ImportSummaryDialog
from tests.conftest import PASSPHRASE
from tests.sync.helpers import introduce


@pytest.fixture
def laptop(store, tmp_path):
    """A second machine of the same group."""
    from entraide_desktop.config import paths_for

    other = connection.create_database(paths_for(tmp_path / "portable" / "entraide.db"), group_name="", region="",
                                       person="Luc", passphrase=PASSPHRASE, group=connection.group_secret(store)).store
    machines.set_machine_name(other, "Portable du secrétariat")
    introduce(store, other)
    yield other
    other.close()


@pytest.fixture
def page(qtbot, context):
    widget = SyncPage(context)
    qtbot.addWidget(widget)
    widget.show()
    return widget


@pytest.fixture
def summaries(monkeypatch):
    shown = []
    monkeypatch.setattr(ImportSummaryDialog, "exec", lambda self: shown.append(self) or 0)
    return shown


def test_an_unnamed_machine_is_invited_to_take_a_name(page, context, monkeypatch):
    assert page.name_hint.isVisibleTo(page)
    assert "Nommer" in page.rename_button.text()
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Ordinateur du centre", True))
    page.rename_button.click()
    assert machines.machine_name(context.store) == "Ordinateur du centre"
    assert "« Ordinateur du centre »" in page.name_label.text() and not page.name_hint.isVisibleTo(page)


def test_export_to_a_usb_key_says_it_can_be_removed(page, qtbot, tmp_path, _no_blocking_boxes):
    key = tmp_path / "cle"
    key.mkdir()
    page.export_into(key)
    qtbot.waitUntil(lambda: any("retirer la clé" in text for text in _no_blocking_boxes), timeout=15000)
    assert len(list(key.glob("*.entraide"))) == 1
    assert "Dernière exportation" in page.last_export_label.text()


def test_import_shows_a_summary_and_refreshes_the_screens(page, qtbot, context, laptop, tmp_path, summaries):
    rows.insert(laptop, "people", {"first_name": "Hélène"})
    key = tmp_path / "cle"
    key.mkdir()
    path = exchange.export_to(laptop, key).path
    areas = []
    context.data_changed.connect(areas.append)
    page.import_path(path)
    qtbot.waitUntil(lambda: bool(summaries), timeout=15000)
    dialog = summaries[0]
    texts = " ".join(label.text() for label in dialog.findChildren(type(page.name_label)))
    assert "Portable du secrétariat" in texts and "Membres : 1 nouvelle fiche" in texts
    assert "members" in areas  # the areas of the tables the import wrote
    assert "Portable du secrétariat" in page.machines.text()


def test_a_bad_file_is_explained(page, qtbot, tmp_path, _no_blocking_boxes):
    bad = tmp_path / "pas-un-fichier.entraide"
    bad.write_bytes(b"bonjour")
    page.import_path(bad)
    qtbot.waitUntil(lambda: any("n'est pas un fichier d'échange" in t for t in _no_blocking_boxes), timeout=15000)


def test_shared_folder_round_from_the_screen(page, qtbot, context, laptop, tmp_path, _no_blocking_boxes):
    from entraide_desktop.ui.sync.service import SyncFolderService

    shared = tmp_path / "partage"
    shared.mkdir()
    rows.insert(laptop, "people", {"first_name": "Ana"})
    sync_folder.exchange_round(laptop, shared)
    page.service = SyncFolderService(context, page)
    page.service.round_finished.connect(lambda _r: page.refresh())
    page.use_folder(shared)
    assert page.sync_now_button.isVisibleTo(page) and str(shared.resolve()) in page.folder_label.text()
    page.sync_now()
    qtbot.waitUntil(lambda: page.service.last_result is not None and not page.service.busy, timeout=15000)
    assert page.service.last_result.changes == 1
    assert (shared / bundles.file_name(context.store)).exists()
    assert "Dernier échange" in page.folder_status.text()
    page.forget_folder()
    assert sync_folder.sync_folder(context.store) is None and not page.sync_now_button.isVisibleTo(page)


def test_the_database_folder_is_refused_as_sync_folder(page, context, _no_blocking_boxes):
    page.use_folder(context.store.database_path.parent)
    assert any("base de données" in t for t in _no_blocking_boxes)
    assert sync_folder.sync_folder(context.store) is None


def test_conflicts_are_announced_on_the_screen(page, context, laptop, tmp_path):
    pid = rows.insert(context.store, "people", {"first_name": "Luc"})
    key = tmp_path / "cle"
    key.mkdir()
    exchange.import_file(laptop, exchange.export_to(context.store, key).path)
    rows.update(context.store, "people", pid, {"phone": "1"})
    rows.update(laptop, "people", pid, {"phone": "2"})
    exchange.import_file(context.store, exchange.export_to(laptop, key).path)
    page.refresh()
    assert "1 renseignement a été modifié sur deux postes" in page.conflicts_label.text()
    assert page.conflicts_button.isVisibleTo(page)
    assert conflicts.count_waiting(context.store) == 1


def test_the_service_writes_our_file_after_changes(qtbot, store, paths, tmp_path, monkeypatch):
    from entraide_desktop.ui.sync import service as service_module

    monkeypatch.setattr(service_module, "EXPORT_DELAY_MS", 10)  # 20 s in the app

    shared = tmp_path / "partage"
    shared.mkdir()
    sync_folder.set_sync_folder(store, shared)
    context = AppContext(store, paths)
    service = service_module.SyncFolderService(context)
    qtbot.waitUntil(lambda: service.last_result is not None and not service.busy, timeout=15000)
    first = (shared / bundles.file_name(store)).read_bytes()
    rows.insert(store, "people", {"first_name": "Ana"})  # announced by the write path

    def rewritten() -> bool:
        try:
            return (shared / bundles.file_name(store)).read_bytes() != first and not service.busy
        except PermissionError:  # Windows: the file is being replaced at this very moment; look again
            return False

    qtbot.waitUntil(rewritten, timeout=15000)
    assert service.prepare_close()


def test_in_the_main_window_the_page_uses_the_windows_service(qtbot, window, monkeypatch, tmp_path):
    from entraide_desktop.ui.sync.conflicts import ConflictsDialog

    window.show_page("sync")
    page = window.page("sync")
    assert page.service is window.sync_service
    shared = tmp_path / "partage"
    shared.mkdir()
    page.use_folder(shared)
    qtbot.waitUntil(lambda: window.sync_service.last_result is not None and not window.sync_service.busy,
                    timeout=15000)
    assert "Dernier échange" in page.folder_status.text()
    opened = []
    monkeypatch.setattr(ConflictsDialog, "exec", lambda self: opened.append(self) or 0)
    window.context.open_page.emit("sync", "conflicts")  # what the home page's reminder does
    assert opened


def test_a_lost_laptop_is_removed_from_the_sync_screen(qtbot, context, laptop, monkeypatch, tmp_path):

    from entraide_desktop.data.sync import identity
    from entraide_desktop.ui.sync import remove_machine

    asked = []
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda _p, _t, _l, items, *_a: (items[0], True)))
    monkeypatch.setattr(remove_machine, "confirm", lambda _p, _t, text, *_a, **_k: asked.append(text) or True)
    monkeypatch.setattr(remove_machine, "inform", lambda *_a: None)
    page = SyncPage(context)
    qtbot.addWidget(page)
    exchange.import_file(context.store, exchange.export_to(laptop, tmp_path).path, backup=False)
    page.refresh()
    assert not page.remove_machine_button.isHidden()
    page.remove_machine_button.click()
    assert "Portable du secrétariat" in asked[0] and "ne peut pas être annulé" in asked[0]
    assert not identity.machines(context.store)[laptop.site_id].active
    assert identity.key_generation(context.store) == 1
