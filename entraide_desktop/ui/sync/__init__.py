"""The Synchronisation screen: this computer, the group's other machines, USB key, shared folder.

Words on screen stay those of a volunteer: « fichier d'échange », « poste », « renseignements
à vérifier » (two machines changed the same information).
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QGridLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...data.sync import folder as sync_folder
from ...data.sync import machines
from ...data.sync.overview import Overview, overview
from ...data.sync.summary import ImportSummary, age_text
from ...i18n import _, format_datetime, format_time, ngettext
from ..context import AppContext
from ..forms import explanation
from ..kit.buttons import add_button_row
from ..messages import show_error
from ..style import style_role
from ..usb_folder import choose_usb_folder
from .conflicts import ConflictsDialog
from .prepare import PrepareJoinDialog
from .remove_machine import ask_and_remove_machine
from .summary import ImportSummaryDialog
from .transfers import export_into, import_path


def _section(title: str) -> QLabel:
    label = QLabel(title)
    style_role(label, "sectionTitle")
    label.setWordWrap(True)
    return label


def _button(text: str, tip: str, slot) -> QPushButton:  # noqa: ANN001
    button = QPushButton(text)
    button.setToolTip(tip)
    button.setAccessibleDescription(tip)
    button.clicked.connect(lambda _c=False: slot())
    return button


def _text(*, selectable: bool = False) -> QLabel:
    """A line of a card filled later (a name, a date, a status), wrapped on narrow windows."""
    label = QLabel()
    label.setWordWrap(True)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _card() -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame()
    frame.setObjectName("syncCard")
    frame.setFrameShape(QFrame.Shape.StyledPanel)
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(14, 10, 14, 12)
    layout.setSpacing(8)
    return frame, layout


class SyncPage(QWidget):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.service = None  # the main window's sync folder service, found once the page is shown
        # The main window puts every page in a scroll area: no scroll area of its own here.
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 8, 0)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(12)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        left, right = QVBoxLayout(), QVBoxLayout()
        for column in (left, right):
            column.setSpacing(12)
        left.addWidget(self._this_machine())
        left.addWidget(self._usb())
        left.addWidget(self._shared_folder())
        left.addStretch(1)
        right.addWidget(self._conflicts())
        right.addWidget(self._machines())
        right.addWidget(self._new_machine())
        right.addStretch(1)
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1)
        context.data_changed.connect(lambda _area: self.refresh())
        self.refresh()

    # -- building ---------------------------------------------------------------------------
    def _this_machine(self) -> QFrame:
        frame, layout = _card()
        layout.addWidget(_section(_("Ce poste")))
        self.name_label = _text(selectable=True)
        layout.addWidget(self.name_label)
        self.name_hint = explanation(
            _("Donnez-lui un nom que tout le monde reconnaîtra, par exemple « Ordinateur du centre » ou "
              "« Portable du secrétariat » : les autres postes le verront sous ce nom.")
        )
        layout.addWidget(self.name_hint)
        self.rename_button = _button(_("&Renommer ce poste…"), _("Changer le nom sous lequel les autres postes voient celui-ci"),
                                     self.rename)
        add_button_row(layout, self.rename_button)
        return frame

    def _usb(self) -> QFrame:
        frame, layout = _card()
        layout.addWidget(_section(_("Échanger avec une clé USB")))
        layout.addWidget(
            explanation(
                _("Exportez le fichier d'échange de ce poste sur une clé USB, branchez-la sur l'autre poste et "
                  "importez-le là-bas. Faites ensuite l'inverse : les deux postes auront les mêmes données.")
            )
        )
        self.export_button = _button(_("&Exporter vers une clé USB…"),
                                     _("Écrire le fichier d'échange de ce poste dans un dossier (la clé USB)"),
                                     self.export_to_usb)
        self.import_button = _button(_("&Importer un fichier…"),
                                     _("Lire le fichier d'échange d'un autre poste et intégrer ses modifications"),
                                     self.import_file)
        add_button_row(layout, self.export_button, self.import_button)
        self.last_export_label = _text()
        layout.addWidget(self.last_export_label)
        return frame

    def _shared_folder(self) -> QFrame:
        frame, layout = _card()
        layout.addWidget(_section(_("Dossier de synchronisation (facultatif)")))
        layout.addWidget(
            explanation(
                _("Si votre groupe a déjà un dossier partagé (Syncthing, Nextcloud, un dossier réseau), Entraide peut "
                  "y déposer le fichier de ce poste après chaque changement et lire ceux des autres postes, sans clé "
                  "USB. Chaque poste n'écrit que son propre fichier.")
            )
        )
        self.folder_label = _text(selectable=True)
        layout.addWidget(self.folder_label)
        self.folder_status = _text()
        layout.addWidget(self.folder_status)
        self.choose_folder_button = _button(_("&Choisir un dossier…"), _("Choisir le dossier partagé de ce poste"),
                                            self.choose_folder)
        self.sync_now_button = _button(_("&Synchroniser maintenant"),
                                       _("Lire les fichiers des autres postes et écrire celui de ce poste"), self.sync_now)
        self.forget_folder_button = _button(_("Ne plus &utiliser ce dossier"),
                                            _("Arrêter la synchronisation par dossier sur ce poste"), self.forget_folder)
        add_button_row(layout, self.choose_folder_button, self.sync_now_button, self.forget_folder_button)
        return frame

    def _machines(self) -> QFrame:
        frame, layout = _card()
        layout.addWidget(_section(_("Postes du groupe")))
        self.machines = QLabel()
        self.machines.setAccessibleName(_("Postes du groupe et dernier échange avec chacun"))
        self.machines.setWordWrap(True)
        self.machines.setTextFormat(Qt.TextFormat.RichText)
        self.machines.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.machines.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.machines)
        self.machines_empty = explanation(
            _("Aucun autre poste pour l'instant. Les postes apparaissent ici dès qu'un de leurs fichiers est importé.")
        )
        layout.addWidget(self.machines_empty)
        self.remove_machine_button = _button(_("Re&tirer un poste…"), _("Retirer du groupe un poste perdu, volé ou donné"),
                                             lambda: ask_and_remove_machine(self, self.context) and self.refresh())
        add_button_row(layout, self.remove_machine_button)
        return frame

    def _conflicts(self) -> QFrame:
        frame, layout = _card()
        layout.addWidget(_section(_("Renseignements à vérifier")))
        self.conflicts_label = _text()
        layout.addWidget(self.conflicts_label)
        self.conflicts_button = _button(_("&Vérifier…"), _("Voir les deux versions et choisir la bonne"),
                                        self.show_conflicts)
        add_button_row(layout, self.conflicts_button)
        return frame

    def _new_machine(self) -> QFrame:
        frame, layout = _card()
        layout.addWidget(_section(_("Installer un autre poste")))
        layout.addWidget(
            explanation(
                _("Pour qu'un autre ordinateur (le portable d'une personne de la coordination, par exemple) ait le "
                  "registre du groupe : préparez ici un fichier de jumelage sur une clé USB. Un code s'affichera ; "
                  "sur l'autre ordinateur, choisissez « Rejoindre un groupe existant » et tapez ce code.")
            )
        )
        self.prepare_button = _button(_("&Préparer un nouveau poste…"),
                                      _("Écrire un fichier de jumelage et afficher un code à usage unique"),
                                      self.prepare_new_machine)
        add_button_row(layout, self.prepare_button)
        return frame

    # -- showing ----------------------------------------------------------------------------
    def activated(self) -> None:
        self._connect_service()
        self.refresh()

    def _connect_service(self) -> None:
        if self.service is None:
            self.service = getattr(self.window(), "sync_service", None)
            if self.service is not None:
                self.service.round_finished.connect(lambda _r: self.refresh())
                self.service.busy_changed.connect(lambda _b: self._show_folder_status())

    def refresh(self) -> None:
        data = overview(self.context.store)
        self._data = data
        self.name_label.setText(_("Ce poste s'appelle « {name} ».").format(name=data.machine_name))
        self.name_hint.setVisible(not data.named)
        self.rename_button.setText(_("&Renommer ce poste…") if data.named else _("&Nommer ce poste…"))
        if data.last_export:
            when, place = data.last_export
            self.last_export_label.setText(
                _("Dernière exportation : {when}, dans « {place} ».").format(when=format_datetime(when), place=place)
            )
        else:
            self.last_export_label.setText(_("Aucune exportation pour l'instant."))
        self._show_folder(data)
        self._show_machines(data)
        self._show_conflicts(data)

    def _show_folder(self, data: Overview) -> None:
        has = data.sync_folder is not None
        self.folder_label.setText(
            _("Dossier : {path}").format(path=data.sync_folder) if has else _("Aucun dossier choisi sur ce poste.")
        )
        self.choose_folder_button.setText(_("&Changer de dossier…") if has else _("&Choisir un dossier…"))
        self.sync_now_button.setVisible(has)
        self.forget_folder_button.setVisible(has)
        self._show_folder_status()

    def _show_folder_status(self) -> None:
        service = self.service
        text = ""
        if getattr(self, "_data", None) is not None and self._data.sync_folder is not None and service is not None:
            if service.busy:
                text = _("Synchronisation en cours…")
            elif service.last_error:
                text = "⚠ " + service.last_error
            elif service.last_result is not None:
                result = service.last_result
                when = format_time(result.finished)
                text = (ngettext("Dernier échange à {time} : {n} fiche mise à jour.",
                                 "Dernier échange à {time} : {n} fiches mises à jour.", result.changes)
                        if result.changes else _("Dernier échange à {time} : rien de nouveau.")).format(
                    n=result.changes, time=when)
                if result.problems:
                    text += " ⚠ " + " ".join(result.problems)
        self.folder_status.setText(text)
        self.folder_status.setVisible(bool(text))
        if service is not None:
            self.sync_now_button.setEnabled(not service.busy)

    def _show_machines(self, data: Overview) -> None:
        entries = []
        for machine in data.machines:
            if machine.last_import:
                received = _("Dernier fichier reçu : {age} (préparé le {when})").format(
                    age=age_text(machine.last_import), when=format_datetime(machine.last_created or machine.last_import))
            else:
                received = _("Aucun fichier reçu directement (connu par un autre poste)")
            seen = (_("A reçu nos données : {age}").format(age=age_text(machine.seen_us)) if machine.seen_us
                    else _("N'a pas encore reçu nos données"))
            entries.append(f"<p><b>{html.escape(machine.name)}</b><br>{html.escape(received)}<br>{html.escape(seen)}</p>")
        self.machines.setText("".join(entries))
        self.machines.setVisible(bool(data.machines))
        self.machines_empty.setVisible(not data.machines)
        self.remove_machine_button.setVisible(bool(data.machines))

    def _show_conflicts(self, data: Overview) -> None:
        if data.conflicts:
            self.conflicts_label.setText(
                ngettext(
                    "⚠ {n} renseignement a été modifié sur deux postes à la fois. Entraide a gardé les deux "
                    "versions : choisissez la bonne.",
                    "⚠ {n} renseignements ont été modifiés sur deux postes à la fois. Entraide a gardé les deux "
                    "versions : choisissez la bonne.",
                    data.conflicts,
                ).format(n=data.conflicts)
            )
        else:
            self.conflicts_label.setText(_("Aucun renseignement à vérifier : les postes sont d'accord."))
        self.conflicts_button.setVisible(bool(data.conflicts))

    def show_item(self, target_id: str) -> None:
        if target_id == "conflicts":
            self.show_conflicts()

    # -- actions ----------------------------------------------------------------------------
    def rename(self) -> None:
        name, ok = QInputDialog.getText(
            self, _("Nom de ce poste"), _("Nom de ce poste (les autres postes le verront) :"),
            QLineEdit.EchoMode.Normal, self._data.machine_name if self._data.named else "",
        )
        if not ok:
            return
        try:
            machines.set_machine_name(self.context.store, name)
        except Exception as error:  # noqa: BLE001 — shown to the person
            show_error(self, error)
            return
        self.refresh()

    def export_to_usb(self) -> None:
        folder = choose_usb_folder(self, _("Choisir la clé USB (ou le dossier) où écrire le fichier"))
        if folder:
            self.export_into(Path(folder))

    def export_into(self, folder: Path) -> None:
        export_into(self, self.context.store, folder, lambda _result: self.refresh())

    def import_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, _("Choisir le fichier d'échange d'un autre poste"), "",
            _("Fichiers d'échange Entraide (*.entraide);;Tous les fichiers (*)"),
        )
        if path:
            self.import_path(Path(path))

    def import_path(self, path: Path) -> None:
        import_path(self, self.context.store, path, self._imported)

    def _imported(self, summary: ImportSummary) -> None:
        self.refresh()
        dialog = ImportSummaryDialog(summary, self)
        dialog.exec()
        if dialog.review_requested:
            self.show_conflicts()

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, _("Choisir le dossier partagé (Syncthing, Nextcloud, réseau)"))
        if folder:
            self.use_folder(Path(folder))

    def use_folder(self, folder: Path) -> None:
        try:
            sync_folder.set_sync_folder(self.context.store, folder)
        except Exception as error:  # noqa: BLE001 — shown to the person
            show_error(self, error)
            return
        self._reload_service()
        self.refresh()

    def forget_folder(self) -> None:
        sync_folder.set_sync_folder(self.context.store, None)
        self._reload_service()
        self.refresh()

    def _reload_service(self) -> None:
        self._connect_service()
        if self.service is not None:
            self.service.reload()

    def sync_now(self) -> None:
        self._connect_service()
        if self.service is not None:
            self.service.run_round()
            self._show_folder_status()

    def show_conflicts(self) -> None:
        ConflictsDialog(self.context, self).exec()
        self.refresh()

    def prepare_new_machine(self) -> None:
        PrepareJoinDialog(self.context, self).exec()

