"""A receipt as a one-page PDF: for a membership fee or a donation, or an official donation receipt.

The official receipt carries what the Canada Revenue Agency asks for: the words « Reçu officiel
de don aux fins de l'impôt sur le revenu », the charity's name, address and registration number,
the serial number, the place and date of issue, the date the gift was received, the donor's name
and address, the amount of the gift, the advantage (none) and the eligible amount, the signature
of an authorised person, and the Agency's name and website.
"""

from __future__ import annotations

from pathlib import Path

from ...data import group, rows
from ...data.people import display_name
from ...data.store import Store
from ...data.treasury import receipts
from ...data.treasury.journal import METHODS
from ...data.treasury.money import format_cents
from ...i18n import _, format_date
from ..page import escape
from ..render import heading, para, write

CRA_SITE = "canada.ca/organismes-bienfaisance-dons"


def _donor(store: Store, receipt: receipts.Receipt) -> tuple[str, str]:
    entry = receipt.entry
    if entry.person_id:
        person = rows.get(store, "people", entry.person_id)
        if person is not None:
            return display_name(person), person.get("address") or ""
    return entry.counterpart, ""


def _line(label: str, value: str) -> str:
    return f'<tr><td width="38%"><b>{escape(label)}</b></td><td>{escape(value)}</td></tr>'


def receipt_body(store: Store, receipt: receipts.Receipt) -> str:
    profile = group.profile(store)
    charity = receipts.settings(store)
    entry = receipt.entry
    name, address = _donor(store, receipt)
    out = [para(profile.name, "group")]
    if profile.address:
        out.append(para(profile.address, "center"))
    if receipt.official:
        out.append(heading(1, _("Reçu officiel de don aux fins de l'impôt sur le revenu")))
    else:
        purpose = _("Reçu de don") if receipts.is_donation(store, entry) else _("Reçu")
        out.append(heading(1, purpose))
    table = [_line(_("Numéro du reçu"), receipt.number), _line(_("Date d'émission"), format_date(receipt.issued_on))]
    if receipt.official:
        table.append(_line(_("Lieu d'émission"), charity.receipt_place or profile.region))
        table.append(_line(_("Numéro d'enregistrement de l'organisme de bienfaisance"), charity.charity_number))
        table.append(_line(_("Date de réception du don"), format_date(entry.on)))
    else:
        table.append(_line(_("Date"), format_date(entry.on)))
    table.append(_line(_("Reçu de"), name or "—"))
    if address:
        table.append(_line(_("Adresse"), address))
    table.append(_line(_("Objet"), entry.description or _("Don")))
    if entry.method in METHODS:
        table.append(_line(_("Mode de paiement"), _(METHODS[entry.method])))
    table.append(_line(_("Montant reçu"), format_cents(entry.amount_cents)))
    if receipt.official:
        table.append(_line(_("Valeur de l'avantage"), format_cents(0)))
        table.append(_line(_("Montant admissible du don"), format_cents(entry.amount_cents)))
    out.append('<table width="100%" cellpadding="5" cellspacing="0">' + "".join(table) + "</table>")
    signatory = charity.receipt_signatory if receipt.official else ""
    out.append('<p>&nbsp;</p><p>&nbsp;</p><p>' + "_" * 40 + "</p>")
    out.append(para(signatory or _("Signature d'une personne autorisée")))
    if receipt.official:
        out.append(para(_("Agence du revenu du Canada : {site}").format(site=CRA_SITE), "small"))
    else:
        out.append(para(_("Merci ! Ce reçu n'est pas un reçu officiel aux fins de l'impôt."), "small"))
    return "".join(out)


def export_receipt(store: Store, receipt: receipts.Receipt, path: Path | str) -> Path:
    title = _("Reçu {number}").format(number=receipt.number)
    profile = group.profile(store)
    return write(receipt_body(store, receipt), path, "pdf", title=title,
                 footer=f"{profile.name} — {title}" if profile.name else title)
