"""The AGA package of an exercice: cover, agenda, previous AGA's minutes, rapport d'activités, mandates to fill."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ...data.group import period_text
from ...data.meetings import get_meeting, minutes
from ...data.meetings.report import YearReport, year_report
from ...data.meetings.wording import clause, when_and_where
from ...data.store import Store
from ...i18n import _, format_date, format_number, format_percent, ngettext
from ..page import escape
from ..render import heading, para, write
from ..treasury.statements import statements_body
from .minutes import minutes_body

_TABLE = '<table width="100%" border="1" cellpadding="4" cellspacing="0" style="border-collapse:collapse">'


def _n(value: int | float) -> str:
    return escape(format_number(value))


def _head(cells: list[str]) -> str:
    return "<tr>" + "".join(f"<th>{escape(c)}</th>" for c in cells) + "</tr>"


def _row(cells: list[str], *, bold: bool = False, first_indent: int = 0) -> str:
    out = []
    for i, c in enumerate(cells):
        text = f"<b>{c}</b>" if bold else c
        style = f' style="padding-left:{first_indent}px"' if i == 0 and first_indent else ""
        align = "" if i == 0 else ' align="right"'
        out.append(f"<td{align}{style}>{text}</td>")
    return "<tr>" + "".join(out) + "</tr>"


def cover_html(r: YearReport, store: Store) -> str:
    out = ['<p>&nbsp;</p><p>&nbsp;</p><p>&nbsp;</p>']
    if r.group_name:
        out.append(para(r.group_name, "covergroup"))
    out.append(heading(1, _("Assemblée générale annuelle")))
    out.append(para(_("Document de l'assemblée — rapport d'activités de l'exercice {year}").format(
        year=r.period_label), "subtitle"))
    out.append(para(_("Exercice financier {period}").format(period=period_text(r.start, r.end)), "center"))
    if r.aga_id:
        aga = get_meeting(store, r.aga_id)
        when = when_and_where(aga.date, aga.start_time, aga.place)
        out.append(para(when[0].upper() + when[1:], "center"))
    else:
        out.append(para(_("Date de l'assemblée à déterminer"), "center"))
    out.append('<p>&nbsp;</p><p>&nbsp;</p>')
    out.append(heading(2, _("Contenu")) + "<ol>")
    for title in (_("Ordre du jour"), _("Procès-verbal de l'assemblée générale annuelle précédente"),
                  _("Rapport d'activités {year}").format(year=r.period_label), _("Mandats à pourvoir"),
                  _("États financiers (non audités)")):
        out.append(f"<li>{escape(title)}</li>")
    out.append("</ol>")
    return "".join(out)


def agenda_html(r: YearReport) -> str:
    out = [heading(1, _("1. Ordre du jour"), page_break=True)]
    if not r.aga_id:
        out.append(para(_("Projet d'ordre du jour (ordre du jour habituel de l'AGA)"), "status"))
    out.append("<ol>" + "".join(f"<li><p>{escape(t)}</p></li>" for t in r.agenda) + "</ol>")
    return "".join(out)


def previous_minutes_html(r: YearReport, store: Store) -> str:
    out = [heading(1, _("2. Procès-verbal de l'assemblée générale annuelle précédente"), page_break=True)]
    if not r.previous_aga_id:
        out.append(para(_("Aucune assemblée générale annuelle précédente n'est inscrite dans Entraide.")))
        return "".join(out)
    out.append(minutes_body(minutes(store, r.previous_aga_id), title_tag="h2"))
    return "".join(out)


def activities_html(r: YearReport) -> str:
    out = [heading(2, _("Les activités par forme d'entraide"))]
    if not r.activities:  # no form has any activity yet (the starting types are listed with zeros)
        out.append(para(_("Aucune activité n'est inscrite au calendrier pour {year}.").format(year=r.period_label)))
        return "".join(out)
    out.append(para(_("En {year}, le groupe a tenu {occ} rencontres dans {act} activités, pour un total de {att} "
                    "présences.").format(year=r.period_label, occ=format_number(r.occurrences),
                                         act=format_number(r.activities), att=format_number(r.attendance))))
    rows = [_head([_("Forme d'entraide et activité"), _("Activités"), _("Rencontres tenues"), _("Présences")])]
    for form in r.forms:
        rows.append(_row([escape(form.label), _n(form.activities), _n(form.occurrences), _n(form.attendance)], bold=True))
        for t in form.types:
            rows.append(_row([escape(t.type_name), _n(t.activities), _n(t.occurrences), _n(t.attendance)],
                             first_indent=18))
    rows.append(_row([escape(_("Total")), _n(r.activities), _n(r.occurrences), _n(r.attendance)], bold=True))
    out.append(_TABLE + "".join(rows) + "</table>")
    return "".join(out)


def association_html(r: YearReport) -> str:
    out = [heading(2, _("La vie associative"))]
    members = ngettext("{n} nouveau membre s'est joint au groupe en {year}.",
                       "{n} nouveaux membres se sont joints au groupe en {year}.", r.new_members)
    out.append(para(members.format(n=format_number(r.new_members), year=r.period_label) + " " + _(
        "Membres en règle au {date} : {n}.").format(date=format_date(r.members_counted_on),
                                                     n=format_number(r.members_in_good_standing))))
    if not r.meetings:
        out.append(para(_("Aucune réunion n'est inscrite pour {year}.").format(year=r.period_label)))
    else:
        rows = [_head([_("Instance"), _("Réunions"), _("Présences en moyenne"), _("Propositions adoptées")])]
        for m in r.meetings:
            rows.append(_row([escape(m.type_name), _n(m.meetings), _n(round(m.average_present, 1)),
                              _n(m.proposals_adopted)]))
        out.append(_TABLE + "".join(rows) + "</table>")
    if r.decisions:
        out.append(heading(3, _("Principales décisions des assemblées et du conseil")) + "<ul>")
        for d in r.decisions:
            text = clause(d.text)
            label = f"<b>{escape(format_date(d.date, 'medium'))}</b> — {escape(d.type_name)} ({escape(d.reference)})"
            line = _("{field} : {value}").format(field=label, value=escape(text[0].upper() + text[1:]))
            out.append(f"<li><p class=\"body\">{line}</p></li>")
        out.append("</ul>")
    return "".join(out)


def responsibilities_html(r: YearReport) -> str:
    s = r.spread
    out = [heading(2, _("Le partage des responsabilités"))]
    if not s.total_assignments:
        out.append(para(_("Aucune responsabilité n'est inscrite pour {year}.").format(year=r.period_label)))
        return "".join(out)
    out.append(para(_(
        "En {year}, {people} personnes ont assumé {n} responsabilités. Part assumée par les membres : {members} ; "
        "par les personnes intervenantes : {staff}. Les 20 % des personnes les plus sollicitées ont assumé {top} des "
        "responsabilités.").format(year=r.period_label, people=format_number(s.people_with_assignment),
                                   n=format_number(s.total_assignments), members=format_percent(s.members_share),
                                   staff=format_percent(s.staff_share), top=format_percent(s.top20_share))))
    rows = [_head([_("Groupe"), _("Personnes"), _("Responsabilités"), _("Part")])]
    for g in s.by_group:
        rows.append(_row([escape(g.label), _n(g.people), _n(g.assignments), escape(format_percent(g.share))]))
    out.append(_TABLE + "".join(rows) + "</table>")
    return "".join(out)


def report_html(r: YearReport) -> str:
    out = [heading(1, _("3. Rapport d'activités {year}").format(year=r.period_label), page_break=True)]
    out.append(para(_("Exercice {label} : {period}").format(label=r.period_label, period=period_text(r.start, r.end)),
                    "status"))
    out += [activities_html(r), association_html(r), responsibilities_html(r)]
    return "".join(out)


def mandates_html(r: YearReport) -> str:
    out = [heading(1, _("4. Mandats à pourvoir"), page_break=True)]
    if not r.mandates:
        out.append(para(_("Aucun mandat à pourvoir au {date}.").format(date=format_date(r.mandates_on))))
        return "".join(out)
    out.append(para(_("Postes vacants ou dont le mandat se termine dans les 90 jours suivant le {date}.").format(
        date=format_date(r.mandates_on))))
    rows = [_head([_("Mandat"), _("Sièges"), _("Durée"), _("Fin du mandat actuel"), _("Personne en poste")])]
    for m in r.mandates:
        term = ngettext("{n} mois", "{n} mois", m.term_months).format(n=m.term_months)
        rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in (
            escape(m.title), _n(m.seats), escape(term), escape(format_date(m.ends_on) if m.ends_on else _("poste vacant")),
            escape(m.holder or "—"))) + "</tr>")
    out.append(_TABLE + "".join(rows) + "</table>")
    return "".join(out)


def package_body(store: Store, r: YearReport) -> str:
    return "".join([cover_html(r, store), agenda_html(r), previous_minutes_html(r, store), report_html(r),
                    mandates_html(r), statements_body(store, r.start.year, title=_("5. États financiers (non audités)"),
                                                      page_break=True)])


def export_package(store: Store, year: int, path: Path | str, fmt: str, *, today: dt.date | None = None) -> Path:
    """Write the AGA package of the exercice that starts in ``year`` as PDF or ODT at ``path``."""
    r = year_report(store, year, today=today)
    title = _("Assemblée générale annuelle — rapport de l'exercice {year}").format(year=r.period_label)
    footer = f"{r.group_name} — {title}" if r.group_name else title
    return write(package_body(store, r), path, fmt, title=title, footer=footer)
