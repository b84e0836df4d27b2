"""The minutes editor: take the minutes live, from the keyboard, with every edit saved as it is made."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...data import meetings as mt
from ...i18n import N_, _
from ..context import AppContext
from ..flow_layout import FlowLayout
from ..forms import ErrorLabel
from ..messages import confirm
from ..style import style_role
from .common import Autosaver, shortcut
from .editor_proposals import ProposalActions
from .proposal_form import ProposalForm, meeting_choice_label

SHORTCUTS: tuple[tuple[str, str], ...] = (
    ("Ctrl+I", N_("nouveau point")),
    ("Alt+↑ / Alt+↓", N_("point précédent / suivant")),
    ("F2", N_("titre du point")),
    # TRANSLATORS: keys as written on the keyboard (Maj = Shift).
    (N_("Ctrl+Maj+↑ / ↓"), N_("déplacer le point")),
    ("Ctrl+P", N_("proposition")),
    (N_("Ctrl+Maj+A"), N_("amendement")),
    (N_("Ctrl+Maj+U"), N_("adoptée à l'unanimité")),
    ("Ctrl+D", N_("vote")),
    ("Ctrl+T", N_("suivi")),
)


def shortcuts_text() -> str:
    keys = " · ".join(f"{_(k)} {_(v)}" for k, v in SHORTCUTS)
    return _("Raccourcis : {keys}. Tout est enregistré automatiquement.").format(keys=keys)


def short_shortcuts_text() -> str:
    """One line for the bottom of the editor; the full list is in its tooltip and in the help (F1)."""
    keys = " · ".join(f"{_(k)} {_(v)}" for k, v in SHORTCUTS if k in ("Ctrl+I", "Ctrl+P", "Ctrl+D", "Ctrl+T"))
    return _("{keys} · les autres : menu Aide › Raccourcis clavier. Tout est enregistré automatiquement.").format(
        keys=keys
    )


def _section(text: str, buddy: QWidget) -> QLabel:
    label = QLabel(text)
    style_role(label, "sectionTitle")
    label.setBuddy(buddy)
    return label


def _column() -> tuple[QWidget, QVBoxLayout]:
    """A part of the editor in the splitters: a widget and its layout, flush with the edges."""
    widget = QWidget()
    layout = QVBoxLayout(widget)
    layout.setContentsMargins(0, 0, 0, 0)
    return widget, layout


def _list(accessible_name: str) -> QListWidget:
    widget = QListWidget()
    widget.setAccessibleName(accessible_name)
    widget.setWordWrap(True)
    return widget


def _button(text: str, slot: Callable[[], object], *, name: str = "", tip: str = "") -> QPushButton:
    """A button of the editor: its keyboard shortcut in the tooltip, a longer accessible name if needed."""
    button = QPushButton(text)
    if name:
        button.setAccessibleName(name)
    if tip:
        button.setToolTip(tip)
    button.clicked.connect(lambda _checked=False: slot())
    return button


class MinutesEditor(ProposalActions, QWidget):
    changed = Signal()

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.meeting_id = ""
        self.locked = False
        self.autosaver = Autosaver(self)
        self._proposals: list[mt.Proposal] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self._build_items())
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self._build_item_text())
        middle = self._build_proposals(context)
        right.addWidget(middle)
        middle.setMinimumHeight(self.form.sizeHint().height() + self.fontMetrics().lineSpacing() * 5)
        right.setStretchFactor(0, 2)
        right.setStretchFactor(1, 3)
        right.setChildrenCollapsible(False)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 5)
        splitter.setChildrenCollapsible(False)
        layout.addWidget(splitter, 1)
        layout.addLayout(self._build_status())
        self._connect()

    # -- building ---------------------------------------------------------------------------
    def _build_items(self) -> QWidget:
        """The left column: the agenda items, their buttons, and the follow-ups of the item chosen."""
        left, left_layout = _column()
        self.items = _list(_("Points de l'ordre du jour"))
        left_layout.addWidget(_section(_("Ordre du &jour"), self.items))
        left_layout.addWidget(self.items, 1)
        item_buttons = FlowLayout()
        self.add_item_button = _button(_("Ajouter un point"), self.add_item, tip="Ctrl+I")
        self.up_button = _button(_("Monter"), lambda: self.move_item(-1), name=_("Monter le point"))
        self.down_button = _button(_("Descendre"), lambda: self.move_item(1), name=_("Descendre le point"))
        self.remove_item_button = _button(_("Retirer"), self.remove_item,
                                          name=_("Retirer le point de l'ordre du jour"))
        for button in (self.add_item_button, self.up_button, self.down_button, self.remove_item_button):
            item_buttons.addWidget(button)
        left_layout.addLayout(item_buttons)
        self.followup_list = _list(_("Suivis décidés à ce point"))
        self.followup_list.setMaximumHeight(self.fontMetrics().lineSpacing() * 6)
        left_layout.addWidget(_section(_("&Suivis de ce point"), self.followup_list))
        left_layout.addWidget(self.followup_list)
        self.followup_button = _button(_("Ajouter un suivi…"), self.add_followup, tip="Ctrl+T")
        follow_row = QHBoxLayout()
        follow_row.addWidget(self.followup_button)
        follow_row.addStretch(1)
        left_layout.addLayout(follow_row)
        return left

    def _build_item_text(self) -> QWidget:
        """The item's title and its discussion notes."""
        top, top_layout = _column()
        self.title = QLineEdit()
        self.title.setAccessibleName(_("Titre du point"))
        title_row = QHBoxLayout()
        title_row.addWidget(_section(_("&Titre du point"), self.title))
        title_row.addWidget(self.title, 1)
        top_layout.addLayout(title_row)
        self.notes = QPlainTextEdit()
        self.notes.setAccessibleName(_("Notes de discussion"))
        self.notes.setPlaceholderText(_("Ce qui a été dit, en quelques phrases. Une ligne qui commence par « - » "
                                        "devient une puce."))
        self.notes.setTabChangesFocus(True)
        self.notes.setMinimumHeight(self.fontMetrics().lineSpacing() * 3 + 10)
        top_layout.addWidget(_section(_("&Notes de discussion"), self.notes))
        top_layout.addWidget(self.notes, 1)
        return top

    def _build_proposals(self, context: AppContext) -> QWidget:
        """The item's proposals, their buttons, and the form of the proposal chosen."""
        middle, middle_layout = _column()
        self.proposal_list = _list(_("Propositions de ce point"))
        self.proposal_list.setMinimumHeight(self.fontMetrics().lineSpacing() * 3 + 8)
        head = FlowLayout()
        head.addWidget(_section(_("Pr&opositions"), self.proposal_list))
        self.new_proposal_button = _button(_("Nouvelle proposition"), self.new_proposal, tip="Ctrl+P")
        self.amend_button = _button(_("Amender"), self.amend, name=_("Amender la proposition choisie"),
                                    tip=_("Ctrl+Maj+A"))
        self.vote_button = _button(_("Vote…"), self.vote, name=_("Inscrire le vote de la proposition choisie"),
                                   tip="Ctrl+D")
        for button in (self.new_proposal_button, self.amend_button, self.vote_button):
            head.addWidget(button)
        middle_layout.addLayout(head)
        middle_layout.addWidget(self.proposal_list, 1)
        self.form = ProposalForm(context, self.autosaver)
        middle_layout.addWidget(self.form)
        return middle

    def _build_status(self) -> QHBoxLayout:
        """The bottom line: the shortcuts, an error if any, and whether everything is saved."""
        status = QHBoxLayout()
        self.error = ErrorLabel()
        self.saved_label = QLabel()
        self.saved_label.setAccessibleName(_("État de l'enregistrement"))
        self.help = QLabel(short_shortcuts_text())
        style_role(self.help, "explanation")
        self.help.setWordWrap(True)
        self.help.setToolTip(shortcuts_text())
        self.help.setAccessibleName(_("Raccourcis clavier du procès-verbal"))
        self.help.setAccessibleDescription(shortcuts_text())
        status.addWidget(self.help, 1)
        status.addWidget(self.error, 1)
        status.addWidget(self.saved_label)
        return status

    def _connect(self) -> None:
        """Signals and keyboard shortcuts (listed in SHORTCUTS)."""
        self.items.currentRowChanged.connect(self._item_chosen)
        self.title.textEdited.connect(self._title_edited)
        self.notes.textChanged.connect(self._notes_edited)
        self.proposal_list.currentRowChanged.connect(self._proposal_chosen)
        self.form.changed.connect(self._proposals_changed)
        self.autosaver.saved.connect(self._saved)
        self.autosaver.failed.connect(self.error.show_message)
        for keys, slot in (("Ctrl+I", self.add_item), ("Alt+Up", lambda: self.step(-1)),
                           ("Alt+Down", lambda: self.step(1)), ("F2", self._focus_title),
                           ("Ctrl+Shift+Up", lambda: self.move_item(-1)),
                           ("Ctrl+Shift+Down", lambda: self.move_item(1)),
                           ("Ctrl+P", self.new_proposal), ("Ctrl+Shift+A", self.amend),
                           ("Ctrl+Shift+U", self.unanimous), ("Ctrl+D", self.vote), ("Ctrl+T", self.add_followup)):
            shortcut(self, keys, slot)
        self.items.installEventFilter(self)
        self.proposal_list.installEventFilter(self)

    # -- loading ----------------------------------------------------------------------------
    def load(self, meeting_id: str, locked: bool) -> None:
        self.autosaver.flush()
        self.meeting_id, self.locked = meeting_id, locked
        self.error.clear_message()
        self.saved_label.clear()
        for widget in (self.add_item_button, self.up_button, self.down_button, self.remove_item_button,
                       self.new_proposal_button, self.amend_button, self.vote_button, self.followup_button):
            widget.setEnabled(not locked)
        self.title.setReadOnly(locked)
        self.notes.setReadOnly(locked)
        store = self.context.store
        self.form.set_people(mt.attendees(store, meeting_id))
        current = mt.get_meeting(store, meeting_id)
        earlier = [m for m in mt.list_meetings(store) if m.date <= current.date and m.id != meeting_id][:40]
        self.form.set_meetings([(m.id, meeting_choice_label(m)) for m in earlier])
        self.reload_items()

    def refresh_people(self) -> None:
        """Attendance changed: the movers and seconders offered follow."""
        if self.meeting_id:
            self.form.set_people(mt.attendees(self.context.store, self.meeting_id))
            self.form.reload()

    def reload_items(self, chosen: str | None = None) -> None:
        current = chosen or self.current_item_id()
        self.items.blockSignals(True)
        self.items.clear()
        row = 0
        for n, item in enumerate(mt.items(self.context.store, self.meeting_id)):
            entry = QListWidgetItem(f"{item.number}. {item.title}")
            entry.setData(Qt.ItemDataRole.UserRole, item.id)
            self.items.addItem(entry)
            if item.id == current:
                row = n
        self.items.blockSignals(False)
        if self.items.count():
            self.items.setCurrentRow(row)
        self._item_chosen(self.items.currentRow())

    def current_item_id(self) -> str:
        entry = self.items.currentItem()
        return str(entry.data(Qt.ItemDataRole.UserRole)) if entry else ""

    def _item_chosen(self, _row: int) -> None:
        self.autosaver.flush()
        item_id = self.current_item_id()
        self.title.blockSignals(True)
        self.notes.blockSignals(True)
        if item_id:
            item = mt.get_item(self.context.store, item_id)
            self.title.setText(item.title)
            self.notes.setPlainText(item.notes)
        else:
            self.title.clear()
            self.notes.clear()
        self.title.blockSignals(False)
        self.notes.blockSignals(False)
        self.reload_proposals()
        self.reload_followups()

    def _proposals_changed(self) -> None:
        self.reload_proposals()
        self.changed.emit()

    def _saved(self, text: str) -> None:
        self.error.clear_message()
        self.saved_label.setText(text)

    # -- items ------------------------------------------------------------------------------
    def _title_edited(self, text: str) -> None:
        item_id = self.current_item_id()
        if not item_id or self.locked or not text.strip():
            return
        row = self.items.currentRow()

        def save() -> None:
            mt.update_item(self.context.store, item_id, title=text)
            entry = self.items.item(row)
            if entry is not None and entry.data(Qt.ItemDataRole.UserRole) == item_id:
                entry.setText(f"{row + 1}. {text.strip()}")

        self.autosaver.schedule(("title", item_id), save)

    def _notes_edited(self) -> None:
        item_id = self.current_item_id()
        if not item_id or self.locked:
            return
        text = self.notes.toPlainText()
        self.autosaver.schedule(("notes", item_id), lambda: mt.update_item(self.context.store, item_id, notes=text))

    def _focus_title(self) -> None:
        self.title.setFocus()
        self.title.selectAll()

    def add_item(self) -> None:
        if self.locked or not self.meeting_id:
            return
        after = self.current_item_id() or None
        new_id: list[str] = []
        if self.autosaver.run(lambda: new_id.append(mt.add_item(self.context.store, self.meeting_id, after=after))):
            self.reload_items(chosen=new_id[0])
            self._focus_title()
            self.changed.emit()

    def step(self, delta: int) -> None:
        row = self.items.currentRow() + delta
        if 0 <= row < self.items.count():
            self.items.setCurrentRow(row)
            self.notes.setFocus()
            self.notes.moveCursor(QTextCursor.MoveOperation.End)

    def move_item(self, delta: int) -> None:
        item_id = self.current_item_id()
        if self.locked or not item_id:
            return
        if self.autosaver.run(lambda: mt.move_item(self.context.store, item_id, delta)):
            self.reload_items(chosen=item_id)
            self.changed.emit()

    def remove_item(self) -> None:
        item_id = self.current_item_id()
        if self.locked or not item_id:
            return
        if self.notes.toPlainText().strip() and not confirm(
                self, _("Retirer le point"), _("Ce point contient des notes. Le retirer de l'ordre du jour ?"),
                _("Retirer le point")):
            return
        if self.autosaver.run(lambda: mt.remove_item(self.context.store, item_id)):
            self.reload_items()
            self.changed.emit()

    # -- proposals --------------------------------------------------------------------------
    def eventFilter(self, watched, event):  # type: ignore[no-untyped-def]  # noqa: N802

        if event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Delete and not self.locked:
            if watched is self.items:
                self.remove_item()
                return True
            if watched is self.proposal_list and self.form.proposal is not None:
                if confirm(self, _("Retirer la proposition"), _("Retirer cette proposition du procès-verbal ?"),
                           _("Retirer")):
                    self.form.remove()
                return True
        return super().eventFilter(watched, event)

    def flush(self) -> bool:
        return self.autosaver.flush()
