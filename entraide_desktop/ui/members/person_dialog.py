"""The form of a person's record: identity and contact, consents, memberships, history.

Everything is saved at once with « Enregistrer » (one transaction); a mistake brings the
form back on the field at fault, with the reason in words.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...data import members
from ...data.errors import EntraideError, ValidationError
from ...data.members.fields import CONTACT_METHODS, NOTES_REMINDER, PERSON_FIELDS, health_words_in
from ...data.members.memberships import default_period
from ...data.people import ROLES, STATUSES
from ...data.treasury.fees import save_person_with_fees
from ...i18n import N_, _
from ..context import AppContext
from ..forms import ErrorLabel, heading
from .consents_tab import ConsentsTab
from .history_tab import HistoryTab
from .memberships_tab import MembershipsTab
from .widgets import DateField, buddy_label, hint

_LINE_FIELDS = ("first_name", "last_name", "display_name", "phone", "mobile", "email", "address", "contact_hours",
                "emergency_contact")
_MNEMONICS = {
    "first_name": N_("&Prénom :"), "last_name": N_("Nom de &famille :"), "display_name": N_("Nom c&hoisi :"),
    "phone": N_("&Téléphone :"), "mobile": N_("&Cellulaire :"), "email": N_("Courrie&l :"), "address": N_("&Adresse :"),
    "contact_hours": N_("Moments pour &joindre :"), "emergency_contact": N_("En cas d'ur&gence :"),
}


class PersonDialog(QDialog):
    """Create (``person_id`` None) or edit a person. ``saved_id`` holds the id after saving."""

    def __init__(self, context: AppContext, person_id: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.person_id = person_id
        self.saved_id: str | None = None
        self.today = dt.date.today()
        store = context.store
        record = members.get_person(store, person_id) if person_id else None
        self.setWindowTitle(_("Fiche de {name}").format(name=record.name) if record else _("Nouvelle personne"))
        em = self.fontMetrics().horizontalAdvance("n")
        screen = self.screen().availableGeometry() if self.screen() else None
        room_w, room_h = (screen.width() - 40, screen.height() - 60) if screen else (1326, 708)
        self.setMinimumWidth(min(em * 100, room_w))
        self.resize(min(max(1020, em * 115), room_w), min(max(680, em * 76), room_h))

        layout = QVBoxLayout(self)
        title = heading(record.name if record else _("Nouvelle personne"))
        layout.addWidget(title)
        if record and record.archived:
            layout.addWidget(hint(_("Cette fiche est archivée : elle n'apparaît plus dans le registre. "
                                    "Utilisez « Restaurer » dans le registre pour la ramener.")))
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(_("Sections de la fiche"))
        self.fields: dict[str, QWidget] = {}
        self.tabs.addTab(self._identity_tab(record), _("&Identité et coordonnées"))
        states = members.consent_states(store, person_id) if person_id else {}
        self.consents = ConsentsTab(states, self.today)
        self.tabs.addTab(self.consents, _("C&onsentements"))
        memberships = members.list_memberships(store, person_id) if person_id else []
        self.memberships = MembershipsTab(memberships, self._roles, self.today,
                                          period_of=default_period(store))
        self.tabs.addTab(self.memberships, _("Coti&sations"))
        self.history = HistoryTab(members.person_history(store, person_id) if person_id else [])
        self.tabs.addTab(self.history, _("Histori&que"))
        layout.addWidget(self.tabs, 1)

        self.error = ErrorLabel()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(_("&Enregistrer"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setDefault(True)
        buttons.addButton(_("Annuler"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.fields["first_name"].setFocus()

    # -- identity tab --------------------------------------------------------------------------
    def _identity_tab(self, record: members.PersonRecord | None) -> QWidget:
        tab = QWidget()
        outer = QVBoxLayout(tab)
        columns = QHBoxLayout()
        columns.setSpacing(16)

        who = QGroupBox(_("Identité"))
        who_form = QFormLayout(who)
        who_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for name in ("first_name", "last_name", "display_name"):
            who_form.addRow(*self._line(name, record))
        chosen = self.fields["display_name"]
        chosen.setPlaceholderText(_("vide : le prénom et le nom"))  # type: ignore[attr-defined]
        chosen.setToolTip(_("Le nom choisi s'affiche partout (calendrier, procès-verbaux, listes)."))
        chosen.setAccessibleDescription(chosen.toolTip())
        self.role_checks: dict[str, QCheckBox] = {}
        for code, label in ROLES.items():
            check = QCheckBox(_(label))
            check.setChecked(code in (record.roles if record else ("membre",)))
            check.setAccessibleName(_("Rôle : {role}").format(role=_(label)))
            check.toggled.connect(lambda _checked: self.memberships.refresh())
            self.role_checks[code] = check
        roles_box = QWidget()
        roles_box.setAccessibleName(_("Rôles (plusieurs possibles)"))
        roles_grid = QGridLayout(roles_box)
        roles_grid.setContentsMargins(0, 0, 0, 0)
        roles_grid.setVerticalSpacing(2)
        for number, check in enumerate(self.role_checks.values()):
            roles_grid.addWidget(check, number // 2, number % 2)
        self.fields["roles"] = next(iter(self.role_checks.values()))
        roles_label = QLabel(_("&Rôles :"))
        roles_label.setBuddy(self.fields["roles"])
        who_form.addRow(roles_label, roles_box)
        self.status = QComboBox()
        for code, label in STATUSES.items():
            self.status.addItem(_(label), code)
        self.status.setCurrentIndex(max(0, self.status.findData(record.status if record else "actif")))
        self.fields["status"] = self.status
        who_form.addRow(buddy_label(_("Stat&ut :"), self.status), self.status)
        since_key = "member_since"
        self.member_since = DateField(_(PERSON_FIELDS[since_key]))
        self.member_since.set_date(record.member_since if record else None)
        self.fields["member_since"] = self.member_since
        who_form.addRow(buddy_label(_("Membre &depuis :"), self.member_since), self.member_since)
        columns.addWidget(who, 1)

        contact = QGroupBox(_("Coordonnées"))
        contact_form = QFormLayout(contact)
        contact_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for name in ("phone", "mobile", "email", "address"):
            contact_form.addRow(*self._line(name, record))
        self.contact_method = QComboBox()
        self.contact_method.addItem(_("— Non précisé —"), "")
        for code, label in CONTACT_METHODS.items():
            self.contact_method.addItem(_(label), code)
        self.contact_method.setCurrentIndex(max(0, self.contact_method.findData(record.contact_method if record else "")))
        self.fields["contact_method"] = self.contact_method
        contact_form.addRow(buddy_label(_("&Moyen préféré :"), self.contact_method), self.contact_method)
        for name in ("contact_hours", "emergency_contact"):
            contact_form.addRow(*self._line(name, record))
        columns.addWidget(contact, 1)
        outer.addLayout(columns)

        self.notes = QPlainTextEdit(record.notes if record else "")
        notes_key = "notes"
        self.notes.setAccessibleName(_(PERSON_FIELDS[notes_key]))
        self.notes.setAccessibleDescription(_(NOTES_REMINDER))
        self.notes.setTabChangesFocus(True)
        self.notes.setMinimumHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self.fields["notes"] = self.notes
        notes_label = QLabel(_("&Notes :"))
        notes_label.setBuddy(self.notes)
        outer.addWidget(notes_label)
        reminder = QLabel("<b>" + _("Important :") + "</b> " + _(NOTES_REMINDER))
        reminder.setWordWrap(True)
        reminder.setObjectName("notesReminder")
        reminder.setStyleSheet("#notesReminder { background: #fff4e0; border: 1px solid #e0b060; border-radius: 4px;"
                               " padding: 6px; color: #4a3000; }")
        outer.addWidget(reminder)
        outer.addWidget(self.notes, 1)
        self.health_warning = ErrorLabel()
        outer.addWidget(self.health_warning)
        self.notes.textChanged.connect(self._check_notes)
        return tab

    def _line(self, name: str, record: members.PersonRecord | None) -> tuple[QLabel, QLineEdit]:
        edit = QLineEdit(getattr(record, name) if record else "")
        edit.setAccessibleName(_(PERSON_FIELDS[name]))
        if name in ("phone", "mobile"):
            edit.setPlaceholderText("418 555-1234")
        elif name == "email":
            edit.setPlaceholderText(_("prenom@exemple.org"))
        self.fields[name] = edit
        return buddy_label(_(_MNEMONICS[name]), edit), edit

    def _check_notes(self) -> None:
        words = health_words_in(self.notes.toPlainText())
        if words:
            self.health_warning.show_message(_(
                "Ces notes semblent contenir un renseignement de santé ({words}). Retirez-le : le registre "
                "ne doit pas en contenir."
            ).format(words=", ".join(words)))
        else:
            self.health_warning.clear_message()

    def _roles(self) -> tuple[str, ...]:
        return tuple(code for code, check in self.role_checks.items() if check.isChecked())

    # -- saving -------------------------------------------------------------------------------------
    def values(self) -> dict[str, object]:
        found: dict[str, object] = {name: self.fields[name].text() for name in _LINE_FIELDS}  # type: ignore[attr-defined]
        found["roles"] = list(self._roles())
        found["status"] = self.status.currentData()
        found["member_since"] = self.member_since.text()
        found["contact_method"] = self.contact_method.currentData()
        found["notes"] = self.notes.toPlainText()
        return found

    def save(self) -> None:
        self.error.clear_message()
        try:
            if self.memberships.has_open_editor():
                self.tabs.setCurrentWidget(self.memberships)
                raise ValidationError(_("Terminez la cotisation en cours : « Garder cette cotisation » ou "
                                        "« Annuler la cotisation »."), "paid_on")
            changes = members.PersonChanges(
                fields=self.values(), consents=self.consents.changes(), memberships=self.memberships.drafts()
            )
            self.saved_id = save_person_with_fees(self.context.store, self.person_id, changes, today=self.today)
        except ValidationError as error:
            self._show_error(error)
            return
        except EntraideError as error:
            self.error.show_message(error.message)
            return
        self.accept()

    def _show_error(self, error: ValidationError) -> None:
        self.error.show_message(error.message)
        widget = self.fields.get(error.field)
        tab: QWidget = self.tabs.widget(0)
        if widget is None:
            widget = self.consents.widget_for(error.field)
            tab = self.consents
        if widget is None:
            widget = self.memberships.widget_for(error.field)
            tab = self.memberships
        if widget is None:
            return
        self.tabs.setCurrentWidget(tab)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        if isinstance(widget, QLineEdit):
            widget.selectAll()
