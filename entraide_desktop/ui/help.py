"""Help: the built-in guide (F1), the keyboard shortcuts and the About box."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QTextBrowser, QVBoxLayout, QWidget

from .. import __version__
from ..i18n import _
from .help_text import guide_html
from .pages import PAGES


def shortcuts() -> list[tuple[str, str]]:
    """(keys, what they do), as documented in the app's help."""
    items = [(f"Ctrl+{n}", _(info.title)) for n, info in enumerate(PAGES, start=1)]
    items += [
        ("Ctrl+F", _("Rechercher dans la section")),
        ("Ctrl+L", _("Verrouiller le registre")),
        ("Ctrl+,", _("Préférences")),
        ("F1", _("Guide d'utilisation")),
        ("Ctrl+Q", _("Quitter")),
        (_("Tab / Maj+Tab"), _("Passer d'un champ à l'autre")),
        (_("Entrée"), _("Ouvrir l'élément choisi ou valider")),
        (_("Échap"), _("Fermer la fenêtre ou annuler")),
    ]
    return items


def _browser_dialog(parent: QWidget | None, title: str, html: str) -> None:
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    layout = QVBoxLayout(dialog)
    browser = QTextBrowser()
    browser.setOpenExternalLinks(True)
    browser.setHtml(html)
    browser.setAccessibleName(title)
    layout.addWidget(browser)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    em = dialog.fontMetrics().horizontalAdvance("M")
    dialog.resize(em * 48, em * 34)
    dialog.exec()


def area_shortcuts() -> list[tuple[str, list[tuple[str, str]]]]:
    """(section title, [(keys, what they do)]) for the screens that have their own shortcuts."""
    from .meetings.editor import SHORTCUTS as minutes  # deferred: the editor is built only when shown

    sections = []
    if minutes:
        sections.append((_("Procès-verbal (Réunions)"), [(_(k), _(v)) for k, v in minutes]))
    return sections


def show_shortcuts(parent: QWidget | None) -> None:
    def table(items: list[tuple[str, str]]) -> str:
        rows = "".join(f"<tr><td><b>{k}</b></td><td>{v}</td></tr>" for k, v in items)
        return f"<table cellpadding='6'>{rows}</table>"

    html = f"<h2>{_('Raccourcis clavier')}</h2>{table(shortcuts())}"
    for title, items in area_shortcuts():
        html += f"<h3>{title}</h3>{table(items)}"
    _browser_dialog(parent, _("Raccourcis clavier"), html)


def show_help(parent: QWidget | None) -> None:
    _browser_dialog(parent, _("Guide d'utilisation"), guide_html())


def show_about(parent: QWidget | None) -> None:
    QMessageBox.about(
        parent,
        _("À propos d'Entraide"),
        _(
            "<h3>Entraide {version}</h3>"
            "<p>Le registre des membres, le calendrier des activités, le partage des responsabilités "
            "et les procès-verbaux des groupes d'entraide.</p>"
            "<p>Les données restent sur les ordinateurs du groupe, chiffrées. Aucun serveur, "
            "aucun compte en ligne.</p>"
            "<p>Logiciel libre (GPL 3 ou plus récente).</p>"
        ).format(version=__version__),
    )
