"""Numbered receipts for fees and donations; the official donation receipt only for a registered charity."""

from __future__ import annotations

import datetime as dt

import pytest

from entraide_desktop.data import rows
from entraide_desktop.data.errors import ValidationError
from entraide_desktop.data.treasury import chart, journal, receipts
from entraide_desktop.documents.treasury.receipts import export_receipt
from tests.ui.test_meetings_documents import pdf_text

pytestmark = pytest.mark.usefixtures("qapp")


@pytest.fixture
def donation(store):
    chart.install_starting_chart(store)
    person = rows.insert(store, "people", {"first_name": "Hélène", "last_name": "Côté",
                                           "address": "12, rue des Érables, Trois-Rivières"})
    return journal.record(store, {"kind": "income", "on": "2026-06-10", "amount": "150", "person_id": person,
                                  "category_id": chart.starting_id(chart.CATEGORIES, "donations"),
                                  "account_id": chart.starting_id(chart.ACCOUNTS, "bank"), "description": "Don",
                                  "method": "cheque"})


def test_receipts_are_numbered_per_exercice_and_keep_their_number(store, donation):
    first = receipts.issue(store, donation, today=dt.date(2026, 6, 12))
    again = receipts.issue(store, donation, today=dt.date(2026, 7, 1))
    assert first.number == again.number == "2026-0001" and again.issued_on == dt.date(2026, 6, 12)
    fee = journal.record(store, {"kind": "income", "on": "2026-06-11", "amount": "5",
                                 "category_id": chart.starting_id(chart.CATEGORIES, "fees"),
                                 "account_id": chart.starting_id(chart.ACCOUNTS, "cash")})
    assert receipts.issue(store, fee).number == "2026-0002"


def test_an_official_receipt_needs_a_registered_charity_with_its_number(store, donation):
    with pytest.raises(ValidationError, match="organisme de bienfaisance enregistré"):
        receipts.issue(store, donation, official=True)
    with pytest.raises(ValidationError, match="123456789 RR 0001"):
        receipts.save_settings(store, registered_charity=True, charity_number="12345")
    receipts.save_settings(store, registered_charity=True, charity_number="123456789rr0001",
                           receipt_signatory="Lise Gagnon, trésorière", receipt_place="Trois-Rivières")
    assert receipts.settings(store).charity_number == "123456789RR0001"
    assert receipts.issue(store, donation, official=True).official


def test_the_official_receipt_pdf_carries_the_agencys_mentions(store, donation, tmp_path):
    receipts.save_settings(store, registered_charity=True, charity_number="123456789 RR 0001",
                           receipt_signatory="Lise Gagnon, trésorière", receipt_place="Trois-Rivières")
    receipt = receipts.issue(store, donation, official=True, today=dt.date(2027, 2, 1))
    text = " ".join(pdf_text(export_receipt(store, receipt, tmp_path / "recu.pdf"))).replace("\xa0", " ")
    for words in ("Reçu officiel de don aux fins de l'impôt sur le revenu", "2026-0001", "123456789 RR 0001",
                  "Trois-Rivières", "Hélène Côté", "12, rue des Érables", "150,00 $", "Montant admissible du don",
                  "Lise Gagnon, trésorière", "Agence du revenu du Canada", "10 juin 2026"):
        assert words in text, words


def test_a_fee_receipt_is_a_plain_receipt(store, donation, tmp_path):
    receipt = receipts.issue(store, donation)
    text = " ".join(pdf_text(export_receipt(store, receipt, tmp_path / "recu.pdf")))
    assert "Reçu de don" in text and "n'est pas un reçu officiel" in text and "Montant admissible" not in text


def test_the_treasurer_declares_the_charity_and_saves_an_official_receipt(qtbot, context, donation, tmp_path,
                                                                         monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from entraide_desktop.ui.treasury import receipt_actions
    from entraide_desktop.ui.treasury.chart_dialog import ChartDialog

    dialog = ChartDialog(context)
    qtbot.addWidget(dialog)
    dialog.charity.setChecked(True)
    dialog.charity_number.setText("1234")
    dialog.save_charity()
    assert "123456789 RR 0001" in dialog.charity_error.text()
    dialog.charity_number.setText("123456789 RR 0001")
    dialog.save_charity()
    assert receipts.settings(context.store).registered_charity
    monkeypatch.setattr(QMessageBox, "exec", lambda box: box.buttons()[0].click())  # « Reçu officiel (impôt) »
    target = tmp_path / "recu.pdf"
    monkeypatch.setattr(receipt_actions, "ask_save_path", lambda *a, **k: target)
    receipt_actions.save_receipt(dialog, context, donation)
    qtbot.waitUntil(target.exists, timeout=5000)
    assert "Reçu officiel de don" in " ".join(pdf_text(target))


def test_a_receipt_number_given_twice_by_two_machines_is_pointed_out_in_the_journal(qtbot, context, donation):
    from entraide_desktop.ui.treasury.journal_tab import JournalTab

    first = receipts.issue(context.store, donation, today=dt.date(2026, 6, 12))
    other = journal.record(context.store, {"kind": "income", "on": "2026-06-11", "amount": "5",
                                           "category_id": chart.starting_id(chart.CATEGORIES, "fees"),
                                           "account_id": chart.starting_id(chart.ACCOUNTS, "cash")})
    second = receipts.issue(context.store, other)
    tab = JournalTab(context)
    qtbot.addWidget(tab)
    tab.refresh()
    assert tab.receipt_warning.isHidden()
    rows.update(context.store, "treasury_receipts", second.id, {"number": first.number})  # as the other machine did
    tab.refresh()
    assert not tab.receipt_warning.isHidden() and first.number in tab.receipt_warning.text()
