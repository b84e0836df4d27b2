"""Draft → adopted: adoption by a later meeting, the lock, errata, follow-ups and reminders."""

from __future__ import annotations

import datetime as dt

import pytest

from entraide_desktop.data import meetings as mt
from entraide_desktop.data import rows
from entraide_desktop.data.errors import ValidationError
from entraide_desktop.data.meetings import LockedMinutes
from tests.data.test_meetings_support import aga, item, known_group

BOARD_PRESENT = ("Ana", "Benoît", "Céline", "Denis")


def _board(store, ids, day: str) -> str:
    meeting = mt.create_meeting(store, mt.type_id("ca"), day, start_time="18 h 30")
    mt.mark_many(store, meeting, {ids[n]: mt.PRESENT for n in BOARD_PRESENT})
    return meeting


def _adopt(store, ids, later: str) -> str:
    """Adopt the previous minutes at ``later`` with the usual proposal."""
    minutes_item = item(store, later, "previous_minutes")
    text, target = mt.suggested_proposal(store, minutes_item)
    pid = mt.add_proposal(store, minutes_item, text, moved_by=ids["Ana"], seconded_by=ids["Céline"],
                          adopts_meeting_id=target)
    mt.set_outcome(store, pid, "unanimous")
    return pid


@pytest.fixture
def two_boards(store):
    ids = known_group(store)
    first = _board(store, ids, "2026-05-14")
    notes_item = item(store, first, "regular")
    mt.update_item(store, notes_item, notes="Le budget est de 2 400 $.")
    second = _board(store, ids, "2026-06-18")
    return store, ids, first, second, notes_item


def test_adoption_links_locks_and_shows_the_reference(two_boards):
    store, ids, first, second, _notes = two_boards
    text, target = mt.suggested_proposal(store, item(store, second, "previous_minutes"))
    assert target == first
    assert text == "le procès-verbal de la réunion du jeudi 14 mai 2026 soit adopté tel que présenté."
    pid = _adopt(store, ids, second)
    meeting = mt.get_meeting(store, first)
    assert meeting.locked and meeting.adopted_by == pid and meeting.adopted_on == dt.date(2026, 6, 18)
    m = mt.minutes(store, first)
    assert m.adoption_reference == "CA-2026-06-18-01"
    assert m.status == "Adopté le jeudi 18 juin 2026 (proposition CA-2026-06-18-01)"
    assert [s.locked for s in mt.list_meetings(store)] == [False, True]


def test_adopted_minutes_cannot_change(two_boards):
    store, ids, first, second, notes_item = two_boards
    _adopt(store, ids, second)
    before = rows.get(store, "agenda_items", notes_item)
    attempts = [
        lambda: mt.update_item(store, notes_item, notes="Le budget est de 4 200 $."),
        lambda: mt.add_item(store, first, "Nouveau sujet"),
        lambda: mt.move_item(store, notes_item, 1),
        lambda: mt.remove_item(store, notes_item),
        lambda: mt.mark(store, first, ids["Émilie"], mt.PRESENT),
        lambda: mt.add_guest(store, first, "Invitée"),
        lambda: mt.update_meeting(store, first, place="Ailleurs"),
        lambda: mt.add_proposal(store, notes_item, "x", moved_by=ids["Ana"], seconded_by=ids["Benoît"]),
        lambda: mt.add_followup(store, first, "Faire quelque chose"),
        lambda: mt.archive_meeting(store, first),
    ]
    for attempt in attempts:
        with pytest.raises(LockedMinutes) as caught:
            attempt()
        assert "a été adopté le jeudi 18 juin 2026 (proposition CA-2026-06-18-01)" in str(caught.value)
        assert "erratum" in str(caught.value)
    assert rows.get(store, "agenda_items", notes_item) == before


def test_minutes_cannot_be_adopted_twice(two_boards):
    store, ids, first, second, _notes = two_boards
    _adopt(store, ids, second)
    third = _board(store, ids, "2026-09-10")
    minutes_item = item(store, third, "previous_minutes")
    with pytest.raises(ValidationError, match="a déjà été adopté le jeudi 18 juin 2026 par la proposition "
                                              "CA-2026-06-18-01 : il ne peut pas être adopté une deuxième fois"):
        mt.add_proposal(store, minutes_item, "x", moved_by=ids["Ana"], seconded_by=ids["Benoît"],
                        adopts_meeting_id=first)
    assert mt.proposals(store, third) == []
    # The suggestion skips adopted minutes: it offers the second meeting's.
    assert mt.suggested_proposal(store, minutes_item)[1] == second


def test_only_earlier_minutes_and_never_its_own(two_boards):
    store, ids, first, second, _notes = two_boards
    with pytest.raises(ValidationError, match="propre procès-verbal"):
        mt.add_proposal(store, item(store, second, "previous_minutes"), "x", adopts_meeting_id=second)
    with pytest.raises(ValidationError, match="réunion antérieure"):
        mt.add_proposal(store, item(store, first, "previous_minutes"), "x", adopts_meeting_id=second)


def test_changing_the_outcome_of_the_adopting_proposal_releases_the_lock(two_boards):
    store, ids, first, second, _notes = two_boards
    pid = _adopt(store, ids, second)
    mt.set_outcome(store, pid, "postponed")
    assert not mt.get_meeting(store, first).locked
    mt.set_outcome(store, pid, "unanimous")
    assert mt.get_meeting(store, first).locked


def test_quorum_and_rights_are_frozen_at_adoption(store):
    ids = known_group(store)
    first = aga(store, ids, present=("Ana", "Benoît", "Céline"))
    later = aga(store, ids, present=("Ana", "Benoît", "Céline"), day=dt.date(2027, 6, 10))
    for name in ("Ana", "Benoît", "Céline"):
        rows.insert(store, "memberships", {"person_id": ids[name], "period_start": "2027-04-01",
                                           "period_end": "2028-03-31"})
    _adopt(store, ids, later)
    frozen = mt.quorum(store, first)
    assert (frozen.required, frozen.voters_present, frozen.met) == (3, 3, True)
    # Memberships of the meeting's year archived afterwards: the adopted record does not move.
    for row in store.db.execute("SELECT id FROM memberships WHERE period_start = '2026-04-01'").fetchall():
        rows.archive(store, "memberships", row[0])
    assert mt.quorum(store, first) == frozen
    assert mt.quorum(store, aga(store, ids, present=("Ana",), day=dt.date(2026, 7, 1))).required == 1


def test_errata_are_visible_dated_and_adopted_by_a_later_proposal(two_boards):
    store, ids, first, second, notes_item = two_boards
    with pytest.raises(ValidationError, match="encore un projet"):
        mt.add_erratum(store, first, "x", "nope")
    adoption = _adopt(store, ids, second)
    third = _board(store, ids, "2026-09-10")
    correction = mt.add_proposal(store, item(store, third, "regular"), "le procès-verbal du 14 mai soit corrigé",
                                 moved_by=ids["Benoît"], seconded_by=ids["Denis"])
    with pytest.raises(ValidationError, match="n'a pas été adoptée"):
        mt.add_erratum(store, first, "Lire 4 200 $.", correction)
    mt.set_outcome(store, correction, "unanimous")
    with pytest.raises(ValidationError, match="Écrivez la correction"):
        mt.add_erratum(store, first, "  ", correction)
    erratum = mt.add_erratum(store, first, "Au point 6, lire « 4 200 $ » au lieu de « 2 400 $ ».", correction,
                             notes_item)
    [e] = mt.errata(store, first)
    assert (e.id, e.noted_on, e.reference) == (erratum, dt.date(2026, 9, 10), "CA-2026-09-10-01")
    assert mt.get_item(store, notes_item).notes == "Le budget est de 2 400 $."  # never a silent edit
    assert correction in {p.id for p in mt.erratum_proposals(store, first)}
    with pytest.raises(ValidationError, match="ne peut plus être annulée"):
        mt.set_outcome(store, adoption, "")
    mt.remove_erratum(store, erratum)  # the meeting that adopted it is still a draft
    assert mt.errata(store, first) == []


def test_follow_ups_reminders_and_done_after_adoption(two_boards):
    store, ids, first, second, notes_item = two_boards
    late = mt.add_followup(store, first, "Envoyer la demande au PSOC", person_id=ids["Marie"], due="2026-06-01",
                           item_id=notes_item)
    soon = mt.add_followup(store, first, "Réserver la salle", due=dt.date(2026, 6, 25))
    mt.add_followup(store, first, "Plus tard", due=dt.date(2026, 12, 1))
    with pytest.raises(ValidationError, match="Décrivez ce qui est à faire"):
        mt.add_followup(store, first, " ")
    today = dt.date(2026, 6, 20)
    found = {r.target_id + r.text: r for r in mt.reminders(store, today)}
    texts = [r.text for r in mt.reminders(store, today)]
    assert any(t.startswith("Suivi en retard (CA du 14 mai 2026) : Envoyer la demande au PSOC — Marie Test")
               for t in texts)
    assert any(t.startswith("Suivi (CA du 14 mai 2026) : Réserver la salle, d'ici le") for t in texts)
    assert not any("Plus tard" in t for t in texts)
    assert all(r.area == "meetings" for r in found.values())
    assert [r.urgent for r in mt.reminders(store, today) if "PSOC" in r.text] == [True]
    _adopt(store, ids, second)
    mt.set_done(store, late, today)  # allowed on adopted minutes
    with pytest.raises(LockedMinutes):
        mt.update_followup(store, soon, text="Autre chose")
    assert [f.text for f in mt.open_followups(store)] == ["Réserver la salle", "Plus tard"]
    assert not any("PSOC" in r.text for r in mt.reminders(store, today))


def test_notice_reminder_for_an_upcoming_meeting(store):
    ids = known_group(store)
    meeting = aga(store, ids, present=())
    texts = [r.text for r in mt.reminders(store, dt.date(2026, 6, 1))]
    assert "Envoyer l'avis de convocation : Assemblée générale annuelle du jeudi 11 juin 2026" in texts
    assert [r.urgent for r in mt.reminders(store, dt.date(2026, 6, 1))] == [True]
    mt.update_meeting(store, meeting, notice_date="2026-05-28")
    assert mt.reminders(store, dt.date(2026, 6, 1)) == []
    with pytest.raises(ValidationError, match="après la réunion"):
        mt.update_meeting(store, meeting, notice_date="2026-06-12")


def test_agenda_templates_and_keyboard_friendly_ordering(store):
    known_group(store)
    meeting = mt.create_meeting(store, mt.type_id("ca"), "2026-05-14")
    titles = [i.title for i in mt.items(store, meeting)]
    assert titles[:4] == ["Ouverture de la séance", "Vérification du quorum", "Adoption de l'ordre du jour",
                          "Adoption du procès-verbal de la réunion précédente"]
    assert titles[-2:] == ["Date de la prochaine réunion", "Levée de la séance"]
    varia = item(store, meeting, "varia")
    new = mt.add_item(store, meeting, "Demande de subvention", after=item(store, meeting, "agenda"))
    assert [i.title for i in mt.items(store, meeting)][3] == "Demande de subvention"
    assert mt.move_item(store, new, -1) and mt.items(store, meeting)[2].id == new
    assert mt.get_item(store, new).number == 3
    with pytest.raises(ValidationError, match="ne peut pas être vide"):
        mt.update_item(store, varia, title="  ")
    empty = mt.create_meeting(store, mt.type_id("ca"), "2026-06-14", use_template=False)
    assert mt.items(store, empty) == []


def test_editable_type_list_and_template(store):
    tid = mt.save_type(store, None, name="Comité de la fête", abbrev="fete", voters="present", quorum_kind="none",
                       agenda=["Ouverture", "Budget", "Levée"])
    kind = mt.get_type(store, tid)
    assert (kind.abbrev, kind.agenda) == ("FETE", ("Ouverture", "Budget", "Levée"))
    mt.save_type(store, mt.type_id("ca"), name="Conseil d'administration", abbrev="CA", voters="board",
                 quorum_kind="number", quorum_value="5", agenda=["Ouverture", "Levée"])
    assert mt.type_by_code(store, "ca").quorum_value == "5"
    with pytest.raises(ValidationError, match="abréviation"):
        mt.save_type(store, None, name="X", abbrev="trop-long", voters="present", quorum_kind="none")
    with pytest.raises(ValidationError, match="nombre entier"):
        mt.save_type(store, None, name="X", abbrev="X", voters="present", quorum_kind="number", quorum_value="0")
    mt.archive_type(store, tid)
    assert tid not in {t.id for t in mt.list_types(store)}
