"""How the year's responsibilities were spread: by person, by role group, members vs staff, concentration.

The year is the group's exercice (``data.group``; April to March unless the group chose
otherwise) on screen, in the PDF and in the AGA package; ``spread(store, year)`` alone still
counts a calendar year.

Counting rules (shown on screen, in the PDF and in docs/responsibilities.md):

- every assignment overlapping the period counts for one, whether it lasted an evening or the
  whole year (an assignment withdrawn as a mistake, i.e. archived, does not count);
- a person counts in each of their role groups (a member who sits on the board is in
  « Membres » and in « Conseil d'administration »), so group shares may add up to more than
  100 %; members vs staff compares the two groups against the same total;
- roles are those of the register today; for a person erased from the register, those they
  had when the responsibility was given (kept on the assignment). Erased and archived people
  still count, without their name: « Personne retirée du registre » and « Personne archivée »;
- concentration: the share held by the busiest 20 % of the people who held something
  (rounded up, at least one person); it would be about 20 % if everybody held as much.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

from ...i18n import N_, _, format_percent, ngettext
from ..group import exercice_label, fiscal_year_containing
from ..people import GROUP_LABELS, groups_of, parse_roles, removed_person
from ..store import Store
from ..text import fold
from .catalogue import KINDS, KIND_HEADINGS
from .directory import people_index
from .periods import overlapping

TOP_SHARE = 0.2
ARCHIVED_LABEL = N_("Personne archivée")


@dataclass(frozen=True)
class SpreadRow:
    group: str  # one of ROLE_GROUPS
    label: str  # shown on screen (translated)
    people: int  # people of this group who held at least one assignment
    assignments: int
    share: float  # share of the year's assignments, 0..1


@dataclass(frozen=True)
class Spread:
    """How the year's responsibilities were spread between people and role groups.

    A person with several roles counts in each of their groups (see ``figures``); erased and
    archived people count without their name.
    """

    year: int
    total_assignments: int = 0
    people_with_assignment: int = 0
    members_share: float = 0.0
    staff_share: float = 0.0
    top20_share: float = 0.0  # share held by the busiest 20 % of people who held something
    by_group: list[SpreadRow] = field(default_factory=list)
    by_person: list[tuple[str, str, int]] = field(default_factory=list)  # (person id, name, count), busiest first
    top20_people: int = 0  # how many people the busiest 20 % are
    by_kind: list = field(default_factory=list)  # figures.KindRow: tasks, roles, mandates
    person_groups: dict[str, tuple[str, ...]] = field(default_factory=dict)  # person id -> role groups
    removed_people: int = 0  # erased from the register, still counted
    archived_people: int = 0  # archived in the register, still counted
    start: dt.date | None = None  # the period counted (None only for an empty Spread built by hand)
    end: dt.date | None = None
    label: str = ""  # « 2026 », « 2025-2026 » (an exercice over two calendar years)

    @property
    def period_label(self) -> str:
        """How the period is named in sentences: « En {period_label}, … »."""
        return self.label or str(self.year)


@dataclass(frozen=True)
class KindRow:
    kind: str  # "task" | "role" | "mandate"
    label: str
    assignments: int
    members_share: float
    staff_share: float


def year_bounds(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def compute(store: Store, year: int, *, start: dt.date | None = None,
            end: dt.date | None = None) -> Spread:
    calendar_start, calendar_end = year_bounds(year)
    start, end = start or calendar_start, end or calendar_end
    if end < start:
        raise ValueError(f"period ends before it starts: {start} to {end}")
    period = exercice_label(start, end)
    where, args = overlapping(start, end, alias="a")
    found = store.db.execute(
        f"""SELECT a.person_id, a.holder_roles, coalesce(r.kind, 'task') FROM assignments a
            LEFT JOIN responsibilities r ON r.id = a.responsibility_id WHERE {where} ORDER BY a.start_on""",
        args,
    ).fetchall()
    if not found:
        return Spread(year, start=start, end=end, label=period)
    people = people_index(store, {r[0] for r in found})
    counts: dict[str, int] = {}
    snapshot: dict[str, tuple[str, ...]] = {}
    by_kind: dict[str, list[str]] = {}
    for pid, holder_roles, kind in found:
        counts[pid] = counts.get(pid, 0) + 1
        if pid not in people:
            snapshot[pid] = parse_roles(holder_roles)
        by_kind.setdefault(kind, []).append(pid)
    info = {pid: people.get(pid) or removed_person(pid, snapshot.get(pid, ())) for pid in counts}
    groups = {pid: groups_of(p.roles) for pid, p in info.items()}
    total = len(found)

    rows = []
    for group, label in GROUP_LABELS.items():
        members = [pid for pid in counts if group in groups[pid]]
        held = sum(counts[pid] for pid in members)
        rows.append(SpreadRow(group, _(label), len(members), held, held / total))
    shares = {row.group: row.share for row in rows}

    busiest = sorted(counts.values(), reverse=True)
    top_people = max(1, math.ceil(TOP_SHARE * len(busiest)))
    kinds = []
    for kind in KINDS:
        holders = by_kind.get(kind, [])
        if holders:
            n = len(holders)
            kinds.append(KindRow(
                kind, _(KIND_HEADINGS[kind]), n,
                sum("membres" in groups[p] for p in holders) / n,
                sum("personnes_intervenantes" in groups[p] for p in holders) / n,
            ))
    def shown_name(pid: str) -> str:
        person = info[pid]
        return _(ARCHIVED_LABEL) if person.archived and not person.removed else person.name

    by_person = sorted(
        ((pid, shown_name(pid), n) for pid, n in counts.items()),
        key=lambda t: (-t[2], fold(t[1]), t[0]),
    )
    return Spread(
        year=year,
        total_assignments=total,
        people_with_assignment=len(counts),
        members_share=shares["membres"],
        staff_share=shares["personnes_intervenantes"],
        top20_share=sum(busiest[:top_people]) / total,
        by_group=rows,
        by_person=by_person,
        top20_people=top_people,
        by_kind=kinds,
        person_groups=groups,
        removed_people=sum(1 for p in info.values() if p.removed),
        archived_people=sum(1 for p in info.values() if p.archived and not p.removed),
        start=start,
        end=end,
        label=period,
    )


def years_with_assignments(store: Store, today: dt.date | None = None, *, start_month: int = 1) -> list[int]:
    """Years from the first assignment to this year (or the last assignment), newest first.

    With ``start_month`` (the group's exercice, see ``data.group``), the years are those in
    which the exercices start: with April, an assignment of March 2025 belongs to 2024(-2025).
    """
    first, last = store.db.execute("SELECT min(start_on), max(start_on) FROM assignments WHERE archived = 0").fetchone()

    def year_of(day: dt.date) -> int:
        return fiscal_year_containing(day, start_month)[0].year

    this_year = year_of(today or dt.date.today())
    if not first:
        return [this_year]
    newest = max(this_year, year_of(dt.date.fromisoformat(last)))
    return list(range(newest, year_of(dt.date.fromisoformat(first)) - 1, -1))


def distribution(spread) -> list[tuple[str, int]]:  # noqa: ANN001 (Spread)
    """How many people held 1, 2 to 4, 5 to 9, 10 or more responsibilities (no names)."""
    bands = ((1, 1, _("1 responsabilité")), (2, 4, _("2 à 4 responsabilités")), (5, 9, _("5 à 9 responsabilités")),
             (10, 10**9, _("10 responsabilités ou plus")))
    return [(label, sum(1 for _p, _n, c in spread.by_person if low <= c <= high)) for low, high, label in bands]


def captions(spread) -> list[str]:  # noqa: ANN001 (Spread)
    """The figures in plain sentences, for someone who is not the secretary (screen, PDF, command line)."""
    if not spread.total_assignments:
        return [_("Aucune responsabilité n'a été inscrite pour {year}.").format(year=spread.period_label)]
    lines = [
        ngettext(
            "En {year}, {n} responsabilité a été tenue par {p} personne.",
            "En {year}, {n} responsabilités ont été tenues par {p} personnes.",
            spread.total_assignments,
        ).format(year=spread.period_label, n=spread.total_assignments, p=spread.people_with_assignment)
        + " " + _("Chaque responsabilité compte pour une, qu'elle ait duré une soirée ou toute l'année."),
        _("Les membres en ont tenu {members} et les personnes intervenantes {staff}. Plus la part des membres est "
          "grande, plus le groupe est porté par ses membres.").format(
            members=format_percent(spread.members_share), staff=format_percent(spread.staff_share)),
        _("Les 20 % de personnes les plus occupées ({k} sur {p}) ont tenu {share} des responsabilités. Si tout le "
          "monde en avait tenu autant, ce serait {fair} ; plus l'écart est grand, plus les responsabilités reposent "
          "sur peu de personnes.").format(
            k=spread.top20_people, p=spread.people_with_assignment, share=format_percent(spread.top20_share),
            fair=format_percent(spread.top20_people / spread.people_with_assignment)),
        _("Une personne qui a plusieurs rôles (par exemple membre et administratrice) compte dans chacun de ses "
          "groupes : les parts des groupes peuvent donc dépasser 100 % au total."),
    ]
    if spread.removed_people:
        lines.append(ngettext(
            "{n} personne retirée du registre compte toujours, sans son nom.",
            "{n} personnes retirées du registre comptent toujours, sans leur nom.",
            spread.removed_people,
        ).format(n=spread.removed_people))
    if spread.archived_people:
        lines.append(ngettext(
            "{n} personne archivée compte toujours, sans son nom.",
            "{n} personnes archivées comptent toujours, sans leur nom.",
            spread.archived_people,
        ).format(n=spread.archived_people))
    return lines
