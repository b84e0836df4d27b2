"""The register screen driven like a person would: search as you type, filters, keyboard, archive, erase."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from entraide_desktop.data import members, people
from entraide_desktop.data.text import fold
from entraide_desktop.ui.context import AppContext
from entraide_desktop.ui.members import MembersPage
from entraide_desktop.ui.members.person_dialog import PersonDialog


@pytest.fixture
def page(qtbot, demo_store):
    members.create_person(demo_store, {"first_name": "Hélène", "last_name": "Côté", "roles": ["membre"]})
    context = AppContext(demo_store, demo_store.paths)
    widget = MembersPage(context)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _names(page):
    return [page.proxy.index(r, 0).data() for r in range(page.proxy.rowCount())]


def test_members_section_opens_from_the_window(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(window.current_page(), MembersPage)
    assert window.current_page().count_label.text() == "0 personne"


def test_typing_in_the_search_box_ignores_case_and_accents(qtbot, page, demo_store):
    total = page.proxy.rowCount()
    assert total == len(people.list_people(demo_store))
    qtbot.keyClicks(page.search, "helene")
    found = _names(page)
    assert found and all("helene" in fold(name) for name in found)
    assert "sur" in page.count_label.text()
    page.search.clear()
    qtbot.keyClicks(page.search, "COTE")
    assert any("Côté" in name for name in _names(page))
    qtbot.keyClick(page.search, Qt.Key.Key_Escape)
    assert page.proxy.rowCount() == total


def test_filters_combine_with_the_search(qtbot, page, demo_store):
    page.role_filter.setCurrentIndex(page.role_filter.findData("benevole"))
    volunteers = {p.id for p in people.list_people(demo_store, role="benevole")}
    shown = {page.proxy.row_at(page.proxy.index(r, 0)).id for r in range(page.proxy.rowCount())}
    assert shown == volunteers
    page.role_filter.setCurrentIndex(0)
    page.standing_filter.setCurrentIndex(page.standing_filter.findData(True))
    standing = people.members_in_good_standing(demo_store)
    assert {page.proxy.row_at(page.proxy.index(r, 0)).id for r in range(page.proxy.rowCount())} == standing
    page.standing_filter.setCurrentIndex(0)
    page.consent_filter.setCurrentIndex(page.consent_filter.findData("phone_network"))
    network = people.people_with_consent(demo_store, "phone_network")
    assert {page.proxy.row_at(page.proxy.index(r, 0)).id for r in range(page.proxy.rowCount())} == network
    page.consent_filter.setCurrentIndex(0)
    page.status_filter.setCurrentIndex(page.status_filter.findData("archived"))
    assert all(page.proxy.row_at(page.proxy.index(r, 0)).archived for r in range(page.proxy.rowCount()))


def test_clicking_a_header_sorts(qtbot, page):
    page.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    names = [fold(n) for n in _names(page)]
    assert names == sorted(names, reverse=True)
    page.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    names = [fold(n) for n in _names(page)]
    assert names == sorted(names)


def test_keyboard_only_search_then_open_the_record(qtbot, page, monkeypatch):
    opened = []
    monkeypatch.setattr(PersonDialog, "exec", lambda self: opened.append(self.person_id) or 0)
    page.focus_search()
    assert page.search.hasFocus()
    qtbot.keyClicks(page.search, "hel")
    qtbot.keyClick(page.search, Qt.Key.Key_Down)
    assert page.table.hasFocus()
    first = page.selected_row()
    assert first is not None
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert opened == [first.id]


def test_delete_archives_and_restore_brings_back(qtbot, page, demo_store):
    page.focus_table()
    row = page.selected_row()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert members.get_person(demo_store, row.id).archived
    assert row.id not in {page.proxy.row_at(page.proxy.index(r, 0)).id for r in range(page.proxy.rowCount())}
    page.status_filter.setCurrentIndex(page.status_filter.findData("archived"))
    assert page.select_person(row.id)
    assert page.archive_button.text() == "Resta&urer"
    page.archive_button.click()
    assert not members.get_person(demo_store, row.id).archived


def test_new_person_with_ctrl_n(qtbot, page, demo_store, monkeypatch):
    def fill_and_save(dialog):
        qtbot.keyClicks(dialog.fields["first_name"], "Zoe")  # QtTest types ASCII only
        qtbot.keyClicks(dialog.fields["phone"], "418.555.7777")
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(PersonDialog, "exec", fill_and_save)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    row = page.selected_row()
    assert row is not None and row.name == "Zoe" and row.phone == "418 555-7777"


def test_erase_from_the_register(qtbot, page, demo_store, monkeypatch):
    from entraide_desktop.ui.members.erase_dialog import EraseDialog

    page.focus_table()
    row = page.selected_row()

    def type_name(dialog):
        qtbot.keyClicks(dialog.confirmation, "quelqu'un d'autre")
        assert not dialog.erase_button.isEnabled()
        dialog.confirmation.setText(fold(row.name).upper())
        assert dialog.erase_button.isEnabled()
        dialog.erase_button.click()
        return dialog.result()

    monkeypatch.setattr(EraseDialog, "exec", type_name)
    page.erase_button.click()
    assert people.names(demo_store, [row.id])[row.id] == "Personne retirée du registre"
    assert page.model.find(row.id) is None


def test_merge_from_the_register(qtbot, page, demo_store, monkeypatch):
    from entraide_desktop.ui.members.merge_dialog import MergeDialog

    rows = page.model.all_rows()
    first, twin = next((a, b) for a in rows for b in rows
                       if a.id < b.id and a.name == b.name and a.phone and a.phone == b.phone)

    def choose(dialog):
        assert dialog.candidates.count() >= 1  # the same name is proposed first
        assert dialog.candidates.currentItem().data(Qt.ItemDataRole.UserRole) == twin.id
        dialog.merge_button.click()
        return dialog.result()

    monkeypatch.setattr(MergeDialog, "exec", choose)
    assert page.select_person(first.id)
    page.merge_button.click()
    assert members.get_person(demo_store, twin.id).merged_into == first.id
    assert page.selected_row().id == first.id


def test_show_item_finds_even_an_archived_person(qtbot, page, demo_store):
    pid = next(p.id for p in people.list_people(demo_store))
    members.archive_person(demo_store, pid)
    page.reload()
    page.show_item(pid)
    assert page.selected_row().id == pid


def test_headings_are_never_cut_at_large_text_sizes(qtbot, demo_store):
    """At 200 % on a laptop the register scrolls sideways rather than cutting its column headings."""
    from PySide6.QtWidgets import QApplication

    from entraide_desktop.ui.style import apply_style

    app = QApplication.instance()
    apply_style(app, text_size=200)
    try:
        widget = MembersPage(AppContext(demo_store, demo_store.paths))
        qtbot.addWidget(widget)
        widget.resize(1000, 700)
        widget.show()
        qtbot.waitExposed(widget)
        header = widget.table.horizontalHeader()
        metrics = header.fontMetrics()
        for column in range(widget.proxy.columnCount()):
            heading = widget.proxy.headerData(column, Qt.Orientation.Horizontal)
            assert header.sectionSize(column) >= metrics.horizontalAdvance(heading), heading
        assert widget.table.horizontalScrollBar().maximum() > 0
    finally:
        apply_style(app)


def test_at_normal_size_the_register_fits_without_scrolling_sideways(qtbot, page):
    page.resize(1150, 700)
    qtbot.wait(10)
    header = page.table.horizontalHeader()
    metrics = header.fontMetrics()
    assert page.table.horizontalScrollBar().maximum() == 0
    for column in range(page.proxy.columnCount()):
        heading = page.proxy.headerData(column, Qt.Orientation.Horizontal)
        assert header.sectionSize(column) >= metrics.horizontalAdvance(heading), heading


def test_columns_share_the_width_above_their_minimums():
    from entraide_desktop.ui.members import share_out

    assert share_out(100, [1, 1, 2], [10, 10, 10]) == [25, 25, 50]
    assert share_out(100, [1, 1, 2], [40, 10, 10]) == [40, 20, 40]  # the rest shared 1:2
    assert share_out(50, [1, 1], [40, 40]) == [40, 40]  # too narrow: the minimums (it scrolls)
