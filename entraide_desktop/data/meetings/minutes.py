"""Everything a procès-verbal shows, gathered in one read (for the screen and the exports)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ...i18n import _, format_date
from .. import group
from ..store import Store
from . import attendance
from .attendance import Attendee, Guest, Quorum
from .followups import Erratum, FollowUp, errata, followups
from .records import AgendaItem, Meeting, Proposal, get_meeting, items, proposals, reference


@dataclass(frozen=True)
class MinutesItem:
    item: AgendaItem
    proposals: list[Proposal] = field(default_factory=list)
    followups: list[FollowUp] = field(default_factory=list)


@dataclass(frozen=True)
class Minutes:
    group_name: str
    meeting: Meeting
    present: list[Attendee]
    excused: list[Attendee]
    absent: list[Attendee]
    guests: list[Guest]
    quorum: Quorum
    items: list[MinutesItem]
    followups: list[FollowUp]
    errata: list[Erratum]
    adoption_reference: str  # « CA-2026-07-10-02 » when adopted, else ""
    references: dict[str, str]  # proposal id -> reference, for amendments' parents

    @property
    def status(self) -> str:
        """« Projet » or « Adopté le … (proposition …) »."""
        m = self.meeting
        if m.locked and m.adopted_on:
            return _("Adopté le {date} (proposition {ref})").format(date=format_date(m.adopted_on),
                                                                   ref=self.adoption_reference)
        return _("Projet de procès-verbal — non adopté")

    def proposal_count(self) -> int:
        return sum(len(i.proposals) for i in self.items)


def group_name(store: Store) -> str:
    return group.profile(store).name


def minutes(store: Store, meeting_id: str) -> Minutes:
    """The whole procès-verbal of a meeting."""
    meeting = get_meeting(store, meeting_id)
    agenda = items(store, meeting_id)
    all_proposals = proposals(store, meeting_id)
    all_followups = followups(store, meeting_id)
    by_item: dict[str, list[Proposal]] = {}
    for p in all_proposals:
        by_item.setdefault(p.item_id, []).append(p)
    follow_by_item: dict[str, list[FollowUp]] = {}
    for f in all_followups:
        follow_by_item.setdefault(f.item_id, []).append(f)
    return Minutes(
        group_name=group_name(store),
        meeting=meeting,
        present=attendance.attendees(store, meeting_id, attendance.PRESENT),
        excused=attendance.attendees(store, meeting_id, attendance.EXCUSED),
        absent=attendance.attendees(store, meeting_id, attendance.ABSENT),
        guests=attendance.guests(store, meeting_id),
        quorum=attendance.quorum(store, meeting_id),
        items=[MinutesItem(i, by_item.get(i.id, []), follow_by_item.get(i.id, [])) for i in agenda],
        followups=all_followups,
        errata=errata(store, meeting_id),
        adoption_reference=reference(store, meeting.adopted_by) if meeting.adopted_by else "",
        references={p.id: p.reference for p in all_proposals},
    )
