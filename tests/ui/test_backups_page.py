"""The Sauvegardes screen: making a backup shows it in the list."""

from __future__ import annotations

from entraide_desktop.ui.tasks import wait_for_tasks


def test_backup_now_appears_in_the_list(qtbot, window):
    page = window.page("backups")
    window.show_page("backups")
    assert page.table.rowCount() == 0
    assert "Aucune sauvegarde" in page.status.text()
    page.now_button.click()
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=15000)
    wait_for_tasks()
    assert page.table.item(0, 1).text() == "Manuelle"
    assert page.restore_button.isEnabled()


def test_restore_asks_the_controller(qtbot, window, context, monkeypatch):
    from entraide_desktop.data import backups
    from entraide_desktop.ui import backups as page_module

    info = backups.backup_now(context.store, "manual")
    page = window.page("backups")
    page.refresh()
    monkeypatch.setattr(page_module, "confirm", lambda *a, **k: True)
    with qtbot.waitSignal(context.restore_requested, timeout=2000) as signal:
        page.restore_selected()
    assert signal.args == [str(info.path)]


def test_controller_restores_and_reopens_with_a_new_machine_id(qtbot, qapp, store, paths):
    from entraide_desktop.data import backups, rows
    from entraide_desktop.ui.app import Controller

    pid = rows.insert(store, "people", {"first_name": "Avant"})
    saved = backups.backup_now(store, "manual")
    rows.update(store, "people", pid, {"first_name": "Après"})
    old_site = store.site_id
    controller = Controller(qapp, paths)
    controller.open_session(store)
    controller.restore(str(saved.path))
    qtbot.waitUntil(lambda: controller.window is not None and controller.store is not None, timeout=20000)
    assert rows.get(controller.store, "people", pid)["first_name"] == "Avant"
    assert controller.store.site_id != old_site
    assert any(b.kind == "before-restore" for b in backups.list_backups(paths))
    controller.window.close()
    wait_for_tasks()
    controller.store.close()
