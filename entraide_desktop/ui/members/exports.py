"""Export actions of the register: CSV/XLSX (after a reminder that they hold personal data) and
the phone support network list (PDF). The files are written off the UI thread."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from ...data import group as group_details
from ...documents.members import write_register
from ...documents.members.phone_network import write_phone_network
from ...i18n import _, ngettext
from ..context import AppContext
from ..messages import confirm, inform
from ..tasks import Progress, run_with_progress


def _documents_dir(context: AppContext) -> str:
    return context.settings.last_export_dir or str(Path.home())


def _remember_dir(context: AppContext, path: str) -> None:
    context.save_setting(last_export_dir=str(Path(path).parent))


def export_register(context: AppContext, parent: QWidget, fmt: str) -> None:
    if not confirm(
        parent, _("Exporter le registre"),
        _("Le fichier exporté contiendra des renseignements personnels (noms, coordonnées, consentements, "
          "notes). Il ne sera pas chiffré : gardez-le en lieu sûr, ne l'envoyez pas par courriel et "
          "supprimez-le quand il ne sert plus."),
        _("Je comprends, exporter"),
    ):
        return
    suffix = ".xlsx" if fmt == "xlsx" else ".csv"
    name = _("registre-des-membres-{date}").format(date=dt.date.today().isoformat()) + suffix
    filters = _("Classeur Excel (*.xlsx)") if fmt == "xlsx" else _("Fichier CSV (*.csv)")
    path, _selected = QFileDialog.getSaveFileName(parent, _("Exporter le registre"),
                                                  str(Path(_documents_dir(context)) / name), filters)
    if not path:
        return
    if not path.lower().endswith(suffix):
        path += suffix
    _remember_dir(context, path)
    store = context.store


    def work(progress: Progress) -> int:
        clone = store.clone()
        try:
            return write_register(clone, path, fmt)
        finally:
            clone.close()

    def done(count: int) -> None:
        text = ngettext("{n} personne exportée dans « {path} ».", "{n} personnes exportées dans « {path} ».",
                        count).format(n=count, path=path)
        context.status_message.emit(text)
        inform(parent, _("Exportation terminée"), text)

    run_with_progress(parent, _("Exportation du registre…"), work, done, cancellable=False)


def export_phone_network(context: AppContext, parent: QWidget) -> None:
    group = group_details.profile(context.store).name
    name = _("reseau-telephonique-{date}.pdf").format(date=dt.date.today().isoformat())
    path, _selected = QFileDialog.getSaveFileName(parent, _("Liste du réseau de soutien téléphonique"),
                                                  str(Path(_documents_dir(context)) / name), _("Document PDF (*.pdf)"))
    if not path:
        return
    if not path.lower().endswith(".pdf"):
        path += ".pdf"
    _remember_dir(context, path)
    store = context.store


    def work(progress: Progress) -> tuple[int, int]:
        clone = store.clone()
        try:
            return write_phone_network(clone, path, group)
        finally:
            clone.close()

    def done(result: tuple[int, int]) -> None:
        listed, missing = result
        text = ngettext("La liste compte {n} personne.", "La liste compte {n} personnes.", listed).format(n=listed)
        if missing:
            text += " " + ngettext(
                "{n} personne a accepté d'en faire partie mais n'a aucun numéro au registre.",
                "{n} personnes ont accepté d'en faire partie mais n'ont aucun numéro au registre.", missing,
            ).format(n=missing)
        inform(parent, _("Liste prête"), text + "\n" + path)

    run_with_progress(parent, _("Préparation de la liste…"), work, done, cancellable=False)
