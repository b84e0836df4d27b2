"""The Responsabilités screen: assigning, confirming a rotation suggestion, mandates, people, errors."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from PySide6.QtCore import QDate, Qt

from entraide_desktop.data import rows
from entraide_desktop.data.responsibilities import assignments as A
from entraide_desktop.data.responsibilities import availability, catalogue
from entraide_desktop.ui.responsibilities import ResponsibilitiesPage
from entraide_desktop.ui.responsibilities.assign_dialog import AssignDialog
from entraide_desktop.ui.responsibilities.suggest_dialog import SuggestDialog

D = dt.date


def person(store, name: str, *roles: str, **values) -> str:
    return rows.insert(store, "people", {"first_name": name, "roles": json.dumps(list(roles or ["membre"])), **values})


@pytest.fixture
def group(store):
    catalogue.install_starting_catalogue(store)
    ids = {code: catalogue.starting_id(code) for code in ("coffee", "presidency", "members_committee")}
    ids.update(ana=person(store, "Ana"), bea=person(store, "Béa", "membre", "administrateur"),
               carl=person(store, "Carl", "intervenant"))
    return ids


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def test_an_empty_group_is_offered_the_starting_catalogue(qtbot, context):
    page = ResponsibilitiesPage(context)
    qtbot.addWidget(page)
    tab = page.catalogue
    assert not tab.install_button.isHidden() and not tab.empty.isHidden()
    tab.install_button.click()
    titles = [tab.tree.topLevelItem(i).text(0).strip() for i in range(tab.tree.topLevelItemCount())]
    assert titles[0] == "Tâches régulières" and "Rôles permanents" in titles and "Mandats électifs" in titles
    assert len(titles) == 16
    assert tab.install_button.isHidden()
    assert tab.detail.title.text() == "Accueil des nouveaux"
    assert "On ne pose aucune question sur la santé" in tab.detail.handover.text()


def test_assigning_a_task_to_a_person_through_the_form(qtbot, context, group):
    dialog = AssignDialog(context, group["coffee"], start=D(2026, 3, 3))
    qtbot.addWidget(dialog)
    assert dialog.seat.isHidden() or not dialog.form.isRowVisible(dialog.seat)
    dialog.person.setCurrentIndex(-1)
    qtbot.keyClicks(dialog.person.lineEdit(), "Ana")
    dialog.end.setDate(qdate(D(2026, 3, 31)))
    with qtbot.waitSignal(context.data_changed, timeout=1000):
        dialog.ok.click()
    assert dialog.result() == dialog.DialogCode.Accepted
    (saved,) = A.find(context.store, responsibility_id=group["coffee"])
    assert (saved.person_name, saved.start_on, saved.end_on) == ("Ana", D(2026, 3, 3), D(2026, 3, 31))


def test_bad_input_is_explained_in_the_form_and_nothing_is_saved(qtbot, context, group):
    dialog = AssignDialog(context, group["coffee"], start=D(2026, 3, 10))
    qtbot.addWidget(dialog)
    dialog.person.setCurrentIndex(-1)
    qtbot.keyClicks(dialog.person.lineEdit(), "Personne inconnue")
    dialog.ok.click()
    assert "Choisissez une personne du registre" in dialog.error.text()
    dialog.person.setCurrentIndex(dialog.person.findData(group["ana"]))
    dialog.end.setDate(qdate(D(2026, 3, 1)))
    dialog.ok.click()
    assert "La date de fin (1er mars 2026) est avant la date de début (10 mars 2026)" in dialog.error.text()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert A.find(context.store) == []


def test_archived_people_are_not_offered(qtbot, context, group):
    rows.archive(context.store, "people", group["carl"])
    dialog = AssignDialog(context, group["coffee"])
    qtbot.addWidget(dialog)
    offered = [dialog.person.itemText(i) for i in range(dialog.person.count())]
    assert offered == ["Ana", "Béa"]


def test_an_absence_is_shown_before_confirming(qtbot, context, group):
    availability.add_unavailability(context.store, group["ana"], D(2026, 3, 1), D(2026, 3, 20), "Vacances")
    dialog = AssignDialog(context, group["coffee"], person_id=group["ana"], start=D(2026, 3, 10))
    qtbot.addWidget(dialog)
    dialog.ok.click()
    assert "Ana a indiqué être absent·e du 1er mars 2026 au 20 mars 2026 (Vacances)." in dialog.warning.text()
    assert dialog.ok.text() == "&Confier quand même"
    assert A.find(context.store) == []
    dialog.ok.click()
    assert len(A.find(context.store)) == 1


def test_a_mandate_gets_its_term_and_an_overlap_is_refused(qtbot, context, group):
    dialog = AssignDialog(context, group["presidency"], person_id=group["bea"], start=D(2026, 6, 25))
    qtbot.addWidget(dialog)
    assert dialog.form.isRowVisible(dialog.seat) and dialog.form.isRowVisible(dialog.origin)
    assert dialog.end.date() == qdate(D(2027, 6, 24))  # twelve months, filled from the mandate
    dialog.origin.setCurrentIndex(dialog.origin.findData("elected"))
    dialog.ok.click()
    assert dialog.result() == dialog.DialogCode.Accepted
    rows.update(context.store, "people", group["ana"], {"roles": json.dumps(["membre", "administrateur"])})
    other = AssignDialog(context, group["presidency"], person_id=group["ana"], start=D(2027, 1, 1))
    qtbot.addWidget(other)
    other.ok.click()
    assert "Les sièges de « Présidence » (1) sont tous occupés" in other.error.text()
    assert len(A.find(context.store, responsibility_id=group["presidency"])) == 1


def test_confirming_a_rotation_suggestion(qtbot, context, group):
    day = D(2026, 3, 3)
    dialog = SuggestDialog(context, group["coffee"], day=day)
    qtbot.addWidget(dialog)
    assert dialog.title.text() == "Qui pourrait prendre « Préparer le café » ?"
    assert "Proposition : <b>Ana</b>" in dialog.proposal.text()
    assert dialog.confirm_button.text() == "&Confirmer : confier à Ana"
    rule = [label for label in dialog.findChildren(type(dialog.left_out)) if label.accessibleName() == "Comment Entraide choisit"]
    assert "À égalité, l'ordre alphabétique du nom décide" in rule[0].text()
    with qtbot.waitSignal(context.data_changed, timeout=1000):
        dialog.confirm_button.click()
    (first,) = A.find(context.store)
    assert (first.person_name, first.start_on, first.end_on) == ("Ana", day, day)
    # the next week, Ana has had her turn: Béa is proposed
    following = SuggestDialog(context, group["coffee"], day=day + dt.timedelta(days=7))
    qtbot.addWidget(following)
    assert following.selected().name == "Béa"
    assert following.others.item(2).text().startswith("Ana (Membres) — L'a tenue 1 fois depuis un an")


def test_choosing_another_person_than_the_suggestion(qtbot, context, group):
    dialog = SuggestDialog(context, group["coffee"], day=D(2026, 3, 3))
    qtbot.addWidget(dialog)
    dialog.others.setCurrentRow(2)
    assert dialog.confirm_button.text() == "&Confirmer : confier à Carl"
    qtbot.keyClick(dialog.others, Qt.Key.Key_Return)  # Enter confirms the selected person
    assert dialog.result() == dialog.DialogCode.Accepted
    assert [a.person_name for a in A.find(context.store)] == ["Carl"]


def test_the_page_follows_changes_and_opens_a_reminder_target(qtbot, window, group):
    window.show_page("responsibilities", group["members_committee"])
    page = window.page("responsibilities")
    assert page.catalogue.detail.title.text() == "Comité des membres"
    assert page.catalogue.detail.suggest_button.isHidden()  # suggestions are for tasks
    A.assign(window.context.store, A.Draft(group["members_committee"], group["ana"], D(2025, 9, 1)))
    # The write path announces the change: the page follows without being told.
    qtbot.waitUntil(lambda: page.catalogue.detail.current.count() > 0
                    and page.catalogue.detail.current.item(0).text() == "Ana — depuis le 1er septembre 2025")


def test_mandates_tab_shows_seats_vacancies_and_ending_terms(qtbot, context, group):
    A.assign(context.store, A.Draft(group["presidency"], group["bea"], D.today() - dt.timedelta(days=330),
                                    origin="elected", origin_on=D.today() - dt.timedelta(days=330)))
    page = ResponsibilitiesPage(context)
    qtbot.addWidget(page)
    page.tabs.setCurrentWidget(page.mandates)  # tabs fill themselves when first shown
    tree = page.mandates.tree
    rows_ = {(tree.topLevelItem(i).text(0), tree.topLevelItem(i).text(1)): tree.topLevelItem(i)
             for i in range(tree.topLevelItemCount())}
    presidency = rows_[("Présidence", "1")]
    assert presidency.text(2) == "Béa" and presidency.text(6).startswith("⚠ Se termine dans 34 jours")
    assert rows_[("Secrétariat", "1")].text(6) == "⚠ Vacant"
    assert presidency.text(5).startswith("Élu·e à l'AGA du ")


def test_people_tab_never_held_and_do_not_propose(qtbot, context, group):
    A.assign(context.store, A.Draft(group["coffee"], group["ana"], D(2026, 3, 3), D(2026, 3, 3)))
    page = ResponsibilitiesPage(context)
    qtbot.addWidget(page)
    page.tabs.setCurrentWidget(page.people)
    tab = page.people
    tab.only_never.setChecked(True)
    assert tab.visible_names() == ["Béa", "Carl"]
    assert not tab.never_text.isHidden()
    assert tab.only_never.text() == "Seulement les personnes qui n'ont &jamais pris de responsabilité (2)"
    tab.list.setCurrentRow(1)
    assert tab.name.text() == "Carl"
    tab.do_not_propose.setChecked(True)
    assert availability.asked_not_to_be_proposed(context.store, group["carl"])
    tab.search.setText("be")
    assert tab.visible_names() == ["Béa"]  # accent-blind search


def test_assigning_one_activity_of_the_calendar(qtbot, context, group, monkeypatch):
    from entraide_desktop.data import calendar

    start = dt.datetime.combine(D.today() + dt.timedelta(days=6), dt.time(13, 30))
    occurrence = calendar.OccurrenceView("act-1", start, start + dt.timedelta(hours=2), False,
                                         "Groupe de discussion", "Entraide personnelle", "Local", key="act-1|occ-1")
    monkeypatch.setattr(calendar, "upcoming", lambda store, start, days=14: [occurrence])
    dialog = AssignDialog(context, group["coffee"], person_id=group["bea"])
    qtbot.addWidget(dialog)
    assert dialog.for_occurrence.isEnabled()
    assert dialog.occurrence.itemText(0).endswith("13 h 30 — Groupe de discussion")
    dialog.for_occurrence.setChecked(True)
    assert not dialog.start.isEnabled() and dialog.occurrence.isEnabled()
    dialog.ok.click()
    (saved,) = A.find(context.store)
    assert (saved.occurrence_key, saved.start_on, saved.end_on) == ("act-1|occ-1", start.date(), start.date())
    assert saved.id == A.occurrence_assignment_id(group["coffee"], group["bea"], "act-1|occ-1")


def test_no_calendar_activity_means_the_choice_is_off_and_explained(qtbot, context, group):
    dialog = AssignDialog(context, group["coffee"])
    qtbot.addWidget(dialog)
    assert not dialog.for_occurrence.isEnabled()
    assert dialog.for_occurrence.toolTip() == "Aucune activité prévue dans le calendrier d'ici deux mois."


def test_ending_a_term_from_the_detail_panel(qtbot, context, group):
    from entraide_desktop.ui.responsibilities.small_dialogs import EndDialog

    aid = A.assign(context.store, A.Draft(group["presidency"], group["bea"], D(2026, 1, 10), origin="elected"))
    dialog = EndDialog(context, A.get_assignment(context.store, aid))
    qtbot.addWidget(dialog)
    dialog.end.setDate(qdate(D(2025, 12, 1)))
    dialog.buttons.accepted.emit()
    assert "avant la date de début" in dialog.error.text()
    dialog.end.setDate(qdate(D(2026, 4, 30)))
    dialog.note.setText("Démission")  # QTest types ASCII only
    dialog.buttons.accepted.emit()
    assert A.get_assignment(context.store, aid).end_on == D(2026, 4, 30)
    assert A.get_assignment(context.store, aid).note == "Démission"


def test_a_new_responsibility_is_checked_then_saved(qtbot, context):
    from entraide_desktop.ui.responsibilities.edit_dialog import ResponsibilityDialog

    dialog = ResponsibilityDialog(context)
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData("mandate"))
    assert dialog.form.isRowVisible(dialog.term) and not dialog.form.isRowVisible(dialog.frequency)
    dialog.save()
    assert dialog.error.text().startswith("⚠ Donnez un nom à la responsabilité")
    dialog.title.setText("Vice-présidence")
    dialog.roles["administrateur"].setChecked(True)
    dialog.save()
    saved = catalogue.get_responsibility(context.store, dialog.saved_id)
    assert (saved.kind, saved.title, saved.term_months, saved.eligible_roles) == (
        "mandate", "Vice-présidence", 12, ("administrateur",))


def test_absence_dialog(qtbot, context, group):
    from entraide_desktop.ui.responsibilities.small_dialogs import AbsenceDialog

    dialog = AbsenceDialog(context, group["ana"], "Ana")
    qtbot.addWidget(dialog)
    dialog.start.setDate(qdate(D(2026, 7, 1)))
    dialog.end.setDate(qdate(D(2026, 7, 14)))
    qtbot.keyClicks(dialog.note, "Vacances")
    dialog.buttons.accepted.emit()
    (absence,) = availability.unavailabilities(context.store, group["ana"])
    assert (absence.start_on, absence.end_on, absence.note) == (D(2026, 7, 1), D(2026, 7, 14), "Vacances")
