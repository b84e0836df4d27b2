"""Attendance (present, excused, absent), guests, voting rights and the quorum.

Who may vote follows the meeting type: the members in good standing on the meeting's date
(assemblies), the administrators (board), or everyone present. The quorum counts the voters
present. A person erased from the register still counts, with the right to vote recorded when
they were marked. When minutes are adopted, the rights and the quorum are frozen as they stood.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from ...i18n import N_, _, format_number, format_percent, ngettext
from .. import people, rows
from ..errors import ValidationError
from ..store import Store
from ..text import fold
from .records import editable_meeting, meeting_row
from .kinds import MeetingType, get_type, group_quorum_rule

PRESENT, EXCUSED, ABSENT = "present", "excused", "absent"
STATUSES: dict[str, str] = {PRESENT: N_("Présent·e"), EXCUSED: N_("Excusé·e"), ABSENT: N_("Absent·e")}


def attendance_id(meeting_id: str, person_id: str) -> str:
    return rows.deterministic_id("meeting_attendance", meeting_id, person_id)


def voter_ids(store: Store, kind: MeetingType, on: dt.date) -> set[str] | None:
    """Ids of the people who may vote at a meeting of this type on this date; None: everyone present."""
    if kind.voters == "members":
        return people.members_in_good_standing(store, on)
    if kind.voters == "board":
        return board_members(store)
    return None


def board_members(store: Store) -> set[str]:
    """People of the register (not archived) with the administrator role."""
    found = store.db.execute(
        "SELECT id, roles FROM people WHERE archived = 0 AND roles LIKE '%administrateur%'").fetchall()
    return {pid for pid, roles in found if "administrateur" in people.parse_roles(roles)}


def _context(store: Store, meeting_id: str) -> tuple[dict[str, Any], MeetingType, set[str] | None]:
    row = meeting_row(store, meeting_id)
    kind = get_type(store, row["type_id"])
    return row, kind, voter_ids(store, kind, dt.date.fromisoformat(row["date"]))


def _marks(store: Store, meeting_id: str) -> list[tuple[str, str, int | None]]:
    return store.db.execute(
        """SELECT person_id, status, voter FROM meeting_attendance
           WHERE meeting_id = ? AND archived = 0 AND status IS NOT NULL""",
        [meeting_id],
    ).fetchall()


def _existing(store: Store, ids: list[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        found |= {r[0] for r in store.db.execute(f"SELECT id FROM people WHERE id IN ({marks})", chunk).fetchall()}
    return found


def voting_rights(store: Store, meeting_id: str) -> dict[str, bool]:
    """For each person marked at the meeting: may they vote? (Frozen values once adopted.)"""
    row, _kind, voters = _context(store, meeting_id)
    marks = _marks(store, meeting_id)
    if row.get("adopted_by"):
        return {pid: bool(voter) for pid, _status, voter in marks}
    existing = _existing(store, [m[0] for m in marks])
    return {
        pid: (bool(voter) if pid not in existing else voters is None or pid in voters) for pid, _status, voter in marks
    }


def mark(store: Store, meeting_id: str, person_id: str, status: str) -> None:
    """Mark a person present, excused or absent ("" removes the mark)."""
    mark_many(store, meeting_id, {person_id: status})


def mark_many(store: Store, meeting_id: str, marks: dict[str, str]) -> None:
    """Several marks in one transaction (all or nothing)."""
    for status in marks.values():
        if status not in STATUSES and status != "":
            raise ValueError(f"unknown attendance status {status}")
    with store.write():
        row = editable_meeting(store, meeting_id)
        voters = voter_ids(store, get_type(store, row["type_id"]), dt.date.fromisoformat(row["date"]))
        for person_id, status in marks.items():
            _mark(store, meeting_id, person_id, status, voters)


def _mark(store: Store, meeting_id: str, person_id: str, status: str, voters: set[str] | None) -> None:
    row_id = attendance_id(meeting_id, person_id)
    current = rows.get(store, "meeting_attendance", row_id)
    if status != PRESENT and current and current["status"] == PRESENT and not current["archived"]:
        _refuse_if_moved(store, meeting_id, person_id)
    if not status:
        if current and not current["archived"]:
            rows.archive(store, "meeting_attendance", row_id)
        return
    if rows.get(store, "people", person_id) is None:
        raise ValidationError(_("Cette personne n'est pas (ou plus) dans le registre."), "person_id")
    voter = int(voters is None or person_id in voters)
    rows.upsert(store, "meeting_attendance", row_id,
                {"meeting_id": meeting_id, "person_id": person_id, "status": status, "voter": voter, "archived": 0})


def _refuse_if_moved(store: Store, meeting_id: str, person_id: str) -> None:
    used = store.db.execute(
        """SELECT count(*) FROM proposals WHERE meeting_id = ? AND archived = 0
           AND (moved_by = ? OR seconded_by = ?)""",
        [meeting_id, person_id, person_id],
    ).fetchone()[0]
    if used:
        name = people.names(store, [person_id])[person_id]
        raise ValidationError(
            _("{name} a proposé ou appuyé une proposition de cette réunion : cette personne doit rester "
              "inscrite comme présente. Changez d'abord la proposition.").format(name=name)
        )


def status_of(store: Store, meeting_id: str, person_id: str) -> str:
    row = rows.get(store, "meeting_attendance", attendance_id(meeting_id, person_id))
    return row["status"] if row and not row["archived"] and row["status"] else ""


@dataclass(frozen=True)
class RosterRow:
    """A person of the attendance list, with their right to vote and their mark."""

    person: people.PersonRef
    voter: bool
    status: str  # "" when not marked

    @property
    def person_id(self) -> str:
        return self.person.id


def roster(store: Store, meeting_id: str) -> list[RosterRow]:
    """Everyone who may be marked (the register's people) and everyone already marked, by name."""
    row, _kind, voters = _context(store, meeting_id)
    marks = {pid: (status, voter) for pid, status, voter in _marks(store, meeting_id)}
    rights = voting_rights(store, meeting_id)
    found: dict[str, RosterRow] = {}
    for ref in people.list_people(store):
        status = marks.get(ref.id, ("", None))[0]
        voter = rights[ref.id] if ref.id in rights else (voters is None or ref.id in voters)
        found[ref.id] = RosterRow(ref, voter, status)
    for pid in (pid for pid in marks if pid not in found):  # archived or erased since they were marked
        found[pid] = RosterRow(people.person_ref(store, pid), rights.get(pid, False), marks[pid][0])
    return sorted(found.values(), key=lambda r: (r.person.removed, r.person.sort_key))


@dataclass(frozen=True)
class Attendee:
    person_id: str
    name: str
    voter: bool


def attendees(store: Store, meeting_id: str, status: str = PRESENT) -> list[Attendee]:
    """People marked with ``status``, by name (erased ones with the removed label, last)."""
    marks = [m for m in _marks(store, meeting_id) if m[1] == status]
    names = people.names(store, [m[0] for m in marks])
    rights = voting_rights(store, meeting_id)
    removed = _(people.REMOVED_LABEL)
    found = [Attendee(pid, names[pid], rights.get(pid, False)) for pid, _s, _v in marks]
    return sorted(found, key=lambda a: (a.name == removed, fold(a.name)))


# -- guests -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Guest:
    id: str
    name: str
    role: str


def add_guest(store: Store, meeting_id: str, name: str, role: str = "") -> str:
    name = name.strip()
    if not name:
        raise ValidationError(_("Indiquez le nom de la personne invitée."), "name")
    with store.write():
        editable_meeting(store, meeting_id)
        return rows.insert(store, "meeting_guests",
                           {"meeting_id": meeting_id, "name": name, "role": role.strip() or None})


def remove_guest(store: Store, guest_id: str) -> None:
    with store.write():
        row = rows.require(store, "meeting_guests", guest_id)
        editable_meeting(store, row["meeting_id"])
        rows.archive(store, "meeting_guests", guest_id)


def guests(store: Store, meeting_id: str) -> list[Guest]:
    found = store.db.execute(
        "SELECT id, name, role FROM meeting_guests WHERE meeting_id = ? AND archived = 0", [meeting_id]
    ).fetchall()
    return sorted((Guest(i, n, r or "") for i, n, r in found), key=lambda g: fold(g.name))


# -- quorum -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Quorum:
    required: int | None  # None: no quorum for this type, or no rule set
    voters_present: int
    present: int  # everyone present from the register
    guests: int
    basis: str  # how ``required`` was obtained, in words
    rule_missing: bool = False

    @property
    def met(self) -> bool | None:
        return None if self.required is None else self.voters_present >= self.required

    def text(self) -> str:
        """The live line shown while marking attendance."""
        voters = ngettext("{n} personne votante présente", "{n} personnes votantes présentes",
                          self.voters_present).format(n=format_number(self.voters_present))
        if self.rule_missing:
            return _("{voters}. La règle de quorum du groupe n'est pas définie (Types de réunions et quorum).").format(
                voters=voters)
        if self.required is None:
            return _("{voters}. Aucun quorum n'est requis pour ce type de réunion.").format(voters=voters)
        if self.met:
            return _("Quorum atteint : {voters} (il en faut {n} — {basis}).").format(
                voters=voters, n=format_number(self.required), basis=self.basis)
        missing = self.required - self.voters_present
        return _("Quorum non atteint : {voters} sur {n} requises ({basis}). Il en manque {missing}.").format(
            voters=voters, n=format_number(self.required), basis=self.basis, missing=format_number(missing))


def _required(store: Store, kind: MeetingType, on: dt.date) -> tuple[int | None, str, bool]:
    """(people required, where the number comes from, group rule missing)."""
    if kind.quorum_kind == "none":
        return None, _("aucun quorum requis"), False
    if kind.quorum_kind == "number":
        return int(kind.quorum_value or 1), _("règle de ce type de réunion"), False
    rule = group_quorum_rule(store)
    if not rule.kind:
        return None, "", True
    if rule.kind == "number":
        return int(rule.value), _("règle du groupe"), False
    total = len(people.members_in_good_standing(store, on))
    n = rule.required(total) or 1
    basis = ngettext("règle du groupe : {pct} de {total} membre en règle",
                     "règle du groupe : {pct} des {total} membres en règle", total).format(
        pct=_percent(rule.value), total=format_number(total))
    return n, basis, False


def _percent(value: float) -> str:
    return format_percent(value)


def quorum(store: Store, meeting_id: str) -> Quorum:
    """The quorum as it stands (as it was frozen at adoption for adopted minutes)."""
    row = meeting_row(store, meeting_id)
    kind = get_type(store, row["type_id"])
    marks = _marks(store, meeting_id)
    present = [pid for pid, status, _v in marks if status == PRESENT]
    rights = voting_rights(store, meeting_id)
    voters_present = sum(1 for pid in present if rights.get(pid))
    n_guests = len(guests(store, meeting_id))
    if row.get("adopted_by") and row.get("quorum_basis") is not None:
        required = row.get("quorum_required")
        return Quorum(required, voters_present, len(present), n_guests, row["quorum_basis"] or "",
                      rule_missing=required is None and kind.quorum_kind == "group")
    required, basis, missing = _required(store, kind, dt.date.fromisoformat(row["date"]))
    return Quorum(required, voters_present, len(present), n_guests, basis, missing)


def freeze(store: Store, meeting_id: str) -> None:
    """Record the voting rights and the quorum as they stand (called when the minutes are adopted)."""
    with store.write():
        live = quorum(store, meeting_id)
        for pid, right in voting_rights(store, meeting_id).items():
            rows.update(store, "meeting_attendance", attendance_id(meeting_id, pid), {"voter": int(right)})
        rows.update(store, "meetings", meeting_id, {"quorum_required": live.required, "quorum_basis": live.basis})


def voters_present(store: Store, meeting_id: str) -> int:
    return quorum(store, meeting_id).voters_present
