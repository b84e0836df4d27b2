"""The treasury's journal merges like everything else, and shows what two machines disagree on."""

from __future__ import annotations

import datetime as dt

from entraide_desktop.data import rows
from entraide_desktop.data.sync import conflicts, exchange
from entraide_desktop.data.treasury import chart, closing, journal


def send(source, target, usb):
    return exchange.import_file(target, exchange.export_to(source, usb).path)


def _entry(store) -> str:
    return journal.record(store, {"kind": "expense", "on": "2026-05-04", "amount": "42,00",
                                  "account_id": chart.starting_id(chart.ACCOUNTS, "bank"),
                                  "category_id": chart.starting_id(chart.CATEGORIES, "supplies"),
                                  "description": "Papeterie"})


def test_both_machines_seeding_the_chart_make_one_chart(pair, usb):
    centre, laptop = pair
    chart.install_starting_chart(centre)
    chart.install_starting_chart(laptop)
    send(centre, laptop, usb)
    send(laptop, centre, usb)
    assert len(chart.list_categories(centre)) == len(chart.STARTING_CATEGORIES)
    assert conflicts.waiting(centre) == []


def test_two_amounts_for_one_entry_are_shown_side_by_side(pair, usb):
    centre, laptop = pair
    chart.install_starting_chart(centre)
    entry = _entry(centre)
    send(centre, laptop, usb)
    journal.edit(centre, entry, {"amount": "41,00"})
    journal.edit(laptop, entry, {"amount": "24,00"})
    send(laptop, centre, usb)
    [conflict] = [c for c in conflicts.waiting(centre) if c.field == "amount_cents"]
    assert {v.value for v in conflict.versions} == {4100, 2400}
    assert conflict.area == "Trésorerie"


def test_an_entry_deleted_on_one_machine_and_edited_on_the_other_is_shown(pair, usb):
    centre, laptop = pair
    chart.install_starting_chart(centre)
    entry = _entry(centre)
    journal.edit(centre, entry, {"description": "Papeterie et timbres"})  # « edited » already
    send(centre, laptop, usb)
    journal.delete(centre, entry)
    journal.edit(laptop, entry, {"note": "Facture 118"})
    send(laptop, centre, usb)
    send(centre, laptop, usb)
    for store in pair:
        revision = [c for c in conflicts.waiting(store) if c.row_id == entry and c.field == "revision"]
        assert revision and {v.value for v in revision[0].versions} == {"edited", "deleted"}


def test_two_edits_of_different_fields_merge_without_a_conflict(pair, usb):
    centre, laptop = pair
    chart.install_starting_chart(centre)
    entry = _entry(centre)
    send(centre, laptop, usb)
    journal.edit(centre, entry, {"note": "Facture 118"})
    journal.edit(laptop, entry, {"reference": "Chèque 305"})
    send(laptop, centre, usb)
    merged = journal.get_entry(centre, entry)
    assert (merged.note, merged.reference) == ("Facture 118", "Chèque 305")
    assert [c for c in conflicts.waiting(centre) if c.row_id == entry] == []


def test_an_exchange_file_cannot_reopen_a_closed_year(pair, usb):
    centre, laptop = pair
    chart.install_starting_chart(centre)
    closure = closing.close_year(centre, 2025, closed_on=dt.date(2026, 6, 10))
    send(centre, laptop, usb)
    rows.erase(laptop, closing.CLOSURES, closure)  # a machine tries to reopen the year
    send(laptop, centre, usb)
    assert closing.is_closed(centre, 2025) and closing.is_closed(laptop, 2025)


def test_a_conflict_on_an_amount_is_written_as_money(pair, usb):
    centre, laptop = pair
    chart.install_starting_chart(centre)
    entry = _entry(centre)
    send(centre, laptop, usb)
    journal.edit(centre, entry, {"amount": "41,00"})
    journal.edit(laptop, entry, {"amount": "1 024,50"})
    send(laptop, centre, usb)
    [conflict] = [c for c in conflicts.waiting(centre) if c.field == "amount_cents"]
    assert conflict.label == "Montant"
    assert {v.text for v in conflict.versions} == {"41,00\u00a0$", "1\u00a0024,50\u00a0$"}


def test_two_machines_giving_the_same_receipt_number_are_told(pair, usb):
    from entraide_desktop.data.treasury import receipts

    centre, laptop = pair
    chart.install_starting_chart(centre)
    send(centre, laptop, usb)
    for store in pair:
        entry = journal.record(store, {
            "kind": "income", "on": "2026-05-04", "amount": "20", "account_id": chart.starting_id(chart.ACCOUNTS, "bank"),
            "category_id": chart.starting_id(chart.CATEGORIES, "donations")})
        assert receipts.issue(store, entry).number == "2026-0001"
    send(laptop, centre, usb)
    assert receipts.duplicates(centre) == ["2026-0001"]
