"""Checking who sent an exchange file, before anything in it is merged, and recording what it taught.

1. :func:`check_signature` (before the content is read): the file is signed, the signature
   is right for the key it names, and that key is the sender's known key (or a new key sent
   with the group's newer key, after a rotation). A removed machine is refused.
2. :func:`check_content` (content read, nothing merged): an unknown sender must be explained —
   the join, this machine's own invitation, a machine met before files were signed, or a copy
   of a known machine; the sender's list of machines and the relayed attestations give, per
   machine, the highest write counter it signed (:class:`Verdict.attested`).
3. :func:`record` (inside the import's transaction): trust what was learned, mark the
   invitation used, apply removals, keep the attestations, adopt a new group key.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ...i18n import _
from ..store import Store
from . import group_key, identity, invitations, machines
from .container import BundleRefused

_SITE = re.compile(r"[0-9a-f]{16}")


@dataclass
class Verdict:
    site: str
    signing: bytes
    box: bytes
    how: str | None  # known · key-change · join · invitation · upgrade · copy
    invitation: str | None = None
    attested: dict[str, int] = field(default_factory=dict)
    revoked: dict[str, int] = field(default_factory=dict)
    listed: list[dict[str, Any]] = field(default_factory=list)
    statements: list[tuple[str, dict[str, Any], int]] = field(default_factory=list)
    signers: set[str] = field(default_factory=set)  # machines whose key is known (theirs must be attested)


def _refused(text: str, machine: str) -> BundleRefused:
    return BundleRefused(text.format(machine=machine) + " " + _("Rien n'a changé."))


def check_signature(store: Store, header: Any, compressed: bytes) -> Verdict:
    raw = header.raw
    machine = header.machine or _("Poste sans nom")
    if "signature" not in raw:
        raise _refused(_("Le fichier de « {machine} » n'est pas signé : il vient d'une version plus ancienne "
                         "d'Entraide, ou il a été fabriqué. Mettez à jour Entraide sur « {machine} », puis refaites "
                         "son fichier d'échange."), machine)
    try:
        signing, box = identity.unb64(raw.get("signing"), 32), identity.unb64(raw.get("box"), 32)
    except ValueError:
        signing = box = b""
    if not signing or not identity.verify_file(signing, raw, compressed):
        raise _refused(_("La signature du fichier de « {machine} » est fausse : il a été modifié ou fabriqué."),
                       machine)
    known = identity.machines(store).get(header.site)
    if known is not None and not known.active:
        raise _refused(_("Le poste « {machine} » a été retiré du groupe : ses fichiers ne sont plus acceptés."),
                       machine)
    how = None
    if known is not None:
        if known.signing == signing:
            how = "known"
        elif header.adopt is not None or identity.key_generation(store) > known.key_generation:
            how = "key-change"  # its new key came with the group's new key, which a removed person lacks
        else:
            raise _refused(_("Le fichier de « {machine} » est signé par une autre clé que celle de ce poste : il a "
                             "peut-être été fabriqué."), machine)
    return Verdict(header.site, signing, box, how)


def check_content(store: Store, verdict: Verdict, header: Any, meta: dict[str, Any], now: int, *,
                  joining: bool) -> None:
    machine = header.machine or _("Poste sans nom")
    if verdict.how is None:
        verdict.how = _explain_stranger(store, verdict, header, meta, now, joining)
    trusted = identity.machines(store)
    keys = {site: m.signing for site, m in trusted.items()}
    keys[verdict.site] = verdict.signing
    for entry in meta.get("machines") if isinstance(meta.get("machines"), list) else []:
        checked = entry_of_list(entry)
        if checked is None:
            continue
        verdict.listed.append(checked)
        if checked["site"] not in keys and checked["revoked"] is None:
            keys[checked["site"]] = identity.unb64(checked["signing"], 32)
        if checked["revoked"] is not None:
            verdict.revoked[checked["site"]] = checked["revoked_counter"] or 0
    verdict.listed = verdict.listed[: identity.MAX_MACHINES]
    for site, m in trusted.items():
        if not m.active:
            verdict.revoked[site] = m.revoked_counter or 0
    verdict.attested[verdict.site] = header.vector.get(verdict.site, 0)
    statements = meta.get("attestations") if isinstance(meta.get("attestations"), list) else []
    for entry in statements[: identity.MAX_MACHINES + 1]:
        site = entry.get("site") if isinstance(entry, dict) else None
        key = keys.get(site) if isinstance(site, str) else None
        counter = identity.attested_counter(key, entry) if key else None
        if counter is not None:
            verdict.attested[site] = max(verdict.attested.get(site, 0), counter)
            verdict.statements.append((site, entry, counter))
    verdict.signers = set(keys) | set(verdict.revoked)
    if verdict.site in verdict.revoked:
        raise _refused(_("Le poste « {machine} » a été retiré du groupe : ses fichiers ne sont plus acceptés."),
                       machine)


def _explain_stranger(store: Store, verdict: Verdict, header: Any, meta: dict[str, Any], now: int,
                      joining: bool) -> str:
    if joining:
        return "join"  # the join file was opened with its code: its machine is the one that issued it
    signing, box = identity.b64(verdict.signing), identity.b64(verdict.box)
    invitation = invitations.redeem(store, meta.get("invitation"), verdict.site, signing, box, header.machine, now)
    if invitation is not None:
        verdict.invitation = invitation
        return "invitation"
    trusted = identity.machines(store)
    for previous in header.previous_sites:
        known = trusted.get(previous)
        if known is not None and known.active and known.signing == verdict.signing:
            return "copy"  # a restored or copied database keeps its machine's keys and takes a new id
    peer = machines.peer_row(store, verdict.site)
    if peer is not None and peer.get("last_import") and not _signed_before(store, verdict.site):
        return "upgrade"  # exchanged with before files were signed: its key is learned once
    raise _refused(_(
        "Le fichier de « {machine} » vient d'un poste que ce poste-ci ne connaît pas encore. Importez d'abord un "
        "fichier du poste qui l'a jumelé au groupe (il le présente aux autres), ou jumelez-le depuis ce poste-ci."
    ), header.machine or _("Poste sans nom"))


def _signed_before(store: Store, site: str) -> bool:
    return store.db.execute("SELECT 1 FROM _sync_machine_keys WHERE site = ?", [site]).fetchone() is not None


def entry_of_list(entry: Any) -> dict[str, Any] | None:
    """A well-formed entry of a sender's list of machines, or None."""
    try:
        site = str(entry["site"])
        if not _SITE.fullmatch(site):
            return None
        identity.unb64(entry["signing"], 32)
        identity.unb64(entry["box"], 32)
        revoked = entry.get("revoked")
        counter = entry.get("revoked_counter")
        if revoked is not None and not (type(revoked) is int and 0 <= revoked < 2**63):
            return None
        if counter is not None and not (type(counter) is int and 0 <= counter < 2**63):
            return None
        introduced_by = str(entry.get("introduced_by") or "")
        return {"site": site, "name": str(entry.get("name") or "")[:120], "signing": entry["signing"],
                "box": entry["box"], "introduced_by": introduced_by if _SITE.fullmatch(introduced_by) else "",
                "revoked": revoked, "revoked_counter": counter}
    except (KeyError, TypeError, ValueError, AttributeError):
        return None


def record(store: Store, verdict: Verdict, header: Any, now: int) -> None:
    """Inside the import's transaction: what the file taught about the group's machines and keys."""
    generation = header.adopt[1] if header.adopt else identity.key_generation(store)
    identity.trust(store, verdict.site, name=header.machine, signing=verdict.signing, box=verdict.box,
                   introduced_by=store.site_id if verdict.how in ("invitation", "upgrade") else "",
                   key_generation=generation, replace_key=verdict.how == "key-change")
    if verdict.invitation:
        invitations.mark_used(store, verdict.invitation, verdict.site, now)
    for entry in verdict.listed:
        if entry["site"] == store.site_id:
            continue
        if entry["revoked"] is not None:
            identity.trust(store, entry["site"], name=entry["name"], signing=identity.unb64(entry["signing"], 32),
                           box=identity.unb64(entry["box"], 32), introduced_by=entry["introduced_by"] or verdict.site)
            identity.revoke(store, entry["site"], entry["revoked_counter"] or 0, entry["revoked"])
        else:
            identity.trust(store, entry["site"], name=entry["name"], signing=identity.unb64(entry["signing"], 32),
                           box=identity.unb64(entry["box"], 32), introduced_by=entry["introduced_by"] or verdict.site,
                           key_generation=generation)
    for site, entry, counter in verdict.statements:
        identity.keep_attestation(store, site, entry, counter)
    if header.adopt is not None:
        group_key.adopt(store, header.adopt[0], header.adopt[1], now)
