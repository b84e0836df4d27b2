"""The rows every group starts with (three activity types, the chart of accounts) are made by the
data layer, the same on every machine: no screen has to be opened, and two machines that both made
them have nothing to tell each other."""

from __future__ import annotations

from entraide_desktop.data import connection, rows, starting_rows
from entraide_desktop.data.calendar.activity_types import DEFAULT_TYPES, default_type_id, list_types
from entraide_desktop.data.sync import exchange
from entraide_desktop.data.treasury import chart
from tests.conftest import PASSPHRASE


def test_a_new_group_has_its_starting_types_and_chart_without_opening_a_screen(store):
    assert {t.id for t in list_types(store)} == {default_type_id(form) for form, *_rest in DEFAULT_TYPES}
    assert chart.install_starting_chart(store) == 0  # all there already
    assert [a.code for a in chart.list_accounts(store)] == [code for code, _kind, _name in chart.STARTING_ACCOUNTS]


def test_an_older_database_gets_what_it_lacks_at_the_next_opening_but_never_an_erased_row(store):
    bank = chart.starting_id(chart.ACCOUNTS, "bank")
    cash = chart.starting_id(chart.ACCOUNTS, "cash")
    rows.erase(store, chart.ACCOUNTS, bank)
    store.db.execute("DELETE FROM treasury_accounts WHERE id = ?", [cash])  # as if made before the treasury
    store.db.execute("DELETE FROM _versions WHERE row_id = ?", [cash])
    store.db.conn.commit()
    paths = store.paths
    store.close()
    reopened = connection.unlock(paths, PASSPHRASE)
    try:
        ids = {a.id for a in chart.list_accounts(reopened, include_archived=True)}
        assert cash in ids and bank not in ids
    finally:
        reopened.close()


def test_two_machines_that_both_made_them_show_nothing_new_to_each_other(pair, usb):
    centre, laptop = pair  # both opened once: each stamped the starting rows with its own versions
    summary = exchange.import_file(laptop, exchange.export_to(centre, usb).path)
    assert [(a.area, a.changes.total) for a in summary.areas] == [("Groupe", 1)]  # only the profile is news
    back = exchange.import_file(centre, exchange.export_to(laptop, usb).path)
    assert back.areas == [] and back.new_conflicts == 0
