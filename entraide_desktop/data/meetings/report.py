"""The AGA package of an exercice: agenda, previous AGA's minutes, rapport d'activités, mandates to fill.

The package of year Y covers the group's **exercice that starts in Y** (``data.group``): with the
usual April start, exercice 2025 runs from April 1, 2025 to March 31, 2026, is labelled
« 2025-2026 », and is presented at the first AGA held after its end (usually June 2026). A group
whose exercice starts in January gets the calendar year Y, labelled « 2025 ».
Its figures are computed from the data of every area over that same period: the calendar
(activities by form of peer support), the register (new members, members in good standing),
the meetings, the responsibilities (how they were spread, mandates to fill).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ...i18n import N_, _
from .. import calendar as calendar_data
from .. import group, people
from .. import responsibilities as responsibilities_data
from ..store import Store
from .kinds import AGENDA, CLOSING, ELECTION, OPENING, PREVIOUS_MINUTES, QUORUM, item_kind, list_types, type_by_code
from .minutes import group_name
from .records import ADOPTED, items, proposals

FORMS: dict[str, str] = {
    "personnelle": N_("Entraide personnelle"),
    "collective": N_("Entraide collective"),
    "promotion": N_("Promotion-vigilance"),
    "": N_("Autres activités"),
}
_ROUTINE = {OPENING, QUORUM, AGENDA, PREVIOUS_MINUTES, CLOSING, ELECTION}


@dataclass(frozen=True)
class FormTotals:
    form: str
    label: str
    activities: int
    occurrences: int
    attendance: int
    types: list[calendar_data.ActivitySummary] = field(default_factory=list)


@dataclass(frozen=True)
class MeetingTotals:
    type_name: str
    meetings: int
    present: int  # attendance summed over the meetings
    proposals_adopted: int

    @property
    def average_present(self) -> float:
        return self.present / self.meetings if self.meetings else 0.0


@dataclass(frozen=True)
class Decision:
    date: dt.date
    type_name: str
    reference: str
    text: str


@dataclass(frozen=True)
class ReportPeriod:
    """What the package of ``year`` covers and where it is presented."""

    year: int  # the year the exercice starts
    start: dt.date
    end: dt.date
    label: str  # « 2025-2026 », or « 2025 » when the exercice starts in January
    aga_id: str | None  # the first AGA after the end (None: not planned yet)
    aga_date: dt.date | None


@dataclass(frozen=True)
class YearReport:
    year: int  # the year the exercice starts
    start: dt.date
    end: dt.date
    group_name: str
    aga_id: str | None  # the AGA that presents this report (None: not planned yet)
    aga_date: dt.date | None
    agenda: list[str]
    previous_aga_id: str | None
    forms: list[FormTotals]
    new_members: int
    members_in_good_standing: int
    members_counted_on: dt.date
    meetings: list[MeetingTotals]
    decisions: list[Decision]
    spread: responsibilities_data.Spread
    mandates: list[responsibilities_data.MandateToFill]
    mandates_on: dt.date
    label: str = ""  # « 2025-2026 »: the exercice (see ReportPeriod)

    @property
    def period_label(self) -> str:
        return self.label or str(self.year)

    @property
    def activities(self) -> int:
        return sum(f.activities for f in self.forms)

    @property
    def occurrences(self) -> int:
        return sum(f.occurrences for f in self.forms)

    @property
    def attendance(self) -> int:
        return sum(f.attendance for f in self.forms)

    @property
    def meetings_held(self) -> int:
        return sum(m.meetings for m in self.meetings)


def _aga_after(store: Store, day: dt.date) -> tuple[str, str] | None:
    row = store.db.execute(
        "SELECT id, date FROM meetings WHERE archived = 0 AND type_id = ? AND date > ? ORDER BY date LIMIT 1",
        [type_by_code(store, "aga").id, day.isoformat()],
    ).fetchone()
    return (row[0], row[1]) if row else None


def _aga_before(store: Store, day: dt.date) -> str | None:
    row = store.db.execute(
        "SELECT id FROM meetings WHERE archived = 0 AND type_id = ? AND date < ? ORDER BY date DESC LIMIT 1",
        [type_by_code(store, "aga").id, day.isoformat()],
    ).fetchone()
    return row[0] if row else None


def _forms(summaries: list[calendar_data.ActivitySummary]) -> list[FormTotals]:
    grouped: dict[str, list[calendar_data.ActivitySummary]] = {}
    for s in summaries:
        grouped.setdefault(s.form if s.form in FORMS else "", []).append(s)
    return [
        FormTotals(form, _(label), sum(s.activities for s in grouped[form]), sum(s.occurrences for s in grouped[form]),
                   sum(s.attendance for s in grouped[form]), sorted(grouped[form], key=lambda s: s.type_name))
        for form, label in FORMS.items()
        if form in grouped
    ]


def _new_members(store: Store, start: dt.date, end: dt.date) -> int:
    found = store.db.execute(
        "SELECT roles FROM people WHERE member_since >= ? AND member_since <= ?", [start.isoformat(), end.isoformat()]
    ).fetchall()
    return sum(1 for (roles,) in found if "membre" in people.parse_roles(roles))


def _meetings(store: Store, start: dt.date, end: dt.date, today: dt.date) -> tuple[list[MeetingTotals], list[Decision]]:
    types = {t.id: t for t in list_types(store, include_archived=True)}
    held = store.db.execute(
        """SELECT m.id, m.date, m.type_id,
             (SELECT count(*) FROM meeting_attendance a WHERE a.meeting_id = m.id AND a.archived = 0
                AND a.status = 'present')
           FROM meetings m WHERE m.archived = 0 AND m.date >= ? AND m.date <= ? ORDER BY m.date""",
        [start.isoformat(), min(end, today).isoformat()],
    ).fetchall()
    totals: dict[str, list[int]] = {}
    decisions: list[Decision] = []
    for mid, date, tid, present in held:
        kind = types.get(tid)
        name = kind.name if kind else _("Réunion")
        entry = totals.setdefault(tid or "", [0, 0, 0])
        entry[0] += 1
        entry[1] += present
        routine = {i.id for i in items(store, mid) if item_kind(i.title) in _ROUTINE}
        for p in proposals(store, mid):
            if p.outcome in ADOPTED:
                entry[2] += 1
                if p.depth == 0 and p.item_id not in routine and kind is not None and kind.code in ("aga", "age", "ca"):
                    decisions.append(Decision(dt.date.fromisoformat(date), name, p.reference, p.text))
    order = {t.id: (t.sort_order, t.name) for t in types.values()}
    result = [
        MeetingTotals(types[tid].name if tid in types else _("Réunion"), n, present, adopted)
        for tid, (n, present, adopted) in sorted(totals.items(), key=lambda kv: order.get(kv[0], (999, "")))
    ]
    return result, decisions


def report_period(store: Store, year: int) -> ReportPeriod:
    """The exercice that starts in ``year`` and the AGA that presents it (the first one after its end)."""
    start, end = group.fiscal_year(store, year)
    aga = _aga_after(store, end)
    return ReportPeriod(year, start, end, group.exercice_label(start, end),
                        aga[0] if aga else None, dt.date.fromisoformat(aga[1]) if aga else None)


def default_report_year(store: Store, today: dt.date | None = None) -> int:
    """The exercice to propose: the last one ended, until an AGA has been held after its end; then the current one."""
    today = today or dt.date.today()
    current_start, _end = group.fiscal_year_of(store, today)
    previous = report_period(store, current_start.year - 1)
    if previous.aga_date is not None and previous.aga_date <= today:
        return current_start.year
    return previous.year


def year_report(store: Store, year: int, *, today: dt.date | None = None) -> YearReport:
    """Compute the AGA package's figures for the exercice that starts in ``year``."""
    today = today or dt.date.today()
    period = report_period(store, year)
    start, end, aga_id, aga_date = period.start, period.end, period.aga_id, period.aga_date
    agenda = [i.title for i in items(store, aga_id)] if aga_id else list(type_by_code(store, "aga").agenda)
    previous = _aga_before(store, aga_date) if aga_date else _aga_before(store, max(today, end) + dt.timedelta(days=1))
    meetings, decisions = _meetings(store, start, end, today)
    mandates_on = aga_date or max(today, end + dt.timedelta(days=1))
    counted_on = min(end, max(today, start))
    return YearReport(
        year=year,
        start=start,
        end=end,
        group_name=group_name(store),
        aga_id=aga_id,
        aga_date=aga_date,
        agenda=agenda,
        previous_aga_id=previous,
        forms=_forms(calendar_data.activity_summary(store, start, end)),
        new_members=_new_members(store, start, end),
        members_in_good_standing=len(people.members_in_good_standing(store, counted_on)),
        members_counted_on=counted_on,
        meetings=meetings,
        decisions=decisions,
        spread=responsibilities_data.spread(store, year, start=start, end=end),
        mandates=list(responsibilities_data.mandates_to_fill(store, mandates_on)),
        mandates_on=mandates_on,
        label=period.label,
    )
