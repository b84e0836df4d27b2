"""Meetings and minutes: assemblies, board, committees; attendance and quorum; agenda, proposals,
votes and decisions; follow-ups; adoption, locking and errata; the AGA package.

``reminders(store, today)`` feeds the home page (follow-ups due, notices of meeting to send).
Modules: ``kinds`` (types, quorum rule, usual agendas), ``records`` (reading a meeting, its agenda
and numbered proposals; the lock), ``core`` (meetings), ``attendance`` (presence, voting rights,
quorum), ``agenda``, ``proposals`` (deliberation, votes), ``followups`` (and errata),
``wording`` (the formal sentences), ``minutes`` (one read of a whole procès-verbal), ``report``.
"""

from __future__ import annotations

from .agenda import add_item, move_item, remove_item, update_item
from .attendance import (
    ABSENT,
    EXCUSED,
    PRESENT,
    STATUSES,
    Attendee,
    Guest,
    Quorum,
    RosterRow,
    add_guest,
    attendees,
    guests,
    mark,
    mark_many,
    quorum,
    remove_guest,
    roster,
    status_of,
    voting_rights,
)
from .core import (
    MeetingSummary,
    archive_meeting,
    create_meeting,
    list_meetings,
    meeting_years,
    previous_meeting,
    restore_meeting,
    update_meeting,
)
from .followups import (
    AdoptedProposal,
    Erratum,
    FollowUp,
    add_erratum,
    add_followup,
    errata,
    erratum_proposals,
    followups,
    open_followups,
    reminders,
    remove_erratum,
    remove_followup,
    set_done,
    update_followup,
)
from .kinds import (
    QUORUM_KINDS,
    VOTERS,
    GroupQuorumRule,
    MeetingType,
    archive_type,
    get_type,
    group_quorum_rule,
    item_kind,
    list_types,
    save_type,
    set_group_quorum_rule,
    type_by_code,
    type_id,
)
from .minutes import Minutes, MinutesItem, minutes
from .proposals import add_proposal, remove_proposal, set_outcome, update_proposal
from .records import (
    ADOPTED,
    OUTCOMES,
    AgendaItem,
    LockedMinutes,
    Meeting,
    Proposal,
    get_item,
    get_meeting,
    get_proposal,
    items,
    parse_date,
    parse_time,
    proposals,
    reference,
)
from .suggest import suggested_proposal

__all__ = [
    "ABSENT", "ADOPTED", "EXCUSED", "OUTCOMES", "PRESENT", "QUORUM_KINDS", "STATUSES", "VOTERS",
    "AdoptedProposal", "AgendaItem", "Attendee", "Erratum", "FollowUp", "GroupQuorumRule", "Guest", "LockedMinutes",
    "Meeting", "MeetingSummary", "MeetingType", "Minutes", "MinutesItem", "Proposal", "Quorum", "RosterRow",
    "add_erratum", "add_followup", "add_guest", "add_item", "add_proposal", "archive_meeting", "archive_type",
    "attendees", "create_meeting", "errata", "erratum_proposals", "followups", "get_item", "get_meeting",
    "get_proposal", "get_type", "group_quorum_rule", "guests", "item_kind", "items", "list_meetings", "list_types",
    "mark", "mark_many", "meeting_years", "minutes", "move_item", "open_followups", "parse_date", "parse_time",
    "previous_meeting", "proposals", "quorum", "reference", "reminders", "remove_erratum", "remove_followup",
    "remove_guest", "remove_item", "remove_proposal", "restore_meeting", "roster", "save_type", "set_done",
    "set_group_quorum_rule", "set_outcome", "status_of", "suggested_proposal", "type_by_code", "type_id",
    "update_followup", "update_item", "update_meeting", "update_proposal", "voting_rights",
]
