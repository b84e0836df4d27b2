"""The Calendrier screen: keyboard navigation of the views, creating and opening from them, filters."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from entraide_desktop.data import calendar
from entraide_desktop.data.calendar import occurrence_edits as edits
from entraide_desktop.ui.calendar import CalendarPage
from tests.data.test_calendar_support import COLLECTIVE, single, weekly

MARCH_10 = dt.date(2026, 3, 10)  # a Tuesday


@pytest.fixture
def page(qtbot, context):
    weekly(context.store)  # Tuesdays 19 h 30, March to December 2026
    single(context.store, "Cuisine collective", dt.datetime(2026, 3, 11, 9, 0), type_id=COLLECTIVE)
    widget = CalendarPage(context)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_view("month", save=False)
    widget.go_to(MARCH_10)
    widget.month.setFocus()
    return widget


def test_month_starts_on_the_locales_first_day_sunday_in_fr_ca(page):
    days = page.month.days()
    assert len(days) == 42 and days[0] == dt.date(2026, 3, 1) and days[0].weekday() == 6
    assert page.period.text() == "Mars 2026"


def test_arrows_page_keys_home_end_and_today(qtbot, page):
    view = page.month
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert page.selected == dt.date(2026, 3, 11)
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert page.selected == dt.date(2026, 3, 18)
    qtbot.keyClick(view, Qt.Key.Key_Left)
    qtbot.keyClick(view, Qt.Key.Key_Up)
    assert page.selected == dt.date(2026, 3, 10)
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    assert page.selected == dt.date(2026, 4, 10) and page.period.text() == "Avril 2026"
    assert {o.start.date() for o in page._loaded[2]} >= {dt.date(2026, 4, 14)}  # April's Tuesdays were loaded
    qtbot.keyClick(view, Qt.Key.Key_PageUp)
    assert page.selected == MARCH_10
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert page.selected == dt.date(2026, 3, 8)  # Sunday
    qtbot.keyClick(view, Qt.Key.Key_End)
    assert page.selected == dt.date(2026, 3, 14)
    qtbot.keyClick(view, Qt.Key.Key_T)
    assert page.selected == dt.date.today()


def test_the_day_panel_follows_the_selected_day(qtbot, page):
    assert page.day_title.text().startswith("Mardi 10 mars")
    texts = [page.day_list.item(i).text() for i in range(page.day_list.count())]
    assert texts == ["19 h 30 à 21 h\nGroupe de discussion du mardi\nSalle commune"]
    assert "Groupe de discussion du mardi" in page.month.accessibleDescription()
    qtbot.keyClick(page.month, Qt.Key.Key_Right)
    assert page.day_list.item(0).text().endswith("Cuisine collective")


def test_enter_opens_the_days_activity_and_n_creates(qtbot, page, monkeypatch):
    opened, created = [], []
    monkeypatch.setattr(page, "open_occurrence", opened.append)
    monkeypatch.setattr(page, "new_activity", created.append)
    page.month.occurrence_activated.disconnect()
    page.month.new_requested.disconnect()
    page.month.occurrence_activated.connect(page.open_occurrence)
    page.month.new_requested.connect(page.new_activity)
    qtbot.keyClick(page.month, Qt.Key.Key_Return)
    assert opened == [
        calendar.occurrences(page.store, dt.datetime(2026, 3, 10), dt.datetime(2026, 3, 11))[0].key
    ]
    qtbot.keyClick(page.month, Qt.Key.Key_N)
    assert created == [MARCH_10]


def test_double_click_on_an_empty_day_creates_and_on_an_activity_opens(qtbot, page, monkeypatch):
    opened, created = [], []
    page.month.occurrence_activated.disconnect()
    page.month.new_requested.disconnect()
    page.month.occurrence_activated.connect(opened.append)
    page.month.new_requested.connect(created.append)
    page.month.repaint()
    cell = next(rect for rect, day in page.month._cells if day == dt.date(2026, 3, 12))
    qtbot.mouseDClick(page.month, Qt.MouseButton.LeftButton, pos=cell.center().toPoint())
    assert created == [dt.date(2026, 3, 12)]
    line = next(rect for rect, day, _key in page.month._hits if day == MARCH_10)
    qtbot.mouseDClick(page.month, Qt.MouseButton.LeftButton, pos=line.center().toPoint())
    assert opened and opened[0].endswith("@2026-03-10T19:30:00")


def test_week_view_moves_a_week_with_page_keys(qtbot, page):
    page.set_view("week", save=False)
    assert page.period.text() == "Semaine du 8 mars au 14 mars 2026"
    qtbot.keyClick(page.week, Qt.Key.Key_PageDown)
    assert page.selected == dt.date(2026, 3, 17)
    assert page.period.text().startswith("Semaine du 15 mars")
    page.week.repaint()
    assert any(day == dt.date(2026, 3, 17) for _rect, day, _key in page.week._hits)


def test_agenda_lists_the_month_and_enter_opens(qtbot, page, monkeypatch):
    opened = []
    page.agenda.occurrence_activated.disconnect()
    page.agenda.occurrence_activated.connect(opened.append)
    page.set_view("agenda", save=False)
    assert not page.day_panel.isVisible()
    heads = [page.agenda.topLevelItem(i).text(0) for i in range(page.agenda.topLevelItemCount())]
    assert heads[:2] == ["Mardi 3 mars", "Mardi 10 mars"]
    assert page.agenda.currentItem().text(1) == "Groupe de discussion du mardi"
    qtbot.keyClick(page.agenda, Qt.Key.Key_Return)
    assert opened == [page.agenda.currentItem().data(0, Qt.ItemDataRole.UserRole)]
    qtbot.keyClick(page.agenda, Qt.Key.Key_PageDown)
    assert page.period.text() == "Avril 2026"


def test_filter_by_type(page):
    index = page.type_filter.findData(COLLECTIVE)
    page.type_filter.setCurrentIndex(index)
    assert {o.title for o in page._loaded[2]} == {"Cuisine collective"}
    page.type_filter.setCurrentIndex(0)
    assert "Groupe de discussion du mardi" in {o.title for o in page._loaded[2]}


def test_cancelled_occurrence_is_shown_struck_with_its_reason(page):
    key = calendar.occurrences(page.store, dt.datetime(2026, 3, 10), dt.datetime(2026, 3, 11))[0].key
    edits.cancel_occurrence(page.store, key, "Tempête de neige")
    page.refresh()
    item = page.day_list.item(0)
    assert item.text().startswith("ANNULÉ (Tempête de neige)") and item.font().strikeOut()


def test_a_busy_month_paints_with_overflow_lines(qtbot, page):
    for hour in range(9, 18):
        weekly(page.store, title=f"Atelier de {hour} h", start=dt.datetime(2026, 3, 2, hour, 0), minutes=45)
    page.refresh()
    assert len(page._loaded[2]) >= 60
    page.month.repaint()
    shown_on_monday = [key for _rect, day, key in page.month._hits if day == dt.date(2026, 3, 9)]
    assert 0 < len(shown_on_monday) < 9  # the rest is summed up as « + n autres »


def test_show_item_goes_to_an_occurrence(page):
    key = calendar.occurrences(page.store, dt.datetime(2026, 6, 1), dt.datetime(2026, 6, 8))[0].key
    page.show_item(key)
    assert page.selected == dt.date(2026, 6, 2) and page.month.selected_key == key


def test_window_title_and_keyboard_shortcut_reach_the_calendar(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.current_key() == "calendar"
    page = window.page("calendar")
    assert isinstance(page, CalendarPage)
    assert page.month.accessibleName() == "Calendrier du mois"
