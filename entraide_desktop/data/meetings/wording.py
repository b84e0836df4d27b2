"""The formal sentences of a procès-verbal, shared by the screen and the exported documents.

« Il est proposé par Hélène Côté, appuyé par Luc Roy, que l'ordre du jour soit adopté tel que
présenté. Adoptée à l'unanimité. »
"""

from __future__ import annotations

import datetime as dt
import re

from ...i18n import N_, _, format_date, format_number, format_time, ngettext
from .attendance import Quorum
from .records import OUTCOMES, Proposal

_AMENDMENT_OUTCOMES: dict[str, str] = {
    "unanimous": N_("Amendement adopté à l'unanimité"),
    "majority": N_("Amendement adopté à la majorité"),
    "consensus": N_("Amendement adopté par consensus"),
    "rejected": N_("Amendement rejeté"),
    "withdrawn": N_("Amendement retiré"),
    "postponed": N_("Amendement reporté"),
}
_SUB_OUTCOMES: dict[str, str] = {
    "unanimous": N_("Sous-amendement adopté à l'unanimité"),
    "majority": N_("Sous-amendement adopté à la majorité"),
    "consensus": N_("Sous-amendement adopté par consensus"),
    "rejected": N_("Sous-amendement rejeté"),
    "withdrawn": N_("Sous-amendement retiré"),
    "postponed": N_("Sous-amendement reporté"),
}

_LEADING_QUE = re.compile(r"^\s*(?:que\b|qu['’])\s*", re.IGNORECASE)


def _sentence_end(text: str) -> str:
    text = text.strip()
    return text if not text or text[-1] in ".!?…" or text.endswith((".»", ". »")) else text + "."


_LOWER_FIRST = frozenset({
    "le", "la", "les", "un", "une", "des", "du", "ce", "cet", "cette", "ces", "notre", "nos", "son", "sa", "ses",
    "leur", "leurs", "tout", "tous", "toute", "toutes", "chaque", "au", "aux", "il", "elle", "ils", "elles", "on",
    "en", "à", "nous", "soit",
})
_ELIDE = frozenset({"il", "elle", "ils", "elles", "on", "un", "une", "au", "aux", "en", "à"})


def clause(text: str) -> str:
    """The proposal's text as a « que … » clause: ``que le procès-verbal soit adopté.``"""
    text = _LEADING_QUE.sub("", text.strip(), count=1).strip()
    if not text:
        return _("que … (texte à compléter).")
    first = text.split(" ", 1)[0].casefold()
    if first in _LOWER_FIRST or first.startswith(("l'", "l’")):
        text = text[0].lower() + text[1:]
    if first in _ELIDE:
        # TRANSLATORS: the body of a motion, after « Il est proposé par X, appuyé par Y, »; French elides « que ».
        return _sentence_end(_("qu'{text}").format(text=text))
    # TRANSLATORS: the body of a motion, after « Il est proposé par X, appuyé par Y, ».
    return _sentence_end(_("que {text}").format(text=text))


def proposal_sentence(p: Proposal, parent_reference: str = "") -> str:
    """« Il est proposé par X, appuyé par Y, que … » (amendments: « d'amender la proposition … »)."""
    text = p.text.strip()
    if p.depth == 0:
        body = clause(text)
    elif p.depth == 1:
        body = _("d'amender la proposition {ref} ainsi : {text}").format(ref=parent_reference, text=_sentence_end(text))
    else:
        body = _("de sous-amender l'amendement {ref} ainsi : {text}").format(
            ref=parent_reference, text=_sentence_end(text))
    if not p.moved_by and p.outcome == "consensus":
        return _("Il est convenu par consensus {body}").format(body=body)
    mover = p.mover or _("… (à préciser)")
    if p.seconded_by:
        return _("Il est proposé par {mover}, appuyé par {seconder}, {body}").format(
            mover=mover, seconder=p.seconder, body=body)
    return _("Il est proposé par {mover} {body}").format(mover=mover, body=body)


def outcome_sentence(p: Proposal) -> str:
    """« Pour : 12 ; contre : 3 ; abstentions : 1. Adoptée à la majorité. » or « Vote à venir. »"""
    if not p.outcome:
        return _("Vote à venir.")
    labels = OUTCOMES if p.depth == 0 else _AMENDMENT_OUTCOMES if p.depth == 1 else _SUB_OUTCOMES
    result = _(labels[p.outcome]) + "."
    if p.counted:
        counts = "; ".join(
            _("{label} : {n}").format(label=label, n=format_number(value or 0))
            for label, value in ((_("Pour"), p.votes_for), (_("contre"), p.votes_against),
                                 (_("abstentions"), p.abstentions))
            if value is not None
        )
        return f"{counts}. {result}"
    return result


def quorum_statement(q: Quorum) -> str:
    """The formal sentence of the minutes about the quorum."""
    voters = ngettext("{n} personne votante est présente", "{n} personnes votantes sont présentes",
                      q.voters_present).format(n=format_number(q.voters_present))
    if q.rule_missing:
        return _("{voters}. Le quorum n'a pas pu être vérifié : la règle du groupe n'est pas définie.").format(
            voters=voters[0].upper() + voters[1:])
    if q.required is None:
        return _("{voters}. Aucun quorum n'est requis pour ce type de réunion.").format(
            voters=voters[0].upper() + voters[1:])
    if q.met:
        return _("Le quorum est constaté : {voters} ; le quorum est de {n} ({basis}).").format(
            voters=voters, basis=q.basis, n=format_number(q.required))
    return _("Le quorum n'est pas atteint : {voters} ; le quorum est de {n} ({basis}).").format(
        voters=voters, n=format_number(q.required), basis=q.basis)


def when_and_where(date: dt.date, start: dt.time | None, place: str) -> str:
    """« tenue le jeudi 12 juin 2026 à 19 h 00, au local du groupe »."""
    text = _("tenue le {date}").format(date=format_date(date))
    if start:
        text += " " + _("à {time}").format(time=format_time(start))
    if place:
        text += ", " + place
    return text


def due_text(due: dt.date | None) -> str:
    return _("d'ici le {date}").format(date=format_date(due)) if due else _("sans échéance")
