"""A meeting's minutes laid out as a formal procès-verbal (Quebec deliberative form)."""

from __future__ import annotations

from pathlib import Path

from ...data.meetings import Minutes, Proposal, minutes
from ...data.meetings.wording import (
    due_text,
    outcome_sentence,
    proposal_sentence,
    quorum_statement,
    when_and_where,
)
from ...data.store import Store
from ...i18n import _, format_date, format_time
from ..page import escape
from ..render import heading, names_list, para, paragraphs, write


def _people_row(label: str, names: list[str]) -> str:
    value = names_list(names) if names else _("aucune")
    return (f'<tr><td width="24%"><b>{escape(label)}</b></td>'
            f'<td>{value}</td></tr>')


def roles(m: Minutes) -> tuple[str, str]:
    if m.meeting.type.is_assembly:
        return _("Présidence d'assemblée"), _("Secrétariat d'assemblée")
    return _("Présidence"), _("Secrétariat")


def presence_html(m: Minutes) -> str:
    rows = [
        _people_row(_("Présent·es ({n})").format(n=len(m.present)), [a.name for a in m.present]),
        _people_row(_("Excusé·es ({n})").format(n=len(m.excused)), [a.name for a in m.excused]),
    ]
    if m.absent:
        rows.append(_people_row(_("Absent·es ({n})").format(n=len(m.absent)), [a.name for a in m.absent]))
    if m.guests:
        rows.append(_people_row(_("Personnes invitées ({n})").format(n=len(m.guests)),
                                [f"{g.name} ({g.role})" if g.role else g.name for g in m.guests]))
    meeting = m.meeting
    chair_role, secretary_role = roles(m)
    if meeting.chair:
        rows.append(f"<tr><td><b>{escape(chair_role)}</b></td><td>{escape(meeting.chair)}</td></tr>")
    if meeting.secretary:
        rows.append(f"<tr><td><b>{escape(secretary_role)}</b></td><td>{escape(meeting.secretary)}</td></tr>")
    return f'<table width="100%" cellpadding="3" cellspacing="0">{"".join(rows)}</table>'


def _proposal_html(m: Minutes, p: Proposal, *, with_outcome: bool = True) -> str:
    sentence = escape(proposal_sentence(p, m.references.get(p.parent_id, "")))
    level = str(p.depth) if p.depth else ""
    outcome = f'<p class="outcome{level}">{escape(outcome_sentence(p))}</p>' if with_outcome else ""
    return (
        f'<table width="100%" cellpadding="2" cellspacing="0">'
        f'<tr><td width="22%"><p class="small"><b>{escape(p.reference)}</b></p></td>'
        f'<td><p class="body{level}">{sentence}</p>{outcome}</td></tr></table>'
    )


def _deferred_outcome_html(p: Proposal, amended: bool) -> str:
    """After its amendments, the vote on the proposal they amended (Code Morin order)."""
    level = str(p.depth) if p.depth else ""
    if p.depth == 0:
        lead = _("Vote sur la proposition {ref} telle qu'amendée :") if amended else _(
            "Vote sur la proposition {ref} :")
    else:
        lead = _("Vote sur l'amendement {ref} tel que sous-amendé :") if amended else _(
            "Vote sur l'amendement {ref} :")
    return (f'<table width="100%" cellpadding="2" cellspacing="0"><tr><td width="22%"></td><td>'
            f'<p class="outcome{level}">{escape(lead.format(ref=p.reference))} {escape(outcome_sentence(p))}</p>'
            f"</td></tr></table>")


def proposals_html(m: Minutes, proposals: list[Proposal]) -> str:
    """Proposals in the order of deliberation: a proposal, its amendments, then the vote on it."""
    parents = {p.parent_id for p in proposals if p.parent_id}
    out: list[str] = []
    open_: list[Proposal] = []  # proposals whose vote waits for their amendments

    def close_until(depth: int) -> None:
        while open_ and open_[-1].depth >= depth:
            done = open_.pop()
            amended = any(c.parent_id == done.id and c.adopted for c in proposals)
            out.append(_deferred_outcome_html(done, amended))

    for p in proposals:
        close_until(p.depth)
        has_children = p.id in parents
        out.append(_proposal_html(m, p, with_outcome=not has_children))
        if has_children:
            open_.append(p)
    close_until(0)
    return "".join(out)


def items_html(m: Minutes) -> str:
    out: list[str] = []
    for entry in m.items:
        item = entry.item
        out.append(f"<h3>{item.number}.&nbsp;&nbsp;{escape(item.title)}</h3>")
        out.append(paragraphs(item.notes))
        out.append(proposals_html(m, entry.proposals))
        for f in entry.followups:
            who = f" — {f.who}" if f.who else ""
            line = _("Suivi : {text}{who}, {due}.").format(text=f.text, who=who, due=due_text(f.due))
            out.append(f'<p class="body"><i>{escape(line)}</i></p>')
    return "".join(out)


def followups_html(m: Minutes) -> str:
    if not m.followups:
        return ""
    rows = "".join(
        f"<tr><td>{escape(f.text)}</td><td>{escape(f.who or '—')}</td>"
        f"<td>{escape(format_date(f.due, 'medium') if f.due else '—')}</td></tr>"
        for f in m.followups
    )
    title, what, who, due = _("Suivis décidés"), _("À faire"), _("Qui"), _("Échéance")
    return (f"<h2>{escape(title)}</h2>"
            f'<table width="100%" border="1" cellpadding="4" cellspacing="0" style="border-collapse:collapse">'
            f"<tr><th>{escape(what)}</th><th>{escape(who)}</th><th>{escape(due)}</th></tr>{rows}</table>")


def errata_html(m: Minutes) -> str:
    if not m.errata:
        return ""
    numbers = {entry.item.id: entry.item.number for entry in m.items}
    out = [heading(2, _("Errata"))]
    for e in m.errata:
        where = _(" (point {n})").format(n=numbers[e.item_id]) if e.item_id in numbers else ""
        label = _("Erratum adopté le {date}, proposition {ref}{where} :").format(
            date=format_date(e.noted_on), ref=e.reference, where=where)
        out.append(f'<p class="body"><b>{escape(label)}</b> {escape(e.text)}</p>')
    return "".join(out)


def signatures_html(m: Minutes) -> str:
    meeting = m.meeting
    line = "_" * 34
    date_label = _("Date :")

    def cell(role: str, name: str) -> str:
        return (f'<td width="50%"><p>&nbsp;</p><p>&nbsp;</p><p>{line}</p><p>{escape(name or " ")}</p>'
                f"<p>{escape(role)}</p><p>{escape(date_label)} ____________________</p></td>")

    chair_role, secretary_role = roles(m)
    return (f'<table width="100%" cellpadding="6" cellspacing="0" style="margin-top:24px"><tr>'
            f"{cell(chair_role, meeting.chair)}{cell(secretary_role, meeting.secretary)}</tr></table>")


def heading_html(m: Minutes, *, title_tag: str = "h1") -> str:
    meeting = m.meeting
    parts = []
    if m.group_name:
        parts.append(para(m.group_name, "group"))
    title = _("Procès-verbal")
    parts.append(f'<{title_tag} align="center">{escape(title)}</{title_tag}>')
    parts.append(para(meeting.type.name, "kind"))
    parts.append(f'<p class="center">{escape(when_and_where(meeting.date, meeting.start_time, meeting.place))}</p>')
    parts.append(f'<p class="status">{escape(m.status)}</p>')
    return "".join(parts)


def minutes_body(m: Minutes, *, title_tag: str = "h1") -> str:
    """The whole procès-verbal as HTML (used alone and inside the AGA package)."""
    meeting = m.meeting
    out = [heading_html(m, title_tag=title_tag), heading(2, _("Présences")), presence_html(m)]
    if meeting.notice_date:
        out.append(para(_("L'avis de convocation a été transmis le {date}.").format(
            date=format_date(meeting.notice_date))))
    out.append(heading(2, _("Quorum")) + para(quorum_statement(m.quorum)))
    out.append(heading(2, _("Délibérations")))
    out.append(items_html(m))
    if meeting.end_time:
        out.append(para(_("La séance est levée à {time}.").format(time=format_time(meeting.end_time))))
    out.append(followups_html(m))
    out.append(errata_html(m))
    out.append(signatures_html(m))
    return "".join(out)


def document_title(m: Minutes) -> str:
    return _("Procès-verbal — {type} du {date}").format(type=m.meeting.type.name, date=format_date(m.meeting.date))


def export_minutes(store: Store, meeting_id: str, path: Path | str, fmt: str) -> Path:
    """Write the meeting's minutes as PDF or ODT at ``path``."""
    m = minutes(store, meeting_id)
    title = document_title(m)
    footer = f"{m.group_name} — {title}" if m.group_name else title
    return write(minutes_body(m), path, fmt, title=title, footer=footer)
