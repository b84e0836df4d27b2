"""After an import: the register's « Fiches à vérifier » and « Annuler la dernière importation » actions."""

from __future__ import annotations

from PySide6.QtWidgets import QMenu, QWidget

from ...data.import_log import last_import, undo_import
from ...i18n import _
from ..context import AppContext
from ..messages import confirm, inform, show_error
from .review_dialog import ReviewDialog


def add_import_actions(menu: QMenu, context: AppContext, parent: QWidget) -> None:
    """The register's menu entries after « Importer… »: the review list and the undo."""
    menu.addAction(_("Fiches à &vérifier après l'importation…"), lambda: open_review(context, parent))
    menu.addAction(_("&Annuler la dernière importation…"), lambda: undo_last_import(context, parent))


def open_review(context: AppContext, parent: QWidget) -> None:
    ReviewDialog(context, parent).exec()


def undo_last_import(context: AppContext, parent: QWidget, kind: str | None = None) -> bool:
    """Ask, then undo the last import of this machine (members or calendar) as one step."""

    record = last_import(context.store, kind)
    if record is None:
        inform(parent, _("Annuler la dernière importation"), _("Aucune importation à annuler."))
        return False
    if not record.can_undo:
        inform(parent, _("Annuler la dernière importation"), record.describe() + "\n\n" + record.why_not)
        return False
    if not confirm(parent, _("Annuler la dernière importation"),
                   record.describe() + "\n\n" + _("Tout ce que cette importation a ajouté sera retiré (archivé) et "
                                                  "les fiches complétées retrouveront leurs valeurs d'avant. Ce "
                                                  "retour en arrière est noté dans l'historique et sera transmis "
                                                  "aux autres postes à la prochaine synchronisation."),
                   _("Annuler l'importation"), destructive=True):
        return False
    try:
        result = undo_import(context.store, record.id)
    except Exception as error:  # noqa: BLE001 — said in French, nothing changed
        show_error(parent, error)
        return False
    inform(parent, _("Annuler la dernière importation"), result.summary())
    return True
