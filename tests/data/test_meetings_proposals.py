"""Proposals: movers and seconders, outcomes, vote counts, amendments, and their formal wording."""

from __future__ import annotations

import pytest

from entraide_desktop.data import meetings as mt
from entraide_desktop.data import rows
from entraide_desktop.data.errors import ValidationError
from entraide_desktop.data.meetings.wording import clause, outcome_sentence, proposal_sentence
from tests.data.test_meetings_support import aga, item, known_group


@pytest.fixture
def group(store):
    ids = known_group(store)
    meeting = aga(store, ids, present=("Ana", "Benoît", "Céline", "Denis", "Karine", "Marie"))
    mt.mark(store, meeting, ids["Émilie"], mt.EXCUSED)
    return store, ids, meeting, item(store, meeting, "agenda")


def _unchanged(store, proposal_id):
    return rows.get(store, "proposals", proposal_id)


def test_formal_sentence_and_unanimous_adoption(group):
    store, ids, meeting, agenda = group
    text, adopts = mt.suggested_proposal(store, agenda)
    assert (text, adopts) == ("l'ordre du jour soit adopté tel que présenté.", None)
    pid = mt.add_proposal(store, agenda, text, moved_by=ids["Ana"], seconded_by=ids["Benoît"])
    mt.set_outcome(store, pid, "unanimous")
    p = mt.get_proposal(store, pid)
    assert p.reference == "AGA-2026-06-11-01"
    assert proposal_sentence(p) == ("Il est proposé par Ana Test, appuyé par Benoît Test, que l'ordre du jour soit "
                                    "adopté tel que présenté.")
    assert outcome_sentence(p) == "Adoptée à l'unanimité."


def test_proposer_cannot_second_and_nothing_changes(group):
    store, ids, _meeting, agenda = group
    pid = mt.add_proposal(store, agenda, "l'ordre du jour soit adopté", moved_by=ids["Ana"])
    before = _unchanged(store, pid)
    with pytest.raises(ValidationError, match="ne peut pas appuyer sa propre proposition"):
        mt.update_proposal(store, pid, seconded_by=ids["Ana"])
    assert _unchanged(store, pid) == before
    with pytest.raises(ValidationError, match="ne peut pas appuyer sa propre proposition"):
        mt.add_proposal(store, agenda, "x", moved_by=ids["Céline"], seconded_by=ids["Céline"])


def test_absent_excused_unmarked_or_non_voting_people_cannot_move(group):
    store, ids, _meeting, agenda = group
    cases = (("Émilie", "excusé·e"), ("Hélène", "n'est pas inscrit·e parmi les personnes présentes"),
             ("Karine", "n'a pas le droit de vote"), ("Marie", "n'a pas le droit de vote"))
    for name, message in cases:
        with pytest.raises(ValidationError, match=message):
            mt.add_proposal(store, agenda, "x", moved_by=ids[name], seconded_by=ids["Ana"])
    assert mt.proposals(store, group[2]) == []
    mt.mark(store, group[2], ids["Denis"], mt.ABSENT)
    with pytest.raises(ValidationError, match="Denis Test est inscrit·e comme absent·e"):
        mt.add_proposal(store, agenda, "x", moved_by=ids["Ana"], seconded_by=ids["Denis"])


def test_a_mover_stays_present(group):
    store, ids, meeting, agenda = group
    mt.add_proposal(store, agenda, "x", moved_by=ids["Ana"], seconded_by=ids["Benoît"])
    with pytest.raises(ValidationError, match="doit rester inscrite comme présente"):
        mt.mark(store, meeting, ids["Ana"], mt.ABSENT)
    assert mt.status_of(store, meeting, ids["Ana"]) == mt.PRESENT


def test_vote_totals_cannot_exceed_the_voters_present(group):
    store, ids, meeting, agenda = group
    assert mt.quorum(store, meeting).voters_present == 4
    pid = mt.add_proposal(store, agenda, "x", moved_by=ids["Ana"], seconded_by=ids["Benoît"])
    with pytest.raises(ValidationError, match=r"Le total des votes \(5\) dépasse le nombre de personnes votantes "
                                              r"présentes \(4\)"):
        mt.set_outcome(store, pid, "majority", 3, 1, 1)
    assert _unchanged(store, pid)["outcome"] is None
    mt.set_outcome(store, pid, "majority", 3, 1, 0)
    p = mt.get_proposal(store, pid)
    assert outcome_sentence(p) == "Pour : 3; contre : 1; abstentions : 0. Adoptée à la majorité."


@pytest.mark.parametrize("outcome, counts, message", [
    ("unanimous", (3, 1, None), "aucun vote contre"),
    ("majority", (2, 2, None), "n'est pas adoptée à la majorité"),
    ("rejected", (3, 1, None), "ne peut pas être inscrite comme rejetée"),
    ("majority", (-1, None, None), "entier positif"),
])
def test_inconsistent_counts_are_refused(group, outcome, counts, message):
    store, ids, _meeting, agenda = group
    pid = mt.add_proposal(store, agenda, "x", moved_by=ids["Ana"], seconded_by=ids["Benoît"])
    with pytest.raises(ValidationError, match=message):
        mt.set_outcome(store, pid, outcome, *counts)
    assert _unchanged(store, pid)["outcome"] is None


def test_every_outcome_and_its_wording(group):
    store, ids, _meeting, agenda = group
    expected = {"unanimous": "Adoptée à l'unanimité.", "majority": "Adoptée à la majorité.",
                "consensus": "Adoptée par consensus.", "rejected": "Rejetée.", "withdrawn": "Retirée.",
                "postponed": "Reportée."}
    for outcome, sentence in expected.items():
        pid = mt.add_proposal(store, agenda, "x", moved_by=ids["Céline"], seconded_by=ids["Denis"])
        mt.set_outcome(store, pid, outcome)
        assert outcome_sentence(mt.get_proposal(store, pid)) == sentence
    assert mt.get_proposal(store, pid).adopted is False


def test_a_vote_needs_a_mover_and_a_seconder_but_a_consensus_does_not(group):
    store, _ids, _meeting, agenda = group
    pid = mt.add_proposal(store, agenda, "le local ferme à 16 h le vendredi")
    with pytest.raises(ValidationError, match="qui propose"):
        mt.set_outcome(store, pid, "unanimous")
    mt.set_outcome(store, pid, "consensus")
    assert proposal_sentence(mt.get_proposal(store, pid)) == (
        "Il est convenu par consensus que le local ferme à 16 h le vendredi.")


def test_amendments_and_sub_amendments_are_voted_first(group):
    store, ids, _meeting, agenda = group
    main = mt.add_proposal(store, agenda, "le plan d'action soit adopté", moved_by=ids["Ana"],
                           seconded_by=ids["Benoît"])
    amendment = mt.add_proposal(store, agenda, "ajouter « avec les membres »", moved_by=ids["Céline"],
                                seconded_by=ids["Denis"], parent_id=main)
    sub = mt.add_proposal(store, agenda, "remplacer « membres » par « membres et bénévoles »", moved_by=ids["Ana"],
                          seconded_by=ids["Denis"], parent_id=amendment)
    with pytest.raises(ValidationError, match="ne peut pas être amendé à son tour"):
        mt.add_proposal(store, agenda, "x", parent_id=sub)
    with pytest.raises(ValidationError, match="Disposez d'abord de l'amendement"):
        mt.set_outcome(store, main, "unanimous")
    mt.set_outcome(store, sub, "rejected", 1, 3, 0)
    mt.set_outcome(store, amendment, "majority", 3, 1, 0)
    mt.set_outcome(store, main, "unanimous")
    refs = [(p.reference, p.depth) for p in mt.proposals(store, group[2])]
    assert refs == [("AGA-2026-06-11-01", 0), ("AGA-2026-06-11-01-A1", 1), ("AGA-2026-06-11-01-A1-S1", 2)]
    a = mt.get_proposal(store, amendment)
    assert proposal_sentence(a, "AGA-2026-06-11-01").endswith(
        "d'amender la proposition AGA-2026-06-11-01 ainsi : ajouter « avec les membres ».")
    assert outcome_sentence(a) == "Pour : 3; contre : 1; abstentions : 0. Amendement adopté à la majorité."
    assert outcome_sentence(mt.get_proposal(store, sub)).endswith("Sous-amendement rejeté.")
    with pytest.raises(ValidationError, match="déjà été votée"):
        mt.add_proposal(store, agenda, "x", parent_id=main)


def test_clause_wording():
    assert clause("Que le local soit repeint") == "que le local soit repeint."
    assert clause("qu'une lettre soit envoyée au CIUSSS.") == "qu'une lettre soit envoyée au CIUSSS."
    assert clause("Hélène Côté agisse comme présidence") == "que Hélène Côté agisse comme présidence."
    assert clause("quelques membres forment un comité") == "que quelques membres forment un comité."
    assert clause("") == "que … (texte à compléter)."


def test_removing_a_proposal(group):
    store, ids, meeting, agenda = group
    main = mt.add_proposal(store, agenda, "x", moved_by=ids["Ana"], seconded_by=ids["Benoît"])
    mt.add_proposal(store, agenda, "y", parent_id=main)
    with pytest.raises(ValidationError, match="amendements"):
        mt.remove_proposal(store, main)
    with pytest.raises(ValidationError, match="contient 2 propositions"):
        mt.remove_item(store, agenda)
    assert len(mt.proposals(store, meeting)) == 2
