"""The spread of responsibilities as a PDF for the annual general assembly (US Letter).

Built with QTextDocument (text and tables) and QPdfWriter; the charts are painted by
``chart`` into images. Without ``with_names`` the document names nobody: it shows groups,
shares and how many people held how much, which is what an assembly needs. Written to a
temporary file beside the target, then moved into place: a failure leaves no half file.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from pathlib import Path

from PySide6.QtCore import QSizeF, QUrl
from PySide6.QtGui import QFont, QTextDocument

from ...data import files, group, responsibilities
from ...data.errors import EntraideError, user_facing_errors
from ...data.responsibilities.figures import captions, distribution
from ...data.store import Store
from ...data.text import fold
from ...i18n import _, format_date, format_percent, ngettext
from .. import fonts
from ..fonts import ensure_gui
from ..page import POINT, escape, pdf_writer
from .chart import render

PAGE_WIDTH_PT = 500.0  # text width of a Letter page with 18 mm margins, in points
def _table(headers: list[str], body: list[list[str]], align_right_from: int = 1) -> str:
    head = "".join(f"<th align='{'left' if i < align_right_from else 'right'}'>{escape(h)}</th>" for i, h in enumerate(headers))
    lines = []
    for row in body:
        cells = "".join(
            f"<td align='{'left' if i < align_right_from else 'right'}'>{escape(c)}</td>" for i, c in enumerate(row))
        lines.append(f"<tr>{cells}</tr>")
    return (f"<table width='100%' cellspacing='0' cellpadding='4' border='1' style='border-color:#999;"
            f"border-collapse:collapse'><thead><tr style='background:#eef3f4'>{head}</tr></thead>"
            f"<tbody>{''.join(lines)}</tbody></table>")


def _h2(text: str) -> str:
    return f"<h2>{escape(text)}</h2>"


def spread_html(spread: responsibilities.Spread, *, group_name: str, today: dt.date, with_names: bool) -> str:
    """The document's body (charts referred to as ``chart:groups`` and ``chart:people``)."""
    parts = [
        "<h1>" + escape(_("Le partage des responsabilités en {year}").format(year=spread.period_label)) + "</h1>",
        f"<p>{escape(group_name)}<br/>"
        + escape(_("Exercice {label} : {period}.").format(label=spread.period_label, period=_period(spread))) + "<br/>"
        + escape(_("Document préparé le {date} pour l'assemblée générale annuelle.").format(date=format_date(today)))
        + "</p>",
    ]
    if not spread.total_assignments:
        parts.append(f"<p>{escape(captions(spread)[0])}</p>")
        return "".join(parts)
    figures = [
        (str(spread.total_assignments),
         ngettext("responsabilité tenue par {p} personne", "responsabilités tenues par {p} personnes",
                  spread.total_assignments).format(p=spread.people_with_assignment)),
        (_("{m} / {s}").format(m=format_percent(spread.members_share), s=format_percent(spread.staff_share)),
         _("membres / personnes intervenantes")),
        (format_percent(spread.top20_share), _("tenues par les 20 % de personnes les plus occupées")),
    ]
    cells = "".join(
        f"<td width='33%' align='center' style='background:#eef3f4'><span style='font-size:16pt;font-weight:600'>"
        f"{escape(big)}</span><br/>{escape(small)}</td>" for big, small in figures)
    parts.append(f"<table width='100%' cellspacing='6' cellpadding='8'><tr>{cells}</tr></table>")
    parts.append(_h2(_("Ce que disent les chiffres")))
    parts += [f"<p>{escape(line)}</p>" for line in captions(spread)]
    parts.append(_h2(_("Par groupe")))
    parts.append(f"<p><img src='chart:groups' width='{PAGE_WIDTH_PT:.0f}'/></p>")
    parts.append(_table(
        [_("Groupe"), _("Personnes"), _("Nombre"), _("Part")],
        [[r.label, str(r.people), str(r.assignments), format_percent(r.share)] for r in spread.by_group]))
    parts.append(_h2(_("Tâches, rôles et mandats")))
    parts.append(_table(
        [_("Genre"), _("Nombre"), _("Membres"), _("Personnes intervenantes")],
        [[k.label, str(k.assignments), format_percent(k.members_share), format_percent(k.staff_share)]
         for k in spread.by_kind]))
    parts.append(_h2(_("Par personne")))
    parts.append(f"<p><img src='chart:people' width='{PAGE_WIDTH_PT:.0f}'/></p>")
    parts.append(_table([_("Nombre de responsabilités tenues"), _("Personnes")],
                        [[label, str(n)] for label, n in distribution(spread)]))
    if with_names:
        people = sorted(spread.by_person, key=lambda t: (fold(t[1]), t[0]))
        parts.append(_h2(_("Les personnes, par ordre alphabétique")))
        parts.append(_table([_("Personne"), _("Responsabilités")], [[name, str(n)] for _pid, name, n in people]))
    parts.append(_h2(_("Comment ces chiffres sont comptés")))
    parts.append("<p>" + escape(_(
        "Une responsabilité compte pour l'exercice si elle a été tenue, même en partie, {period} ; une attribution "
        "retirée parce qu'elle était une erreur ne compte pas. Les rôles sont ceux "
        "du registre des membres ; pour une personne retirée du registre, ceux qu'elle avait quand la "
        "responsabilité lui a été confiée. Les personnes archivées ou retirées du registre comptent toujours, "
        "sans leur nom.").format(period=_period(spread))) + "</p>")
    return "".join(parts)


def _period(spread: responsibilities.Spread) -> str:
    if spread.start is None or spread.end is None:
        return str(spread.year)
    return group.period_text(spread.start, spread.end)


def write_spread_pdf(store: Store, year: int, target: Path, *, with_names: bool = False,
                     today: dt.date | None = None) -> Path:
    """Write the spread of the group's exercice that starts in ``year`` as a PDF at ``target``; returns the path."""
    ensure_gui()
    spread = responsibilities.exercice_spread(store, year)
    target = Path(target)
    temporary = target.with_name(f".{target.name}.tmp")
    try:
        with user_facing_errors(str(target.parent)):
            _write(store, spread, year, target, temporary, with_names, today or dt.date.today())
    except OSError as error:
        raise EntraideError(_("Impossible d'écrire le PDF « {path} » ({detail}). Choisissez un autre dossier ; "
                              "rien n'a été écrit.").format(path=target, detail=error.strerror or error)) from error
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
    return target


def _write(store: Store, spread: responsibilities.Spread, year: int, target: Path, temporary: Path,
           with_names: bool, today: dt.date) -> None:


    profile = group.profile(store)
    target.parent.mkdir(parents=True, exist_ok=True)
    writer = pdf_writer(temporary, _("Le partage des responsabilités en {year}").format(year=spread.period_label),
                        (18, 16, 18, 16))
    document = QTextDocument()
    font = QFont(fonts.SANS)
    font.setPointSizeF(10)
    document.setDefaultFont(font)
    document.setDefaultStyleSheet("h1 { font-size: 18pt; } h2 { font-size: 13pt; margin-top: 14px; } "
                                  "th { font-weight: 600; }")
    chart_font = QFont(font)
    chart_font.setPointSizeF(9.5)
    for kind in ("groups", "people"):
        image = render(kind, spread, PAGE_WIDTH_PT, chart_font)
        image.setDevicePixelRatio(3.0)
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(f"chart:{kind}"), image)
    document.setHtml(spread_html(spread, group_name=profile.name, today=today,
                                 with_names=with_names))
    layout = writer.pageLayout()
    document.setPageSize(QSizeF(layout.paintRect(POINT).size()))
    document.print_(writer)
    del writer
    if not temporary.exists() or temporary.stat().st_size == 0:
        raise OSError(f"PDF not written: {temporary}")
    files.replace(temporary, target)
