"""Choosing where a file goes out: the USB keys plugged in are offered first (« E: — KINGSTON »
on Windows, where a folder dialog opens on the documents and a key is hard to find), any other
folder stays one click away. With no key plugged in, the usual folder dialog opens directly."""

from __future__ import annotations

from PySide6.QtCore import QStorageInfo, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..data.removable import Volume, describe, removable
from ..i18n import _


def mounted_volumes() -> list[Volume]:
    return [
        Volume(v.rootPath(), v.name(), v.bytesAvailable(), v.isReady(), v.isReadOnly())
        for v in QStorageInfo.mountedVolumes()
    ]


def removable_volumes() -> list[Volume]:
    return removable(mounted_volumes())


class UsbChoiceDialog(QDialog):
    def __init__(self, parent: QWidget | None, title: str, keys: list[Volume]) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.chosen = ""
        layout = QVBoxLayout(self)
        label = QLabel(_("&Clés USB branchées sur cet ordinateur :"))
        self.keys = QListWidget()
        self.keys.setAccessibleName(_("Clés USB branchées"))
        label.setBuddy(self.keys)
        for volume in keys:
            item = QListWidgetItem(describe(volume))
            item.setData(Qt.ItemDataRole.UserRole, volume.root)
            self.keys.addItem(item)
        self.keys.setCurrentRow(0)
        metrics = self.keys.fontMetrics()  # every key's name whole, no taller than the keys need
        widest = max(metrics.horizontalAdvance(self.keys.item(i).text()) for i in range(self.keys.count()))
        self.keys.setMinimumWidth(widest + 4 * metrics.averageCharWidth() + self.keys.frameWidth() * 2)
        rows = min(self.keys.count(), 6) + 1
        self.keys.setFixedHeight(rows * self.keys.sizeHintForRow(0) + self.keys.frameWidth() * 2)
        self.keys.itemActivated.connect(lambda _item: self._use_key())
        layout.addWidget(label)
        layout.addWidget(self.keys)
        buttons = QDialogButtonBox()
        self.use_button = buttons.addButton(_("&Utiliser cette clé"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.other_button = QPushButton(_("Un &autre dossier…"))
        buttons.addButton(self.other_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.use_button.setDefault(True)
        self.use_button.clicked.connect(self._use_key)
        self.other_button.clicked.connect(self._other_folder)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _use_key(self) -> None:
        item = self.keys.currentItem()
        if item is not None:
            self.chosen = str(item.data(Qt.ItemDataRole.UserRole))
            self.accept()

    def _other_folder(self) -> None:
        item = self.keys.currentItem()
        start = str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else ""
        folder = QFileDialog.getExistingDirectory(self, self.windowTitle(), start)
        if folder:
            self.chosen = folder
            self.accept()


def choose_usb_folder(parent: QWidget | None, title: str) -> str:
    """The folder chosen for a file going out, or "" when the person cancelled."""
    keys = removable_volumes()
    if not keys:
        return QFileDialog.getExistingDirectory(parent, title)
    dialog = UsbChoiceDialog(parent, title, keys)
    return dialog.chosen if dialog.exec() == QDialog.DialogCode.Accepted else ""
