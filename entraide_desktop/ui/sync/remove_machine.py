"""« Retirer un poste… »: the Synchronisation screen's way to remove a lost, stolen or given-away machine.

The data layer does the removal (data/sync/machine_removal.py): the machine's files are refused
and the group key is replaced. This module only asks which machine, and confirms.
"""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QWidget

from ...data.errors import EntraideError
from ...data.sync import identity, machine_removal
from ...i18n import _
from ..context import AppContext
from ..messages import confirm, inform, show_error


def ask_and_remove_machine(parent: QWidget, context: AppContext) -> bool:
    """Ask which machine to remove, confirm, remove it; True when one was removed."""
    store = context.store
    others = [m for m in identity.machines(store).values() if m.active and m.site != store.site_id]
    title = _("Retirer un poste du groupe")
    if not others:
        inform(parent, title, _("Aucun autre poste n'est encore reconnu par celui-ci : il n'y a rien à retirer."))
        return False
    names = [m.name or m.site for m in others]
    name, ok = QInputDialog.getItem(parent, title, _("Poste à retirer (perdu, volé, donné, ou parti avec "
                                                     "quelqu'un) :"), names, 0, False)
    if not ok:
        return False
    machine = others[names.index(name)]
    text = _(
        "Retirer « {name} » du groupe ?\n\nSes fichiers d'échange seront refusés ici, puis sur les autres postes "
        "après leur prochain échange avec celui-ci. La clé du groupe sera remplacée : les postes restants la "
        "recevront avec les prochains fichiers de ce poste-ci. Ce que « {name} » a déjà écrit reste.\n\n"
        "Un retrait ne peut pas être annulé : pour revenir, ce poste devra être jumelé de nouveau."
    ).format(name=name)
    if not confirm(parent, title, text, _("&Retirer ce poste"), destructive=True):
        return False
    try:
        machine_removal.remove_machine(store, machine.site)
    except EntraideError as error:
        show_error(parent, error)
        return False
    inform(parent, title, _("« {name} » est retiré du groupe. Faites maintenant un échange (clé USB ou dossier) "
                            "pour que les autres postes le sachent.").format(name=name))
    return True
