"""Export to a USB key and import another machine's file, off the UI thread, with progress."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from ...data.store import Store
from ...data.sync import exchange
from ...data.sync.summary import ImportSummary
from ...i18n import _
from ..messages import error_text, inform
from ..tasks import run_with_progress


def export_into(parent: QWidget, store: Store, folder: Path, on_done: Callable[[exchange.ExportResult], None]) -> None:
    """Write and verify this machine's file in ``folder``, then say the key can be removed."""

    def work(progress) -> exchange.ExportResult:  # noqa: ANN001
        clone = store.clone()
        try:
            return exchange.export_to(clone, folder, progress)
        finally:
            clone.close()

    def done(result: exchange.ExportResult) -> None:
        on_done(result)
        inform(
            parent, _("Exportation terminée"),
            _("Le fichier « {name} » a été écrit et vérifié dans « {folder} ».\n\nVous pouvez retirer la clé "
              "(éjectez-la d'abord depuis le gestionnaire de fichiers), puis l'importer sur l'autre poste.").format(
                name=result.path.name, folder=result.path.parent),
        )

    run_with_progress(parent, _("Exportation du fichier d'échange"), work, done, cancellable=False)


def import_path(parent: QWidget, store: Store, path: Path, on_done: Callable[[ImportSummary], None]) -> None:
    """Import another machine's file; a refusal is explained in a message box."""

    def work(progress) -> ImportSummary:  # noqa: ANN001
        clone = store.clone()
        try:
            return exchange.import_file(clone, path, progress)
        finally:
            clone.close()

    def failed(error: BaseException) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, _("Fichier non importé"), error_text(error),
                          QMessageBox.StandardButton.Ok, parent)
        box.exec()

    run_with_progress(parent, _("Importation du fichier d'échange"), work, on_done, failed, cancellable=False)
