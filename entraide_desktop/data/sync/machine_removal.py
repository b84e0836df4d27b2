"""Removing a machine from the group (lost, stolen, given away, or its person left with it).

The machine is marked removed here for good, with the last write counter that is still its
own (what this machine had received from it): its later files are refused, and a file that
claims more of its writes is refused too. The removal travels to the other machines in this
machine's signed list (see :mod:`.identity`). The group key is replaced (:mod:`.group_key`):
the next files carry the new key sealed to every remaining machine, not to the removed one.
"""

from __future__ import annotations

from ...i18n import _
from ..errors import ValidationError
from ..store import Store
from . import group_key, identity, machines
from .state import current_vector


def find(store: Store, name_or_site: str) -> identity.MachineKey:
    wanted = " ".join(name_or_site.split()).casefold()
    found = [m for m in identity.machines(store).values()
             if m.site == name_or_site.strip() or (m.name and m.name.casefold() == wanted)]
    if not found:
        raise ValidationError(_("Aucun poste du groupe ne s'appelle « {name} » (la commande « machines » les "
                                "liste).").format(name=name_or_site), "machine")
    if len(found) > 1:
        raise ValidationError(_("Plusieurs postes s'appellent « {name} » : donnez son identifiant (la commande "
                                "« machines » les liste).").format(name=name_or_site), "machine")
    return found[0]


def remove_machine(store: Store, name_or_site: str, now_ms: int | None = None) -> str:
    """Remove a machine of the group; returns its name. Replaces the group key."""
    machine = find(store, name_or_site)
    if machine.site == store.site_id:
        raise ValidationError(_("Ce poste ne peut pas se retirer lui-même du groupe : faites-le depuis un autre "
                                "poste."), "machine")
    if not machine.active:
        raise ValidationError(_("Le poste « {name} » est déjà retiré du groupe.").format(name=machine.name), "machine")
    when = now_ms or machines.now_ms()
    with store.write():
        identity.revoke(store, machine.site, current_vector(store).get(machine.site, 0), when)
        group_key.rotate(store, when)
    return machine.name or machine.site
