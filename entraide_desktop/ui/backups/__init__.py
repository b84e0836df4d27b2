"""Sauvegardes: the copies of this computer, make one now, save one to a USB key, restore."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...data import backups
from ...i18n import _, format_datetime, format_number, ngettext
from ..context import AppContext
from ..flow_layout import FlowLayout
from ..forms import explanation
from ..messages import confirm, inform, show_error
from ..style import style_role
from ..tasks import run_with_progress
from ..usb_folder import choose_usb_folder


class BackupsPage(QWidget):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(
            explanation(
                _(
                    "Entraide fait une copie chiffrée de toutes les données chaque jour, au démarrage, et garde "
                    "les 14 derniers jours et les 12 derniers mois. Gardez aussi, de temps en temps, une copie sur "
                    "une clé USB rangée ailleurs qu'au centre : en cas de vol ou de panne, c'est elle qui sauvera le "
                    "registre. Pour l'ouvrir sur un autre ordinateur, il faudra la phrase de passe ou la clé de récupération."
                )
            )
        )
        self.status = QLabel()
        style_role(self.status, "sectionTitle")
        layout.addWidget(self.status)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([_("Date"), _("Type"), _("Taille")])
        self.table.setAccessibleName(_("Sauvegardes de ce poste"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table, 1)
        self.unsorted = explanation("")  # copies an older version left in the shared folder
        self.unsorted.hide()
        layout.addWidget(self.unsorted)

        row = FlowLayout()
        self.now_button = QPushButton(_("&Faire une sauvegarde maintenant"))
        self.now_button.clicked.connect(self.backup_now)
        self.usb_button = QPushButton(_("&Copier sur une clé USB…"))
        self.usb_button.clicked.connect(self.backup_to_folder)
        self.restore_button = QPushButton(_("&Restaurer la sauvegarde choisie…"))
        self.restore_button.clicked.connect(self.restore_selected)
        self.restore_file_button = QPushButton(_("Restaurer depuis un &fichier…"))
        self.restore_file_button.clicked.connect(self.restore_from_file)
        self.folder_button = QPushButton(_("&Ouvrir le dossier"))
        self.folder_button.clicked.connect(self._open_folder)
        for button in (self.now_button, self.usb_button, self.restore_button, self.restore_file_button,
                       self.folder_button):
            row.addWidget(button)
        layout.addLayout(row)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.refresh()

    def activated(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        found = backups.list_backups(self.context.paths)
        self.table.setRowCount(len(found))
        for r, info in enumerate(found):
            date = QTableWidgetItem(format_datetime(info.created, "full"))
            date.setData(Qt.ItemDataRole.UserRole, str(info.path))
            self.table.setItem(r, 0, date)
            self.table.setItem(r, 1, QTableWidgetItem(_(backups.KINDS[info.kind]).capitalize()))
            size = QTableWidgetItem(_("{n} Mo").format(n=format_number(round(info.size / 1_048_576, 1))))
            size.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(r, 2, size)
        if found:
            self.status.setText(_("Dernière sauvegarde : {date}").format(date=format_datetime(found[0].created, "full")))
            self.table.selectRow(0)
        else:
            self.status.setText(_("Aucune sauvegarde sur ce poste pour l'instant."))
        unsorted = backups.list_folder(self.context.paths.backups_dir)
        self.unsorted.setText("" if not unsorted else ngettext(
            "{n} copie plus ancienne n'a pas pu être rattachée à une base : elle est gardée telle quelle dans "
            "« {folder} » (« Restaurer depuis un fichier » peut l'utiliser).",
            "{n} copies plus anciennes n'ont pas pu être rattachées à une base : elles sont gardées telles "
            "quelles dans « {folder} » (« Restaurer depuis un fichier » peut les utiliser).",
            len(unsorted)).format(n=len(unsorted), folder=self.context.paths.backups_dir))
        self.unsorted.setVisible(bool(unsorted))
        self._update_buttons()

    def _selected(self) -> Path | None:
        items = self.table.selectedItems()
        if not items:
            return None
        return Path(self.table.item(items[0].row(), 0).data(Qt.ItemDataRole.UserRole))

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(self._selected() is not None)

    def backup_now(self) -> None:
        store = self.context.store

        def work(_progress: object) -> backups.BackupInfo:
            clone = store.clone()
            try:
                return backups.backup_now(clone, "manual")
            finally:
                clone.close()

        run_with_progress(self, _("Sauvegarde en cours…"), work, self._done, cancellable=False)

    def backup_to_folder(self) -> None:
        folder = choose_usb_folder(self, _("Choisir la clé USB ou le dossier de destination"))
        if not folder:
            return
        store = self.context.store

        def work(_progress: object) -> backups.BackupInfo:
            clone = store.clone()
            try:
                return backups.write_backup(clone, Path(folder), "manual")
            finally:
                clone.close()

        def done(info: backups.BackupInfo) -> None:
            self.refresh()
            inform(
                self,
                _("Sauvegarde copiée"),
                _("La sauvegarde a été écrite et vérifiée dans « {folder} ». Vous pouvez retirer la clé USB.").format(
                    folder=folder
                ),
            )

        run_with_progress(self, _("Copie vers la clé USB…"), work, done, cancellable=False)

    def _done(self, info: backups.BackupInfo) -> None:
        self.refresh()
        self.context.status_message.emit(_("Sauvegarde faite et vérifiée."))

    def restore_selected(self) -> None:
        path = self._selected()
        if path is not None:
            self._restore(path)

    def restore_from_file(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, _("Choisir une sauvegarde"), "", _("Sauvegardes Entraide (*.db)")
        )
        if name:
            self._restore(Path(name))

    def _restore(self, path: Path) -> None:
        if not confirm(
            self,
            _("Restaurer une sauvegarde"),
            _(
                "Toutes les données actuelles seront remplacées par celles de « {name} ». L'état actuel sera "
                "d'abord sauvegardé, vous pourrez donc revenir en arrière. Continuer ?"
            ).format(name=path.name),
            _("Restaurer"),
            destructive=True,
        ):
            return
        try:
            backups.verify_backup(path, self.context.store.data_key)
        except Exception as error:  # noqa: BLE001
            show_error(self, error)
            return
        self.context.restore_requested.emit(str(path))

    def _open_folder(self) -> None:
        self.context.paths.database_backups_dir.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.context.paths.database_backups_dir)))
