"""Export to a USB key and import another machine's file, off the UI thread, with progress."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QGridLayout, QMessageBox, QPushButton, QSizePolicy, QSpacerItem, QWidget

from ...data.store import Store
from ...data.sync import exchange
from ...data.sync.hold import HeldImport
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


def import_path(parent: QWidget, store: Store, path: Path, on_done: Callable[[ImportSummary], None],
                *, confirm_mass: bool = False) -> None:
    """Import another machine's file; a refusal is explained in a message box, a mass change asked first."""

    def work(progress) -> ImportSummary:  # noqa: ANN001
        clone = store.clone()
        try:
            return exchange.import_file(clone, path, progress, confirm_mass=confirm_mass)
        finally:
            clone.close()

    def failed(error: BaseException) -> None:
        if isinstance(error, HeldImport):
            if confirm_mass_change(parent, error):
                import_path(parent, store, path, on_done, confirm_mass=True)
            return
        box = QMessageBox(QMessageBox.Icon.Warning, _("Fichier non importé"), error_text(error),
                          QMessageBox.StandardButton.Ok, parent)
        box.exec()

    run_with_progress(parent, _("Importation du fichier d'échange"), work, on_done, failed, cancellable=False)


def confirm_mass_change(parent: QWidget, held: HeldImport) -> bool:
    """Show what a held file would do and ask; the safe answer (not importing) is the default."""
    box, apply = mass_change_box(parent, held)
    box.exec()
    return box.clickedButton() is apply


def mass_change_box(parent: QWidget | None, held: HeldImport) -> tuple[QMessageBox, QPushButton]:
    """The question asked before a held file is applied, and its « import anyway » button."""
    change = held.change
    box = QMessageBox(QMessageBox.Icon.Warning, _("Beaucoup de fiches changeraient"), change.headline(),
                      QMessageBox.StandardButton.NoButton, parent)
    box.setInformativeText("\n\n".join([*change.details(), change.advice()]))
    grid = box.layout()
    if isinstance(grid, QGridLayout):  # wide enough for the names to read as a list, not a column
        grid.addItem(QSpacerItem(520, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding),
                     grid.rowCount(), 0, 1, grid.columnCount())
    apply = box.addButton(_("Importer quand même"), QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton(_("Ne pas importer"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.setAccessibleName(_("Beaucoup de fiches changeraient"))
    return box, apply
