"""Attendance, voting rights and the quorum, on a known group."""

from __future__ import annotations

import datetime as dt

import pytest

from entraide_desktop.data import meetings as mt
from entraide_desktop.data import people, rows
from entraide_desktop.data.errors import ValidationError
from tests.data.test_meetings_support import AGA_DAY, aga, known_group


def test_quorum_of_an_assembly_is_a_share_of_members_in_good_standing(store):
    ids = known_group(store)
    meeting = aga(store, ids, present=())
    q = mt.quorum(store, meeting)
    assert (q.required, q.voters_present, q.met) == (3, 0, False)
    assert "25\xa0%" in q.basis and "10 membres en règle" in q.basis
    mt.mark(store, meeting, ids["Ana"], mt.PRESENT)
    mt.mark(store, meeting, ids["Marie"], mt.PRESENT)  # staff: present, no vote
    mt.mark(store, meeting, ids["Karine"], mt.PRESENT)  # membership lapsed: no vote
    q = mt.quorum(store, meeting)
    assert (q.present, q.voters_present, q.met) == (3, 1, False)
    assert q.text().startswith("Quorum non atteint : 1 personne votante présente sur 3 requises")
    assert "Il en manque 2" in q.text()
    mt.mark_many(store, meeting, {ids["Benoît"]: mt.PRESENT, ids["Céline"]: mt.PRESENT})
    q = mt.quorum(store, meeting)
    assert (q.voters_present, q.met) == (3, True)
    assert q.text().startswith("Quorum atteint : 3 personnes votantes présentes (il en faut 3")


def test_voting_rights_follow_the_type(store):
    ids = known_group(store)
    meeting = aga(store, ids, present=("Ana", "Émilie", "Karine", "Marie"))
    rights = mt.voting_rights(store, meeting)
    assert rights == {ids["Ana"]: True, ids["Émilie"]: True, ids["Karine"]: False, ids["Marie"]: False}
    board = mt.create_meeting(store, mt.type_id("ca"), "2026-06-20")
    mt.mark_many(store, board, {ids["Ana"]: mt.PRESENT, ids["Émilie"]: mt.PRESENT, ids["Marie"]: mt.PRESENT})
    assert mt.voting_rights(store, board) == {ids["Ana"]: True, ids["Émilie"]: False, ids["Marie"]: False}
    q = mt.quorum(store, board)
    assert (q.required, q.voters_present, q.met) == (4, 1, False)
    team = mt.create_meeting(store, mt.type_id("equipe"), "2026-06-22")
    mt.mark_many(store, team, {ids["Marie"]: mt.PRESENT, ids["Olivier"]: mt.PRESENT})
    assert all(mt.voting_rights(store, team).values())
    assert mt.quorum(store, team).required is None
    assert "Aucun quorum" in mt.quorum(store, team).text()


def test_membership_on_the_meetings_date_decides(store):
    ids = known_group(store)
    earlier = aga(store, ids, present=("Ana", "Karine"), day=dt.date(2024, 6, 13))
    assert mt.voting_rights(store, earlier) == {ids["Ana"]: False, ids["Karine"]: True}


def test_a_fixed_number_rule_and_a_missing_rule(store):
    ids = known_group(store)
    meeting = aga(store, ids)
    mt.set_group_quorum_rule(store, "number", 5)
    assert mt.quorum(store, meeting).required == 5
    assert mt.quorum(store, meeting).basis == "règle du groupe"
    mt.set_group_quorum_rule(store, "", "")
    q = mt.quorum(store, meeting)
    assert q.rule_missing and q.met is None and "n'est pas définie" in q.text()
    with pytest.raises(ValidationError, match="entre 1 % et 100 %"):
        mt.set_group_quorum_rule(store, "share", "150 %")


def test_erased_person_still_counts_with_the_removed_label(store):
    ids = known_group(store)
    meeting = aga(store, ids, present=("Ana", "Benoît", "Céline"))
    rows.erase(store, "people", ids["Benoît"])
    q = mt.quorum(store, meeting)
    assert (q.present, q.voters_present, q.met) == (3, 3, True)
    names = [a.name for a in mt.attendees(store, meeting)]
    assert names[-1] == "Personne retirée du registre"
    roster = {r.person_id: r for r in mt.roster(store, meeting)}
    assert roster[ids["Benoît"]].person.removed and roster[ids["Benoît"]].person.name == "Personne retirée du registre"
    assert roster[ids["Benoît"]].status == mt.PRESENT


def test_statuses_excused_absent_and_unmarking(store):
    ids = known_group(store)
    meeting = aga(store, ids, present=())
    mt.mark_many(store, meeting, {ids["Ana"]: mt.EXCUSED, ids["Benoît"]: mt.ABSENT, ids["Céline"]: mt.PRESENT})
    assert [a.name for a in mt.attendees(store, meeting, mt.EXCUSED)] == ["Ana Test"]
    assert [a.name for a in mt.attendees(store, meeting, mt.ABSENT)] == ["Benoît Test"]
    mt.mark(store, meeting, ids["Céline"], "")
    assert mt.quorum(store, meeting).present == 0
    assert mt.status_of(store, meeting, ids["Céline"]) == ""
    # Marking twice is one row (deterministic id): two machines marking the same person agree.
    mt.mark(store, meeting, ids["Céline"], mt.PRESENT)
    mt.mark(store, meeting, ids["Céline"], mt.PRESENT)
    assert store.db.execute("SELECT count(*) FROM meeting_attendance WHERE person_id = ?",
                            [ids["Céline"]]).fetchone()[0] == 1


def test_guests_are_listed_but_never_vote(store):
    ids = known_group(store)
    meeting = aga(store, ids)
    mt.add_guest(store, meeting, "Patrice Ménard", "Présidence d'assemblée")
    with pytest.raises(ValidationError, match="nom de la personne invitée"):
        mt.add_guest(store, meeting, "  ")
    q = mt.quorum(store, meeting)
    assert q.guests == 1 and q.voters_present == 3
    assert [g.name for g in mt.guests(store, meeting)] == ["Patrice Ménard"]


def test_person_references_are_declared_for_merging(store):
    for pair in (("meeting_attendance", "person_id"), ("proposals", "moved_by"), ("proposals", "seconded_by"),
                 ("meetings", "chair_id"), ("meetings", "secretary_id"), ("meeting_followups", "person_id")):
        assert pair in people.PERSON_REFERENCES


def test_good_standing_date_is_the_meeting_date(store):
    ids = known_group(store)
    meeting = aga(store, ids, present=("Jocelyn",))
    assert mt.voting_rights(store, meeting)[ids["Jocelyn"]] is True
    assert AGA_DAY.isoformat() == rows.get(store, "meetings", meeting)["date"]
