"""The built-in guide, in plain language (extended as areas land)."""

from __future__ import annotations

from ..i18n import _


def guide_html() -> str:
    return _(
        "<h2>Bienvenue dans Entraide</h2>"
        "<p>Entraide aide le groupe à tenir son registre des membres, son calendrier, le partage "
        "des responsabilités et ses procès-verbaux, sur ses propres ordinateurs.</p>"
        "<h3>Premiers pas</h3>"
        "<ul><li>Les sections sont à gauche ; <b>Ctrl+1</b> à <b>Ctrl+7</b> y mènent directement.</li>"
        "<li><b>Ctrl+L</b> verrouille le registre quand vous quittez l'ordinateur.</li>"
        "<li>Chaque personne qui tient le registre peut avoir sa propre phrase de passe "
        "(menu Fichier, « Personnes ayant accès »).</li></ul>"
        "<h3>Phrase de passe perdue</h3>"
        "<p>Sur l'écran d'ouverture, choisissez « Phrase de passe oubliée » et entrez la clé de "
        "récupération imprimée à la création du groupe, puis choisissez une nouvelle phrase de passe.</p>"
    )
