"""Importing a member list: a preview with the column mapping and a decision per row, then the import.

Nothing is written before « Importer » is pressed; reading, checking and writing run off the
UI thread (the writing in one transaction, with progress, cancellable).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...data.members.importing import (
    ACTIONS,
    ExistingPeople,
    ImportPreview,
    ImportResult,
    ImportSetup,
    RawTable,
    apply_import,
    build_preview,
    initial_setup,
    read_table,
)
from ...data.members.importing.preview import current_fee_year
from ...i18n import _, ngettext
from ..context import AppContext
from ..forms import ErrorLabel, explanation, heading
from ..kit.buttons import add_button_row, add_import_buttons
from ..kit.paths import ask_file_to_import
from ..messages import error_text
from ..style import style_role
from ..tasks import Progress, run_task, run_with_progress
from .import_actions import open_review, undo_last_import
from .import_mapping import MappingPanel
from .import_model import ImportRowsModel, describe_row


def choose_and_import(context: AppContext, parent: QWidget) -> None:
    path = ask_file_to_import(context, parent, _("Importer une liste de membres"),
                              _("Listes de membres (*.csv *.xlsx *.txt *.tsv);;Tous les fichiers (*)"))
    if path:
        ImportDialog(context, path, parent).exec()


class ImportDialog(QDialog):
    def __init__(self, context: AppContext, path: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.path = path
        self.table: RawTable | None = None
        self.existing: ExistingPeople | None = None
        self.setup: ImportSetup | None = None
        self.preview: ImportPreview | None = None
        self.result: ImportResult | None = None
        self._generation = 0
        self._shown_generation = -1
        self.setWindowTitle(_("Importer une liste de membres"))
        screen = self.screen().availableGeometry() if self.screen() else None
        width = min(1240, screen.width() - 40) if screen else 1180
        height = min(700, screen.height() - 60) if screen else 680
        self.resize(width, height)

        layout = QVBoxLayout(self)
        layout.addWidget(heading(_("Importer « {name} »").format(name=Path(path).name)))
        self.stack = QStackedWidget()
        layout.addWidget(self.stack, 1)
        self.loading = QLabel(_("Lecture du fichier…"))
        self.loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.loading)
        self.failure = self._failure_page()
        self.stack.addWidget(self.failure)
        self.preview_page = self._preview_page()
        self.stack.addWidget(self.preview_page)
        self.done_page = self._done_page()
        self.stack.addWidget(self.done_page)

        self.other_button = QPushButton(_("Choisir un &autre fichier…"))
        self.other_button.clicked.connect(self._other_file)
        self.cancel_button, self.import_button = add_import_buttons(self, layout, self.other_button, self._import)
        self._load()

    # -- pages ---------------------------------------------------------------------------------
    def _failure_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        self.failure_message = ErrorLabel()
        self.failure_message.setAccessibleName(_("Le fichier ne peut pas être importé"))
        layout.addWidget(self.failure_message)
        layout.addWidget(explanation(_("Rien n'a été importé. Corrigez le fichier dans votre tableur, ou choisissez-en "
                                       "un autre.")))
        layout.addStretch(2)
        return page

    def _preview_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        self.description = QLabel()
        self.description.setWordWrap(True)
        layout.addWidget(self.description)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)


        self.fee_year = current_fee_year(self.context.store)
        self.mapping = MappingPanel(self.fee_year)
        self.mapping.changed.connect(self._setup_changed)
        splitter.addWidget(self.mapping)

        rows_box = QGroupBox(_("Aperçu des lignes : rien n'est écrit avant « Importer »"))
        right = QVBoxLayout(rows_box)
        self.rows_model = ImportRowsModel()
        self.rows_view = QTableView()
        self.rows_view.setModel(self.rows_model)
        self.rows_view.setAccessibleName(_("Lignes du fichier"))
        self.rows_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.rows_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.rows_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rows_view.setWordWrap(False)
        self.rows_view.setAlternatingRowColors(True)
        self.rows_view.verticalHeader().hide()
        self.rows_view.horizontalHeader().setStretchLastSection(True)
        right.addWidget(self.rows_view, 1)
        self.row_detail = QLabel()
        self.row_detail.setWordWrap(True)
        self.row_detail.setAccessibleName(_("Remarques sur la ligne choisie"))
        self.row_detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        right.addWidget(self.row_detail)
        decision_row = QHBoxLayout()
        self.decision = QComboBox()
        self.decision.setAccessibleName(_("Décision pour la ligne choisie"))
        label = QLabel(_("&Décision pour la ligne choisie :"))
        label.setBuddy(self.decision)
        decision_row.addWidget(label)
        decision_row.addWidget(self.decision)
        decision_row.addStretch(1)
        right.addLayout(decision_row)
        self.skip_all = QPushButton(_("I&gnorer tous les doublons"))
        self.merge_all = QPushButton(_("&Fusionner tous les doublons"))
        self.merge_all.setToolTip(_("Compléter les fiches déjà au registre avec ce que le fichier ajoute."))
        add_button_row(right, self.skip_all, self.merge_all)
        splitter.addWidget(rows_box)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        em = self.fontMetrics().horizontalAdvance("n")
        splitter.setSizes([em * 50, em * 100])
        layout.addWidget(splitter, 1)
        self.problems = ErrorLabel()
        layout.addWidget(self.problems)
        self.summary = QLabel()
        style_role(self.summary, "sectionTitle")
        self.summary.setAccessibleName(_("Résumé de l'importation"))
        layout.addWidget(self.summary)

        self.rows_view.selectionModel().currentRowChanged.connect(lambda *_a: self._fill_decision())
        self.decision.activated.connect(self._decision_chosen)
        self.skip_all.clicked.connect(lambda: self._all_duplicates("skip"))
        self.merge_all.clicked.connect(lambda: self._all_duplicates("merge"))
        return page

    def _done_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.done_summary = QLabel()
        self.done_summary.setWordWrap(True)
        style_role(self.done_summary, "sectionTitle")
        layout.addWidget(self.done_summary)
        self.done_details = QLabel()
        self.done_details.setWordWrap(True)
        self.done_details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.done_details)
        after = QHBoxLayout()
        self.review_button = QPushButton(_("Voir les fiches à &vérifier…"))
        self.review_button.clicked.connect(lambda: open_review(self.context, self))
        self.undo_button = QPushButton(_("Annuler cette &importation…"))
        self.undo_button.setToolTip(_("Si les colonnes étaient mal choisies : tout retirer d'un coup, puis "
                                      "recommencer."))
        self.undo_button.clicked.connect(self._undo)
        after.addWidget(self.review_button)
        after.addWidget(self.undo_button)
        after.addStretch(1)
        layout.addLayout(after)
        layout.addStretch(1)
        return page

    # -- reading -------------------------------------------------------------------------------
    def _load(self) -> None:
        self.stack.setCurrentWidget(self.loading)
        self.preview = None
        store, path = self.context.store, self.path

        def work(progress: Progress) -> tuple[RawTable, ExistingPeople]:
            table = read_table(path)
            clone = store.clone()
            try:
                return table, ExistingPeople.load(clone)
            finally:
                clone.close()

        run_task(work, self._loaded, self._failed)

    def _loaded(self, result: tuple[RawTable, ExistingPeople]) -> None:
        self.table, self.existing = result
        self.setup = initial_setup(self.table, self.fee_year)
        self.description.setText(self.table.describe())
        self.mapping.fill(self.table, self.setup)
        self._rebuild()

    def _failed(self, error: BaseException) -> None:
        self.failure_message.show_message(error_text(error))
        self.stack.setCurrentWidget(self.failure)
        self.import_button.setEnabled(False)
        self.other_button.setFocus()

    def _other_file(self) -> None:
        path, _selected = QFileDialog.getOpenFileName(
            self, _("Importer une liste de membres"), str(Path(self.path).parent),
            _("Listes de membres (*.csv *.xlsx *.txt *.tsv);;Tous les fichiers (*)"),
        )
        if path:
            self.path = path
            self.findChild(QLabel, "dialogTitle").setText(_("Importer « {name} »").format(name=Path(path).name))
            self._load()

    # -- columns -------------------------------------------------------------------------------
    @property
    def combos(self) -> list[QComboBox]:
        return self.mapping.combos

    def _setup_changed(self, setup: ImportSetup) -> None:
        self.setup = setup
        self._rebuild()

    # -- preview -------------------------------------------------------------------------------
    def _rebuild(self) -> None:
        """Check the rows again with the current columns, off the UI thread (a big file takes a moment)."""
        assert self.table is not None and self.setup is not None and self.existing is not None
        self._generation += 1
        generation = self._generation
        table, setup, existing = self.table, self.setup, self.existing
        self.import_button.setEnabled(False)
        self.summary.setText(_("Vérification des lignes…"))
        year = self.fee_year
        run_task(lambda _progress: build_preview(table, setup, existing, default_year=year),
                 lambda preview: self._show(preview, generation),
                 self._failed)

    def _show(self, preview: ImportPreview, generation: int) -> None:
        if generation != self._generation:
            return  # a newer choice of columns is being checked
        decisions = {r.line: r.action for r in self.preview.rows} if self.preview else {}
        self.preview = preview
        self._shown_generation = generation
        for row in preview.rows:
            if decisions.get(row.line) in row.choices():
                row.action = decisions[row.line]
        self.rows_model.set_rows(preview.rows)
        self.rows_view.resizeColumnsToContents()
        for column, most in ((1, 20), (2, 13), (3, 18)):
            limit = self.rows_view.fontMetrics().horizontalAdvance("n") * most
            if self.rows_view.columnWidth(column) > limit:
                self.rows_view.setColumnWidth(column, limit)
        if preview.problems:
            self.problems.show_message(" ".join(preview.problems))
        else:
            self.problems.clear_message()
        self._update_summary()
        if self.rows_model.rowCount():
            self.rows_view.selectRow(0)
        self._fill_decision()
        if self.stack.currentWidget() is self.loading:
            self.stack.setCurrentWidget(self.preview_page)
            self.rows_view.setFocus()

    @property
    def busy(self) -> bool:
        """True while the rows are being read or checked."""
        return self.preview is None or self._shown_generation != self._generation

    def _update_summary(self) -> None:
        assert self.preview is not None
        preview = self.preview
        self.summary.setText(preview.summary() if not preview.problems else _("Aucune ligne ne peut être importée."))
        todo = preview.count("create") + preview.count("merge")
        self.import_button.setEnabled(preview.can_import)
        self.import_button.setText(
            ngettext("&Importer {n} ligne", "&Importer {n} lignes", todo).format(n=todo) if todo else _("&Importer")
        )
        has_duplicates = any(r.duplicate_of for r in preview.rows)
        self.merge_all.setEnabled(has_duplicates)
        self.skip_all.setEnabled(has_duplicates or any(r.duplicate_line is not None for r in preview.rows))

    def _current_row(self) -> int:
        index = self.rows_view.currentIndex()
        return index.row() if index.isValid() else -1

    def _fill_decision(self) -> None:
        number = self._current_row()
        self.decision.clear()
        if self.preview is None or not 0 <= number < len(self.preview.rows):
            self.decision.setEnabled(False)
            self.row_detail.clear()
            return
        row = self.preview.rows[number]
        self.row_detail.setText(_("Ligne {line} — {details}").format(line=row.line, details=describe_row(row)))
        for action in row.choices():
            label = _("Ajouter quand même") if action == "create" and row.action == "skip" and (
                row.duplicate_of or row.duplicate_line is not None) else _(ACTIONS[action])
            self.decision.addItem(label, action)
        self.decision.setCurrentIndex(max(0, self.decision.findData(row.action)))
        self.decision.setEnabled(len(row.choices()) > 1)

    def _decision_chosen(self) -> None:
        number = self._current_row()
        if self.preview is None or not 0 <= number < len(self.preview.rows):
            return
        self.preview.rows[number].action = self.decision.currentData()
        self.rows_model.row_changed(number)
        self._update_summary()

    def _all_duplicates(self, action: str) -> None:
        assert self.preview is not None
        for number, row in enumerate(self.preview.rows):
            if (row.duplicate_of or row.duplicate_line is not None) and action in row.choices():
                row.action = action
                self.rows_model.row_changed(number)
        self._update_summary()
        self._fill_decision()

    # -- writing -------------------------------------------------------------------------------
    def _import(self) -> None:
        preview, store = self.preview, self.context.store
        if preview is None or not preview.can_import:
            return
        self.import_button.setEnabled(False)

        def work(progress: Progress) -> ImportResult:
            clone = store.clone()
            try:
                return apply_import(clone, preview, progress)
            finally:
                clone.close()

        run_with_progress(self, _("Importation des membres…"), work, self._imported, self._import_failed)

    def _imported(self, result: ImportResult) -> None:
        self.result = result
        self.done_summary.setText(result.summary())
        rows = self.preview.rows if self.preview else []
        rejected = [r for r in rows if r.action == "reject"]
        checked = [r for r in rows if r.checks and r.action in ("create", "merge")]
        lines = []
        if checked:
            lines.append(_("Personnes importées avec des renseignements à vérifier (voir « Fiches à vérifier ») :"))
            lines += [_("ligne {line} : {name} — {remark}").format(line=r.line, name=r.name, remark=r.check_text())
                      for r in checked[:100]]
        if rejected:
            lines.append(_("Lignes laissées de côté (sans aucun nom) :"))
            lines += [_("ligne {line} : {reason}").format(line=r.line, reason=r.remark()) for r in rejected[:100]]
        self.done_details.setText("\n".join(lines))
        self.review_button.setVisible(bool(checked))
        self.stack.setCurrentWidget(self.done_page)
        self.other_button.hide()
        self.import_button.hide()
        self.cancel_button.setText(_("&Fermer"))
        self.cancel_button.setDefault(True)
        self.cancel_button.clicked.disconnect()
        self.cancel_button.clicked.connect(self.accept)
        self.cancel_button.setFocus()

    def _undo(self) -> None:
        if undo_last_import(self.context, self, "members"):
            self.undo_button.setEnabled(False)
            self.review_button.setEnabled(False)
            self.done_summary.setText(_("Importation annulée : rien de ce fichier ne reste au registre."))

    def _import_failed(self, error: BaseException) -> None:
        self.problems.show_message(error_text(error))
        self.import_button.setEnabled(bool(self.preview and self.preview.can_import))
