"""The record form, the import preview and the printed phone network list."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel

from entraide_desktop.data import members, people
from entraide_desktop.data.members.fields import NOTES_REMINDER
from entraide_desktop.ui.context import AppContext
from entraide_desktop.ui.members import import_actions
from entraide_desktop.ui.members.import_dialog import ImportDialog
from entraide_desktop.ui.members.import_mapping import MappingPanel
from entraide_desktop.ui.members.person_dialog import PersonDialog
from entraide_desktop.ui.tasks import wait_for_tasks

FIXTURES = Path(__file__).parents[1] / "data" / "fixtures" / "members"


@pytest.fixture
def ctx(store, paths):
    return AppContext(store, paths)


def _dialog(qtbot, ctx, person_id=None):
    dialog = PersonDialog(ctx, person_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_form_fits_a_small_laptop_screen_and_reminds_about_health_information(qtbot, ctx):
    dialog = _dialog(qtbot, ctx)
    assert dialog.width() <= 1366 and dialog.height() <= 740
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert any("aucun renseignement de santé" in t for t in texts)
    assert NOTES_REMINDER.split(":")[0] in dialog.notes.accessibleDescription()
    dialog.notes.setPlainText("Nouveau diagnostic cette semaine")
    assert dialog.health_warning.isVisible() and "renseignement de santé" in dialog.health_warning.text()
    dialog.notes.setPlainText("Vient le jeudi")
    assert not dialog.health_warning.isVisible()


def test_save_validates_and_focuses_the_field_at_fault(qtbot, ctx, store):
    dialog = _dialog(qtbot, ctx)
    dialog.fields["first_name"].setText("Hélène")
    qtbot.keyClicks(dialog.fields["phone"], "555-1234")
    qtbot.keyClicks(dialog.fields["email"], "helene@exemple")
    dialog.save_button.click()
    assert dialog.isVisible() and "indicatif régional" in dialog.error.text()
    assert dialog.focusWidget() is dialog.fields["phone"]
    assert store.db.execute("SELECT count(*) FROM people").fetchone()[0] == 0
    dialog.fields["phone"].setText("418 555-1234")
    dialog.save_button.click()
    assert "courriel" in dialog.error.text() and dialog.focusWidget() is dialog.fields["email"]
    dialog.fields["email"].setText("helene@exemple.org")
    dialog.member_since.setText("31/02/2019")
    dialog.save_button.click()
    assert "n'existe pas" in dialog.error.text() and dialog.focusWidget() is dialog.member_since
    dialog.member_since.setText("15/03/2019")
    dialog.save_button.click()
    assert not dialog.isVisible()
    record = members.get_person(store, dialog.saved_id)
    assert (record.phone, record.member_since, record.roles) == ("418 555-1234", "2019-03-15", ("membre",))


def test_consents_tab_withdraws_with_a_date(qtbot, ctx, store):
    pid = members.create_person(store, {"first_name": "Luc"})
    members.grant_consent(store, pid, "photos", dt.date(2024, 5, 1))
    dialog = _dialog(qtbot, ctx, pid)
    row = dialog.consents.rows["photos"]
    assert row.check.isChecked() and row.date.text() == "2024-05-01"
    row.check.setChecked(False)
    assert row.date_label.text() == "Retiré le :" and row.date.text() == dt.date.today().isoformat()
    dialog.consents.rows["mailings"].check.setChecked(True)
    dialog.save_button.click()
    assert not people.has_consent(store, pid, "photos")
    assert people.has_consent(store, pid, "mailings")
    state = members.consent_states(store, pid)["photos"]
    assert state.granted_on == dt.date(2024, 5, 1) and state.withdrawn_on == dt.date.today()


def test_a_withdrawal_before_the_consent_brings_back_the_consents_tab(qtbot, ctx, store):
    pid = members.create_person(store, {"first_name": "Luc"})
    members.grant_consent(store, pid, "photos", dt.date(2024, 5, 1))
    dialog = _dialog(qtbot, ctx, pid)
    row = dialog.consents.rows["photos"]
    row.check.setChecked(False)
    row.date.setText("2020-01-01")
    dialog.save_button.click()
    assert dialog.tabs.currentWidget() is dialog.consents and dialog.focusWidget() is row.date
    assert "ne peut pas précéder" in dialog.error.text()
    assert people.has_consent(store, pid, "photos")


def test_memberships_tab_adds_a_free_membership_and_shows_the_standing(qtbot, ctx, store):
    pid = members.create_person(store, {"first_name": "Luc", "roles": ["membre"]})
    dialog = _dialog(qtbot, ctx, pid)
    tab = dialog.memberships
    dialog.tabs.setCurrentWidget(tab)
    assert "Pas en règle" in tab.standing.text()
    tab.add_button.click()
    assert tab.editor.isVisible() and tab.paid_on.text() == dt.date.today().isoformat()
    tab.keep_button.click()
    assert "Membre en règle jusqu'au" in tab.standing.text()
    assert tab.table.rowCount() == 1 and "(à enregistrer)" in tab.table.item(0, 0).text()
    assert tab.table.item(0, 2).text() == "Non précisé"
    dialog.save_button.click()
    assert people.in_good_standing(store, pid)


def test_history_tab_lists_changes_with_their_author(qtbot, ctx, store):
    pid = members.create_person(store, {"first_name": "Luc", "phone": "418 555-0000"})
    members.update_person(store, pid, {"phone": "418 555-1111"})
    dialog = _dialog(qtbot, ctx, pid)
    table = dialog.history.table
    rows = [[table.item(r, c).text() for c in range(4)] for r in range(table.rowCount())]
    assert rows[0][1:] == ["Marie (secrétariat)", "Téléphone", "418 555-1111"]


def _import_dialog(qtbot, ctx, path):
    dialog = ImportDialog(ctx, str(path))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.stack.currentWidget() is not dialog.loading, timeout=10000)
    return dialog


def _checked(qtbot, dialog):
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10000)


def test_import_preview_then_import(qtbot, ctx, store, tmp_path, monkeypatch):
    path = tmp_path / "liste.csv"
    shutil.copy(FIXTURES / "liste-windows-1252.csv", path)
    dialog = _import_dialog(qtbot, ctx, path)
    assert dialog.width() <= 1366 and dialog.height() <= 740
    assert dialog.stack.currentWidget() is dialog.preview_page
    assert "Windows-1252" in dialog.description.text()
    assert dialog.summary.text() == "7 personnes à ajouter (dont 3 avec des renseignements à vérifier) · 1 ligne ignorée"
    assert store.db.execute("SELECT count(*) FROM people").fetchone()[0] == 0
    # The notes column is « non importée » by default; sending it to the notes asks first (health information).
    notes_combo = dialog.combos[9]
    assert notes_combo.currentData() == "" and notes_combo.currentText() == "— Non importée —"
    monkeypatch.setattr(MappingPanel, "_health_reminder", lambda self: False)
    notes_combo.setCurrentIndex(notes_combo.findData("notes"))
    assert notes_combo.currentData() == "", "the reminder was declined: the column stays out"
    _checked(qtbot, dialog)
    assert dialog.preview.mapping[9] == ""
    # …and to add the repeated line anyway.
    last = dialog.rows_model.rowCount() - 1
    dialog.rows_view.selectRow(last)
    dialog.decision.setCurrentIndex(dialog.decision.findData("create"))
    dialog.decision.activated.emit(dialog.decision.currentIndex())
    assert dialog.import_button.text() == "&Importer 8 lignes"
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=10000)
    wait_for_tasks()
    assert dialog.stack.currentWidget() is dialog.done_page
    assert "8 personnes ajoutées" in dialog.done_summary.text() and "3 fiches à vérifier" in dialog.done_summary.text()
    assert "ligne 6 : Gaétan Lévesque — importée, 1 renseignement à vérifier" in dialog.done_details.text()
    assert not dialog.review_button.isHidden()
    assert store.db.execute("SELECT count(*) FROM people").fetchone()[0] == 8
    assert store.db.execute("SELECT count(*) FROM people WHERE notes IS NOT NULL").fetchone()[0] == 3, "to check"
    # The mapping was wrong after all: the whole import is taken back in one step.
    monkeypatch.setattr(import_actions, "confirm", lambda *args, **kwargs: True)
    monkeypatch.setattr(import_actions, "inform", lambda *args, **kwargs: None)
    dialog.undo_button.click()
    assert store.db.execute("SELECT count(*) FROM people WHERE archived = 0").fetchone()[0] == 0
    assert "Importation annulée" in dialog.done_summary.text() and not dialog.undo_button.isEnabled()


def test_the_review_list_goes_through_people_one_by_one(qtbot, ctx, store, tmp_path):
    from entraide_desktop.data.members.importing import apply_import, preview_file
    from entraide_desktop.ui.members.review_dialog import ReviewDialog

    apply_import(store, preview_file(store, str(FIXTURES / "liste-windows-1252.csv")))
    dialog = ReviewDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 3 and dialog.count_label.text() == "3 personnes à vérifier"
    assert dialog.cells.rowCount() >= 1
    dialog.done_button.click()
    assert dialog.list.count() == 2
    dialog.done_button.click()
    dialog.done_button.click()
    assert dialog.list.count() == 0 and "Toutes les fiches ont été vérifiées." in dialog.person_label.text()


@pytest.mark.parametrize(("fixture", "words"), [("vide.csv", "est vide"), ("lignes-vides.csv", "est vide")])
def test_import_of_an_ugly_file_shows_why_in_the_dialog(qtbot, ctx, fixture, words):
    dialog = _import_dialog(qtbot, ctx, FIXTURES / fixture)
    assert dialog.stack.currentWidget() is dialog.failure
    assert words in dialog.failure_message.text() and not dialog.import_button.isEnabled()


def test_import_of_a_binary_file_and_unknown_columns(qtbot, ctx, tmp_path):
    binary = tmp_path / "photo.csv"
    binary.write_bytes(bytes(range(256)) * 50)
    dialog = _import_dialog(qtbot, ctx, binary)
    assert "binaire" in dialog.failure_message.text()
    dialog = _import_dialog(qtbot, ctx, FIXTURES / "colonnes-inconnues.csv")
    assert dialog.stack.currentWidget() is dialog.preview_page
    assert "Aucune colonne n'a été reconnue" in dialog.problems.text()
    assert not dialog.import_button.isEnabled()
    dialog.combos[0].setCurrentIndex(dialog.combos[0].findData("first_name"))
    _checked(qtbot, dialog)
    assert dialog.import_button.isEnabled() and not dialog.problems.isVisible()


def test_phone_network_pdf(qtbot, store, tmp_path):
    from pypdf import PdfReader

    from entraide_desktop.documents.members.phone_network import write_phone_network

    assert QApplication.instance() is not None
    yes = members.create_person(store, {"first_name": "Lucie", "last_name": "Tremblay", "display_name": "Lulu",
                                        "phone": "418 555-0101"})
    members.grant_consent(store, yes, "phone_network", dt.date(2025, 1, 1))
    no = members.create_person(store, {"first_name": "Denis", "last_name": "Gosselin", "phone": "418 555-0202"})
    members.grant_consent(store, no, "photos", dt.date(2025, 1, 1))
    for n in range(60):
        pid = members.create_person(store, {"first_name": f"Personne{n:02d}", "phone": f"819 555-{n:04d}"})
        members.grant_consent(store, pid, "phone_network", dt.date(2025, 1, 1))
    target = tmp_path / "reseau.pdf"
    listed, missing = write_phone_network(store, target, "Le Phare")
    assert (listed, missing) == (61, 0)
    reader = PdfReader(target)
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)  # US Letter
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert "Réseau de soutien téléphonique" in text and "Le Phare" in text
    assert "Lulu" in text and "418 555-0101" in text and "Tremblay" not in text
    assert "Gosselin" not in text and "418 555-0202" not in text
    assert len(reader.pages) >= 2 and f"page 2 sur {len(reader.pages)}" in text


def test_exports_ask_about_personal_data_first(qtbot, ctx, store, tmp_path, monkeypatch, _no_blocking_boxes):
    from entraide_desktop.ui.members import exports

    members.create_person(store, {"first_name": "Lucie"})
    target = tmp_path / "registre"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    monkeypatch.setattr(exports, "confirm", lambda *a, **k: False)
    exports.export_register(ctx, None, "csv")
    assert not target.with_suffix(".csv").exists()
    asked = []
    monkeypatch.setattr(exports, "confirm", lambda parent, title, text, action, **k: asked.append(text) or True)
    exports.export_register(ctx, None, "xlsx")
    qtbot.waitUntil(lambda: target.with_suffix(".xlsx").exists(), timeout=10000)
    wait_for_tasks()
    assert "renseignements personnels" in asked[0]
