"""Merging two records of the same person, and erasing a person for good (Law 25)."""

from __future__ import annotations

import datetime as dt

import pytest

from entraide_desktop.data import members, people, rows
from entraide_desktop.data.errors import ValidationError
from entraide_desktop.data.schema import registry
from entraide_desktop.data.schema.registry import SYNCED_TABLES, SyncedTable, create_synced_table

D = dt.date


@pytest.fixture
def attendance(store, monkeypatch):
    """A table of another area that refers to people, with a deterministic id (occurrence, person)."""
    create_synced_table(store.db, "test_attendance", {"occurrence": str, "person_id": str, "present": int})
    create_synced_table(store.db, "test_minutes", {"text": str, "moved_by": str})
    monkeypatch.setitem(SYNCED_TABLES, "test_attendance", SyncedTable("test_attendance", area="Tests"))
    monkeypatch.setitem(SYNCED_TABLES, "test_minutes", SyncedTable("test_minutes", area="Tests"))
    references, reference_ids = list(registry.PERSON_REFERENCES), dict(registry.PERSON_REFERENCE_IDS)
    for module in (registry, people, members.merge):
        monkeypatch.setattr(module, "PERSON_REFERENCES", references)
        monkeypatch.setattr(module, "PERSON_REFERENCE_IDS", reference_ids)

    def natural_id(row):
        return rows.deterministic_id("test_attendance", row["occurrence"], row["person_id"])

    people.register_person_reference("test_attendance", "person_id", natural_id=natural_id)
    people.register_person_reference("test_minutes", "moved_by")

    def attend(occurrence, person_id):
        return rows.insert(store, "test_attendance", {"occurrence": occurrence, "person_id": person_id, "present": 1},
                           row_id=natural_id({"occurrence": occurrence, "person_id": person_id}))

    return attend, natural_id


def _twins(store):
    kept = members.create_person(store, {"first_name": "Hélène", "last_name": "Côté", "phone": "418 555-0101",
                                         "roles": ["membre"], "member_since": "2020-05-01", "notes": "Aime le tricot."})
    duplicate = members.create_person(store, {"first_name": "Helene", "last_name": "Cote", "phone": "418 555-0101",
                                              "email": "helene@exemple.org", "roles": ["benevole"],
                                              "member_since": "2018-02-01", "notes": "Vient le jeudi."})
    return kept, duplicate


def test_merge_fills_empty_fields_and_joins_roles(store):
    kept, duplicate = _twins(store)
    result = members.merge_people(store, kept, duplicate)
    record = members.get_person(store, kept)
    assert record.first_name == "Hélène"  # the kept record's own values win
    assert record.email == "helene@exemple.org"  # filled from the duplicate
    assert record.roles == ("membre", "benevole")
    assert record.member_since == "2018-02-01"
    assert record.notes == "Aime le tricot.\n\nVient le jeudi."
    twin = members.get_person(store, duplicate)
    assert twin.archived and twin.merged_into == kept
    assert not result.duplicate_erased
    # Restoring the duplicate makes it a record of its own again.
    members.restore_person(store, duplicate)
    assert members.get_person(store, duplicate).merged_into == ""


def test_merge_moves_memberships_and_keeps_the_latest_consent_decision(store):
    kept, duplicate = _twins(store)
    members.add_membership(store, kept, {"paid_on": "2025-04-10", "amount": "5"})
    members.add_membership(store, duplicate, {"paid_on": "2025-04-10", "amount": "5"})  # the same payment twice
    members.add_membership(store, duplicate, {"paid_on": "2024-04-10", "amount": "5"})
    today = D(2026, 1, 1)
    members.set_consent(store, kept, "photos", True, D(2023, 1, 1), today=today)
    members.set_consent(store, duplicate, "photos", True, D(2023, 1, 1), today=today)
    members.set_consent(store, duplicate, "photos", False, D(2024, 6, 1), today=today)  # later: withdrawn
    members.set_consent(store, duplicate, "mailings", True, D(2022, 1, 1), today=today)
    members.set_consent(store, kept, "phone_network", True, D(2025, 1, 1), today=today)
    members.merge_people(store, kept, duplicate)
    periods = sorted(m.period_label for m in members.list_memberships(store, kept))
    assert periods == ["2024-2025", "2025-2026"]
    assert members.list_memberships(store, duplicate) == []
    assert not people.has_consent(store, kept, "photos", today), "the later withdrawal wins"
    assert people.has_consent(store, kept, "mailings", today)
    assert people.has_consent(store, kept, "phone_network", today)
    for purpose in people.CONSENT_PURPOSES:
        assert not people.has_consent(store, duplicate, purpose, today)
    assert people.in_good_standing(store, kept, D(2025, 6, 1))


def test_merge_repoints_other_areas_and_resolves_deterministic_ids(store, attendance):
    attend, natural_id = attendance
    kept, duplicate = _twins(store)
    attend("mardi-1", kept)
    attend("mardi-1", duplicate)  # both records were marked present: one attendance after the merge
    attend("mardi-2", duplicate)
    minutes = rows.insert(store, "test_minutes", {"text": "Il est proposé par…", "moved_by": duplicate})
    members.merge_people(store, kept, duplicate)
    present = store.db.execute("SELECT occurrence, person_id, id FROM test_attendance ORDER BY occurrence").fetchall()
    assert [(o, p) for o, p, _id in present] == [("mardi-1", kept), ("mardi-2", kept)]
    for occurrence, person_id, row_id in present:
        assert row_id == natural_id({"occurrence": occurrence, "person_id": person_id})
    assert rows.is_erased(store, "test_attendance", natural_id({"occurrence": "mardi-2", "person_id": duplicate}))
    assert rows.get(store, "test_minutes", minutes)["moved_by"] == kept
    assert [c.author for c in rows.history(store, "test_minutes", minutes) if c.field == "moved_by"][-1] == "Marie (secrétariat)"


def test_references_arriving_after_a_merge_are_followed(store, attendance):
    kept, duplicate = _twins(store)
    members.merge_people(store, kept, duplicate)
    late = rows.insert(store, "test_minutes", {"text": "appuyé par…", "moved_by": duplicate})  # from another machine
    assert members.follow_merges(store) == 1
    assert rows.get(store, "test_minutes", late)["moved_by"] == kept


def test_merge_can_erase_the_duplicate(store):
    kept, duplicate = _twins(store)
    members.add_membership(store, duplicate, {"paid_on": "2025-04-10"})
    members.grant_consent(store, duplicate, "photos", D(2025, 1, 1))
    result = members.merge_people(store, kept, duplicate, erase_duplicate=True)
    assert result.duplicate_erased
    assert rows.get(store, "people", duplicate) is None and rows.is_erased(store, "people", duplicate)
    assert rows.is_erased(store, "consents", people.consent_id(duplicate, "photos"))
    assert people.has_consent(store, kept, "photos")
    assert len(members.list_memberships(store, kept)) == 1


def test_merging_a_record_with_itself_is_refused(store):
    kept, _duplicate = _twins(store)
    with pytest.raises(ValidationError):
        members.merge_people(store, kept, kept)


def test_erase_needs_the_name_typed(store):
    pid, _other = _twins(store)
    with pytest.raises(ValidationError) as caught:
        members.erase_person(store, pid, "Hélène")
    assert "« Hélène Côté »" in caught.value.message
    assert rows.get(store, "people", pid) is not None


def test_erase_removes_personal_data_everywhere_but_keeps_references(store, attendance):
    attend, _natural_id = attendance
    pid, duplicate = _twins(store)
    members.add_membership(store, pid, {"paid_on": "2025-04-10"})
    members.grant_consent(store, pid, "phone_network", D(2025, 1, 1))
    members.merge_people(store, pid, duplicate)  # the archived duplicate is the same person: erased too
    attend("mardi-1", pid)
    minutes = rows.insert(store, "test_minutes", {"text": "Proposé par…", "moved_by": pid})
    members.erase_person(store, pid, "  helene   COTE ")
    for table, row_id in (("people", pid), ("people", duplicate), ("consents", people.consent_id(pid, "phone_network"))):
        assert rows.get(store, table, row_id) is None and rows.is_erased(store, table, row_id)
    assert store.db.execute("SELECT count(*) FROM memberships").fetchone()[0] == 0
    assert store.db.execute("SELECT count(*) FROM _history WHERE row_id = ?", [pid]).fetchone()[0] == 0
    assert store.db.execute("SELECT count(*) FROM people WHERE _search LIKE '%helene%'").fetchone()[0] == 0
    # Other areas keep the id: shown as removed, still counted.
    assert people.names(store, [pid]) == {pid: "Personne retirée du registre"}
    assert people.person_ref(store, pid).name == "Personne retirée du registre"
    assert store.db.execute("SELECT count(*) FROM test_attendance WHERE person_id = ?", [pid]).fetchone()[0] == 1
    assert rows.get(store, "test_minutes", minutes)["moved_by"] == pid


def test_deterministic_ids_of_an_area_that_did_not_declare_them_are_found(store, monkeypatch):
    """Meeting attendance (meeting, person) registered without ``natural_id``: the merge works it out."""
    create_synced_table(store.db, "test_presence", {"meeting_id": str, "person_id": str, "note": str})
    monkeypatch.setitem(SYNCED_TABLES, "test_presence", SyncedTable("test_presence", area="Tests"))
    monkeypatch.setattr(members.merge, "PERSON_REFERENCES", [*people.PERSON_REFERENCES, ("test_presence", "person_id")])
    kept, duplicate = _twins(store)

    def present(meeting, person_id):
        rows.insert(store, "test_presence", {"meeting_id": meeting, "person_id": person_id},
                    row_id=rows.deterministic_id("test_presence", meeting, person_id))

    present("aga-2025", kept)
    present("aga-2025", duplicate)
    present("ca-mars", duplicate)
    assert members.merge.infer_natural_id("test_presence", "person_id", rows.get(
        store, "test_presence", rows.deterministic_id("test_presence", "ca-mars", duplicate))) is not None
    members.merge_people(store, kept, duplicate)
    found = store.db.execute("SELECT meeting_id, person_id, id FROM test_presence ORDER BY meeting_id").fetchall()
    assert found == [("aga-2025", kept, rows.deterministic_id("test_presence", "aga-2025", kept)),
                     ("ca-mars", kept, rows.deterministic_id("test_presence", "ca-mars", kept))]
