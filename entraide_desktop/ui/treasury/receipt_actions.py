"""Saving a receipt for an entry: a plain receipt, or an official donation receipt when the group may give one."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from ...data.errors import EntraideError
from ...data.treasury import journal, receipts
from ...documents.treasury.receipts import export_receipt
from ...i18n import _
from ..context import AppContext
from ..meetings.common import ask_save_path, run_export
from ..messages import show_error


def save_receipt(parent: QWidget, context: AppContext, entry_id: str) -> None:
    store = context.store
    entry = journal.get_entry(store, entry_id)
    official = False
    if receipts.can_be_official(store, entry):
        box = QMessageBox(QMessageBox.Icon.Question, _("Reçu"), _("Quel reçu faire pour ce don ?"), parent=parent)
        official_button = box.addButton(_("Reçu &officiel (impôt)"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(_("Reçu &simple"), QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(_("Annuler"), QMessageBox.ButtonRole.RejectRole)
        box.setEscapeButton(cancel)
        box.exec()
        if box.clickedButton() is cancel:
            return
        official = box.clickedButton() is official_button
    try:
        receipt = receipts.issue(store, entry_id, official=official)
    except EntraideError as error:
        show_error(parent, error)
        return
    path = ask_save_path(parent, _("Enregistrer le reçu"), _("recu-{number}").format(number=receipt.number), "pdf")
    if path is None:
        return
    run_export(parent, context, _("Reçu {number}").format(number=receipt.number),
               lambda clone: export_receipt(clone, receipt, path))
