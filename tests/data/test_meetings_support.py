"""A small known group for the meetings tests (and a check that it is what the tests assume)."""

from __future__ import annotations

import datetime as dt
import json

from entraide_desktop.data import meetings as mt
from entraide_desktop.data import people, rows

AGA_DAY = dt.date(2026, 6, 11)
GOOD = ("Ana", "Benoît", "Céline", "Denis", "Émilie", "François", "Geneviève", "Hélène", "Isabelle", "Jocelyn")
LAPSED = ("Karine", "Luc")
BOARD = ("Ana", "Benoît", "Céline", "Denis")
STAFF = ("Marie", "Normand")


def known_group(store) -> dict[str, str]:
    """10 members in good standing on AGA_DAY (4 of them on the board), 2 lapsed members, 2 staff, 1 volunteer.

    The group's quorum rule is 25 % of the members in good standing (3 of 10).
    """
    ids: dict[str, str] = {}
    for name in GOOD + LAPSED:
        roles = ["membre", "administrateur"] if name in BOARD else ["membre"]
        ids[name] = rows.insert(store, "people", {"first_name": name, "last_name": "Test", "roles": json.dumps(roles),
                                                  "member_since": "2025-09-01" if name == "Jocelyn" else "2019-05-01"})
    for name in STAFF:
        ids[name] = rows.insert(store, "people", {"first_name": name, "last_name": "Test",
                                                  "roles": json.dumps(["intervenant"])})
    ids["Olivier"] = rows.insert(store, "people", {"first_name": "Olivier", "last_name": "Test",
                                                   "roles": json.dumps(["benevole"])})
    for name in GOOD:
        rows.insert(store, "memberships", {"person_id": ids[name], "period_start": "2026-04-01",
                                           "period_end": "2027-03-31"})
    for name in LAPSED:
        rows.insert(store, "memberships", {"person_id": ids[name], "period_start": "2024-04-01",
                                           "period_end": "2025-03-31"})
    mt.set_group_quorum_rule(store, "share", "25 %")
    return ids


def aga(store, ids: dict[str, str], present=("Ana", "Benoît", "Céline", "Marie"), day=AGA_DAY) -> str:
    """An AGA with the usual agenda and ``present`` marked present."""
    meeting = mt.create_meeting(store, mt.type_id("aga"), day, start_time="13 h 30", place="Local du groupe")
    mt.mark_many(store, meeting, {ids[n]: mt.PRESENT for n in present})
    return meeting


def item(store, meeting_id: str, kind: str) -> str:
    return next(i.id for i in mt.items(store, meeting_id) if mt.item_kind(i.title) == kind)


def test_known_group_is_as_described(store):
    ids = known_group(store)
    good = people.members_in_good_standing(store, AGA_DAY)
    assert good == {ids[n] for n in GOOD}
    assert mt.group_quorum_rule(store).required(len(good)) == 3
