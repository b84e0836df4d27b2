"""The member register: records, consents, memberships, search, history, merge, erasure, import, export.

``data/people.py`` holds the small API every area uses (names, roles, consent, good standing);
this package holds the register's own rules. No Qt here.
"""

from __future__ import annotations

import datetime as dt

from ...i18n import format_date, ngettext
from ..reminders import Reminder
from ..store import Store
from .consents import ConsentState, consent_states, grant_consent, set_consent, withdraw_consent
from .erase import erase_person, names_match
from .history import HistoryEntry, person_history
from .memberships import (
    Membership,
    Standing,
    add_membership,
    list_memberships,
    membership_year,
    remove_membership,
    standing,
    update_membership,
)
from .merge import MergeResult, follow_merges, merge_people
from .records import (
    MembershipDraft,
    PersonChanges,
    PersonRecord,
    archive_person,
    clean_person,
    create_person,
    get_person,
    restore_person,
    save_person,
    update_person,
)
from .register import Criteria, RegisterRow, filter_rows, load_register, sort_rows

__all__ = [
    "ConsentState", "Criteria", "HistoryEntry", "Membership", "MembershipDraft", "MergeResult", "PersonChanges",
    "PersonRecord", "RegisterRow", "Standing", "add_membership", "archive_person", "clean_person", "consent_states",
    "create_person", "erase_person", "filter_rows", "follow_merges", "get_person", "grant_consent",
    "list_memberships", "load_register", "membership_year", "merge_people", "names_match", "person_history",
    "reminders", "remove_membership", "restore_person", "save_person", "set_consent", "sort_rows", "standing",
    "update_membership", "update_person", "withdraw_consent",
]


def reminders(store: Store, today: dt.date) -> list[Reminder]:
    """Home page: memberships of people in good standing today that end within 30 days and are not renewed."""
    soon = (today + dt.timedelta(days=30)).isoformat()
    row = store.db.execute(
        """SELECT count(DISTINCT m.person_id), min(m.period_end) FROM memberships m JOIN people p ON p.id = m.person_id
           WHERE m.archived = 0 AND p.archived = 0 AND m.period_start <= ? AND m.period_end >= ? AND m.period_end <= ?
             AND NOT EXISTS (SELECT 1 FROM memberships n WHERE n.person_id = m.person_id AND n.archived = 0
                             AND n.period_start > m.period_start)""",
        [today.isoformat(), today.isoformat(), soon],
    ).fetchone()
    count, ends = row
    if not count:
        return []
    end = dt.date.fromisoformat(ends)
    text = ngettext(
        "{n} cotisation prend fin le {date} : pensez au renouvellement.",
        "{n} cotisations prennent fin d'ici le {date} : pensez aux renouvellements.",
        count,
    ).format(n=count, date=format_date(end))
    return [Reminder("members", text, due=end)]
