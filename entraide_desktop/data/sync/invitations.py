"""Join invitations, on the issuing side: one use, with an end, and how the new machine proves it.

A join file carries, besides the group key, an invitation id and a random secret. The new
machine keeps them and puts in each of its exchange files a *proof*: an HMAC of its id and
public keys under that secret. The machine that issued the invitation trusts the new machine
when its first file comes back with a valid proof, before :data:`REDEEM_DAYS` days have passed,
and only once: the invitation is then marked used, by that machine. The other machines learn
of the new one from the issuer's signed list (:mod:`.identity`).
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import json
import secrets
import uuid
from typing import Any

from ...i18n import _, format_datetime
from ..store import Store
from .container import BundleRefused
from .identity import b64, own

REDEEM_DAYS = 14
"""How long after it was made an invitation's new machine may first send its file to the issuer."""


def issue(store: Store, created: int, expires: int) -> dict[str, str]:
    """Record a new invitation; returns what the join file carries (id and secret)."""
    invitation = {"id": str(uuid.uuid4()), "secret": base64.b64encode(secrets.token_bytes(32)).decode("ascii")}
    with store.write():
        store.db.execute("INSERT INTO _sync_invitations (id, secret, created, expires) VALUES (?, ?, ?, ?)",
                         [invitation["id"], invitation["secret"], created, expires])
    return invitation


def remember(store: Store, invitation: dict[str, Any]) -> None:
    """On the new machine: keep the invitation it joined with, to prove it in its files."""
    store.set_local("join_claim", json.dumps({"id": str(invitation["id"]), "secret": str(invitation["secret"])}))


def _proof(secret: str, site: str, signing: str, box: str) -> str:
    return hmac.new(base64.b64decode(secret), f"{site}|{signing}|{box}".encode(), hashlib.sha256).hexdigest()


def claim(store: Store) -> dict[str, str] | None:
    """What this machine's files say of the invitation it joined with (None for a founding machine)."""
    raw = store.local("join_claim")
    if not raw:
        return None
    saved = json.loads(raw)
    me = own(store)
    return {"id": saved["id"], "proof": _proof(saved["secret"], store.site_id, b64(me.signing_public), b64(me.box_public))}


def redeem(store: Store, entry: Any, site: str, signing: str, box: str, machine: str, now_ms: int) -> str | None:
    """The invitation ``entry`` proves for this sender, if it was issued here; a clear refusal when it cannot serve.

    Returns the invitation id to mark used, or None when the file claims no invitation of this machine.
    """
    if not isinstance(entry, dict) or not isinstance(entry.get("id"), str) or not isinstance(entry.get("proof"), str):
        return None
    row = store.db.execute("SELECT secret, created, expires, used_by FROM _sync_invitations WHERE id = ?",
                           [entry["id"]]).fetchone()
    if row is None:
        return None
    if not hmac.compare_digest(_proof(row[0], site, signing, box), entry["proof"]):
        raise BundleRefused(_("La preuve de jumelage de « {machine} » est fausse : son fichier a été refusé et rien "
                              "n'a changé.").format(machine=machine))
    if row[3] and row[3] != site:
        raise BundleRefused(_(
            "Le fichier de jumelage qu'a utilisé « {machine} » avait déjà servi à un autre poste : un fichier de "
            "jumelage ne sert qu'une fois. Préparez-en un nouveau pour ce poste. Rien n'a changé."
        ).format(machine=machine))
    if now_ms > row[1] + REDEEM_DAYS * 86_400_000 and not row[3]:
        raise BundleRefused(_(
            "Le jumelage de « {machine} » a expiré : son premier fichier d'échange devait arriver ici avant le "
            "{date}. Préparez un nouveau fichier de jumelage pour ce poste. Rien n'a changé."
        ).format(machine=machine, date=format_datetime(dt.datetime.fromtimestamp(
            (row[1] + REDEEM_DAYS * 86_400_000) / 1000))))
    return str(entry["id"])


def mark_used(store: Store, invitation_id: str, site: str, now_ms: int) -> None:
    with store.write():
        store.db.execute("UPDATE _sync_invitations SET used_by = ?, used_on = ? WHERE id = ? AND used_by IS NULL",
                         [site, now_ms, invitation_id])


def used_by(store: Store, invitation_id: str) -> str | None:
    row = store.db.execute("SELECT used_by FROM _sync_invitations WHERE id = ?", [invitation_id]).fetchone()
    return row[0] if row else None
