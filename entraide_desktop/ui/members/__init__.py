"""The Membres screen: the register with search-as-you-type, filters, sorting, and every action on a record."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...data import members
from ...data.members.register import Criteria, RegisterRow
from ...data.people import CONSENT_PURPOSES, ROLES
from ...i18n import _, format_number, ngettext
from ..context import AppContext
from ..flow_layout import FlowLayout
from ..messages import show_error
from .erase_dialog import EraseDialog
from .exports import export_phone_network, export_register
from .import_actions import add_import_actions
from .import_dialog import choose_and_import
from .merge_dialog import MergeDialog
from .model import COLUMNS, RegisterDelegate, RegisterModel, RegisterProxy
from .person_dialog import PersonDialog


class _Table(QTableView):
    """Enter opens the record, Delete archives it."""

    def __init__(self, page: MembersPage) -> None:
        super().__init__()
        self._page = page

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._page.edit_selected()
            return
        if event.key() == Qt.Key.Key_Delete:
            self._page.archive_selected()
            return
        super().keyPressEvent(event)


class _Search(QLineEdit):
    """Down or Enter moves to the table; Escape clears the search."""

    def __init__(self, page: MembersPage) -> None:
        super().__init__()
        self._page = page

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._page.focus_table()
            return
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            return
        super().keyPressEvent(event)


def share_out(width: int, shares: list[int], minimums: list[int]) -> list[int]:
    """Widths in proportion to ``shares``, none below its minimum (the others share what is left)."""
    fixed: set[int] = set()
    while True:
        free = width - sum(minimums[i] for i in fixed)
        weight = sum(s for i, s in enumerate(shares) if i not in fixed)
        widths = [minimums[i] if i in fixed else max(free, 0) * s // max(weight, 1) for i, s in enumerate(shares)]
        short = {i for i, w in enumerate(widths) if i not in fixed and w < minimums[i]}
        if not short:
            return widths
        fixed |= short


def _combo(name: str, items: list[tuple[str, object]]) -> QComboBox:
    """A filter list that may shrink (long labels are elided) while its popup shows them whole."""
    combo = QComboBox()
    combo.setAccessibleName(name)
    for text, data in items:
        combo.addItem(text, data)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(min(18, max(len(text) for text, _data in items)))
    combo.view().setMinimumWidth(combo.view().sizeHintForColumn(0) + 24)
    return combo


class MembersPage(QWidget):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self._dirty = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

        top = QHBoxLayout()
        self.search = _Search(self)
        self.search.setPlaceholderText(_("Rechercher un nom, un courriel ou un numéro de téléphone (Ctrl+F)"))
        self.search.setAccessibleName(_("Rechercher dans le registre"))
        self.search.setAccessibleDescription(_("La recherche ignore les majuscules et les accents ; "
                                               "Flèche bas mène à la liste."))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._criteria_changed)
        top.addWidget(self.search, 1)
        self.new_button = QPushButton(_("&Nouvelle personne"))
        self.new_button.setToolTip(_("Inscrire une nouvelle personne (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_person)
        top.addWidget(self.new_button)
        self.files_button = QToolButton()
        self.files_button.setText(_("&Importer ou exporter"))
        self.files_button.setAccessibleName(_("Importer ou exporter"))
        self.files_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.files_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        menu = QMenu(self.files_button)
        menu.addAction(_("&Importer une liste de membres (CSV ou XLSX)…"), self.import_list)

        add_import_actions(menu, self.context, self)
        menu.addSeparator()
        menu.addAction(_("Exporter le registre en &CSV…"), lambda: self.export_register("csv"))
        menu.addAction(_("Exporter le registre en &XLSX…"), lambda: self.export_register("xlsx"))
        menu.addSeparator()
        menu.addAction(_("Imprimer le &réseau de soutien téléphonique (PDF)…"), self.export_network)
        self.files_button.setMenu(menu)
        self.files_button.setMinimumWidth(self.files_button.sizeHint().width() + 16)
        top.addWidget(self.files_button)
        layout.addLayout(top)

        filters_box = QWidget()
        filters = FlowLayout(filters_box, spacing=8)
        self.role_filter = _combo(_("Filtrer par rôle"), [(_("Tous les rôles"), None)]
                                  + [(_(label), code) for code, label in ROLES.items()])
        self.status_filter = _combo(_("Filtrer par statut"), [
            (_("Actifs et inactifs"), "current"), (_("Actifs"), "actif"), (_("Inactifs"), "inactif"),
            (_("Archivés"), "archived"), (_("Toutes les fiches"), "all")])
        self.standing_filter = _combo(_("Filtrer par cotisation"), [
            (_("Tous"), None), (_("Membres en règle"), True), (_("Membres pas en règle"), False)])
        self.consent_filter = _combo(_("Filtrer par consentement"), [(_("Tous"), None)]
                                     + [(_(label), code) for code, label in CONSENT_PURPOSES.items()])
        for text, combo in ((_("&Rôle :"), self.role_filter), (_("S&tatut :"), self.status_filter),
                            (_("En rè&gle :"), self.standing_filter), (_("C&onsentement :"), self.consent_filter)):
            pair = QWidget()
            row = QHBoxLayout(pair)
            row.setContentsMargins(0, 0, 8, 0)
            label = QLabel(text)
            label.setBuddy(combo)
            row.addWidget(label)
            row.addWidget(combo)
            filters.addWidget(pair)
            combo.currentIndexChanged.connect(self._criteria_changed)
        layout.addWidget(filters_box)

        self.model = RegisterModel()
        self.proxy = RegisterProxy(self.model)
        self.table = _Table(self)
        self.table.setModel(self.proxy)
        self.table.setItemDelegate(RegisterDelegate(self.model, self.table))
        self.table.setAccessibleName(_("Registre des membres"))
        self.table.setAccessibleDescription(_("Entrée ouvre la fiche, Suppr l'archive."))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        vertical = self.table.verticalHeader()
        vertical.hide()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.table.viewport().installEventFilter(self)
        layout.addWidget(self.table, 1)

        actions_box = QWidget()
        actions = FlowLayout(actions_box, spacing=8)
        self.edit_button = QPushButton(_("&Modifier la fiche…"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.archive_button = QPushButton(_("Arc&hiver"))
        self.archive_button.clicked.connect(self.archive_selected)
        self.merge_button = QPushButton(_("Fu&sionner avec une autre fiche…"))
        self.merge_button.clicked.connect(self.merge_selected)
        self.erase_button = QPushButton(_("&Effacer définitivement…"))
        self.erase_button.setToolTip(_("Loi 25 : effacer toutes les données personnelles de la personne, partout."))
        self.erase_button.clicked.connect(self.erase_selected)
        self.count_label = QLabel()
        self.count_label.setAccessibleName(_("Nombre de personnes affichées"))
        for widget in (self.edit_button, self.archive_button, self.merge_button, self.erase_button, self.count_label):
            actions.addWidget(widget)
        layout.addWidget(actions_box)

        shortcut = QShortcut(QKeySequence.StandardKey.New, self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.new_person)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_actions())
        context.data_changed.connect(self._on_data_changed)
        self.reload()

    _SHARES = {"name": 17, "roles": 16, "status": 7, "phone": 11, "email": 18, "standing": 7, "member_since": 10,
               "consents": 14}

    def eventFilter(self, watched, event) -> bool:  # type: ignore[no-untyped-def]  # noqa: N802

        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_columns(event.size().width())
        return super().eventFilter(watched, event)

    def _fit_columns(self, width: int) -> None:
        """Share the table's width between the columns; a column is never narrower than its heading
        (with large text the table then scrolls sideways rather than cutting the headings)."""
        header = self.table.horizontalHeader()
        metrics = header.fontMetrics()
        floor = metrics.horizontalAdvance("n") * 5
        padding = metrics.horizontalAdvance("n") * 3  # the margins and the sort arrow
        minimums = []
        for column in range(len(COLUMNS)):
            heading = self.model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or ""
            minimums.append(max(floor, metrics.horizontalAdvance(heading) + padding))
        widths = share_out(width - 2, [self._SHARES[key] for key, _label in COLUMNS], minimums)
        overflow = sum(widths) > width - 2
        header.setStretchLastSection(not overflow)  # when it all fits, the last column takes what is left
        for column, size in enumerate(widths if overflow else widths[:-1]):
            header.resizeSection(column, size)

    # -- loading and filtering -------------------------------------------------------------------
    def reload(self) -> None:
        """Read the register again, keeping the search, the filters, the sort and the selected person."""
        selected = self.selected_row()
        self.model.set_rows(members.load_register(self.context.store, dt.date.today()))
        self._dirty = False
        self._after_change(selected.id if selected else None)

    def criteria(self) -> Criteria:
        return Criteria(
            text=self.search.text(), role=self.role_filter.currentData(), status=self.status_filter.currentData(),
            standing=self.standing_filter.currentData(), consent=self.consent_filter.currentData(),
        )

    def _criteria_changed(self) -> None:
        selected = self.selected_row()
        self.proxy.set_criteria(self.criteria())
        self._after_change(selected.id if selected else None)

    def _after_change(self, keep_id: str | None) -> None:
        shown = self.proxy.rowCount()
        total = self.model.total()
        if shown == total:
            text = ngettext("{n} personne", "{n} personnes", total).format(n=format_number(total))
        else:
            text = _("{shown} sur {total}").format(shown=format_number(shown), total=format_number(total))
            if not shown:
                text = _("Aucune personne trouvée")
        # A label whose width never changes while typing spares a relayout per keystroke.
        metrics = self.count_label.fontMetrics()
        longest = _("{shown} sur {total}").format(shown=format_number(total), total=format_number(total))
        needed = max(metrics.horizontalAdvance(t) for t in (text, longest, _("Aucune personne trouvée"))) + 8
        if needed > self.count_label.width() or self.count_label.minimumWidth() != self.count_label.maximumWidth():
            self.count_label.setFixedWidth(needed)
        self.count_label.setText(text)
        if keep_id:
            self.select_person(keep_id)
        self._update_actions()

    def _on_data_changed(self, area: str) -> None:
        """Reload once the current action is over (a dialog that saved has usually reloaded us already)."""
        if area not in ("members", "*"):
            return
        self._dirty = True
        if self.isVisible():
            QTimer.singleShot(0, self.activated)

    # -- what the main window calls ------------------------------------------------------------
    def activated(self) -> None:
        if self._dirty:
            self.reload()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def show_item(self, person_id: str) -> None:
        if not self.select_person(person_id):
            self.search.clear()
            self.status_filter.setCurrentIndex(self.status_filter.findData("all"))
            self.select_person(person_id)
        self.table.setFocus()

    # -- selection -------------------------------------------------------------------------------
    def selected_row(self) -> RegisterRow | None:
        indexes = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.proxy.row_at(indexes[0]) if indexes else None

    def select_person(self, person_id: str) -> bool:
        index = self.proxy.index_of(person_id)
        if not index.isValid():
            return False
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.scrollTo(index)
        return True

    def focus_table(self) -> None:
        self.table.setFocus()
        if self.selected_row() is None and self.proxy.rowCount():
            self.table.selectRow(0)
            self.table.setCurrentIndex(self.proxy.index(0, 0))

    def _update_actions(self) -> None:
        row = self.selected_row()
        for button in (self.edit_button, self.archive_button, self.merge_button, self.erase_button):
            button.setEnabled(row is not None)
        if row is not None and row.archived:
            self.archive_button.setText(_("Resta&urer"))
            self.archive_button.setToolTip(_("Ramener la fiche dans le registre."))
        else:
            self.archive_button.setText(_("Arc&hiver"))
            self.archive_button.setToolTip(_("Retirer la personne de la liste ; la fiche est gardée et peut être "
                                             "restaurée (Suppr)."))

    # -- actions -----------------------------------------------------------------------------------
    def new_person(self) -> None:
        dialog = PersonDialog(self.context, None, self)
        if dialog.exec() and dialog.saved_id:
            self.search.clear()
            self.reload()
            self.select_person(dialog.saved_id)

    def edit_selected(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        dialog = PersonDialog(self.context, row.id, self)
        if dialog.exec():
            self.reload()
            self.select_person(row.id)
        self.table.setFocus()

    def archive_selected(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        try:
            if row.archived:
                members.restore_person(self.context.store, row.id)
                message = _("« {name} » est de retour dans le registre.").format(name=row.name)
            else:
                members.archive_person(self.context.store, row.id)
                message = _("« {name} » a été archivé·e : choisissez le statut « Archivés » pour la retrouver "
                            "et la restaurer.").format(name=row.name)
        except Exception as error:  # noqa: BLE001 — shown to the person, nothing was half-written
            show_error(self, error)
            return
        self.context.status_message.emit(message)
        self.reload()
        self.table.setFocus()

    def merge_selected(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        dialog = MergeDialog(self.context, row.id, self.model.all_rows(), self)
        if dialog.exec():
            self.reload()
            self.select_person(dialog.kept_id)

    def erase_selected(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        if EraseDialog(self.context, row.id, self).exec():
            self.reload()

    def import_list(self) -> None:
        choose_and_import(self.context, self)

    def export_register(self, fmt: str) -> None:
        export_register(self.context, self, fmt)

    def export_network(self) -> None:
        export_phone_network(self.context, self)

