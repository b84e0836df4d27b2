"""The built-in guide (F1): plain-language help for the people who keep the register."""

from __future__ import annotations

from ..i18n import _


def guide_sections() -> list[tuple[str, str, str]]:
    """(anchor, title, HTML body) of each section of the guide, in reading order."""
    return [
        ("premiers-pas", _("Premiers pas"), _(
            "<p>Entraide garde le registre des membres, le calendrier, le partage des responsabilités et "
            "les procès-verbaux du groupe <b>sur ses propres ordinateurs</b>, chiffrés. Il n'y a ni serveur "
            "ni compte en ligne.</p>"
            "<ul><li>Les sections sont à gauche ; <b>Ctrl+1</b> à <b>Ctrl+7</b> y mènent directement, "
            "<b>Ctrl+F</b> cherche dans la section ouverte.</li>"
            "<li>L'<b>Accueil</b> montre les activités des deux prochaines semaines et ce qu'il y a à faire "
            "(mandats qui finissent, suivis de réunions, tâches sans personne).</li>"
            "<li><b>Ctrl+L</b> verrouille le registre quand vous quittez l'ordinateur ; il se verrouille "
            "aussi tout seul après quelques minutes sans activité (Fichier › Préférences).</li>"
            "<li>Chaque personne qui tient le registre peut avoir sa propre phrase de passe (Fichier › "
            "Personnes ayant accès) : ses modifications sont inscrites à son nom dans l'historique.</li>"
            "<li>Le nom du groupe, ses coordonnées et le début de son <b>exercice financier</b> (le 1er avril "
            "par défaut) se modifient dans Fichier › Renseignements du groupe. Le rapport d'activités de l'AGA "
            "et la répartition des responsabilités couvrent un exercice.</li>"
            "<li>La taille du texte et les couleurs à contraste élevé se règlent dans Fichier › Préférences.</li></ul>"
        )),
        ("membres", _("Le registre des membres"), _(
            "<p>Chaque renseignement est facultatif : un prénom ou un nom choisi suffit. Le registre ne "
            "contient <b>aucun diagnostic ni renseignement de santé</b> ; n'en écrivez pas dans les notes.</p>"
            "<ul><li><b>Ctrl+N</b> ajoute une personne, <b>Entrée</b> ouvre la fiche choisie, "
            "<b>Suppr</b> l'archive (on peut la restaurer).</li>"
            "<li>Les consentements (réseau téléphonique, calendrier, photos, envois) sont notés un par un, "
            "avec leur date ; un retrait est daté lui aussi.</li>"
            "<li>« Membre en règle » se calcule à partir des cotisations : c'est ce qui donne le droit de "
            "vote aux assemblées.</li>"
            "<li>« Importer ou exporter » lit une liste venant d'un tableur (CSV ou Excel) : rien n'est "
            "écrit avant que vous confirmiez l'aperçu.</li>"
            "<li>« Effacer définitivement » (Loi 25) retire toutes les données personnelles d'une personne ; "
            "dans les procès-verbaux et les présences passées, elle devient « Personne retirée du registre ».</li></ul>"
        )),
        ("calendrier", _("Le calendrier et le mode consultation"), _(
            "<ul><li>Vues Mois, Semaine et Liste ; les flèches changent de jour, Pg préc./Pg suiv. de mois, "
            "<b>T</b> revient à aujourd'hui, <b>N</b> crée une activité, un double-clic sur un jour aussi.</li>"
            "<li>Une activité qui revient (chaque semaine, aux deux semaines, le 2e mardi du mois) doit avoir "
            "une date de fin ou un nombre de fois. Une seule occurrence peut être annulée ou déplacée, avec "
            "une raison affichée aux membres.</li>"
            "<li>Les personnes qui animent ne sont nommées que si elles y ont consenti.</li>"
            "<li><b>Mode consultation</b> : sur l'ordinateur du centre, les membres consultent le calendrier "
            "en gros caractères, sans phrase de passe et sans aucune donnée personnelle. Il s'ouvre depuis "
            "l'écran d'ouverture (« Consulter le calendrier ») et quand le registre se verrouille.</li>"
            "<li>« Exporter ou imprimer » produit le calendrier mural (PDF, format lettre) ou un fichier "
            "d'agenda (ICS).</li></ul>"
        )),
        ("responsabilites", _("Le partage des responsabilités"), _(
            "<ul><li>Les tâches (ouvrir le local, le café, l'animation…), les rôles et les mandats élus ont "
            "chacun une note de passation pour la personne qui les reprend.</li>"
            "<li>« Proposer quelqu'un » suggère la personne qui a tenu la tâche le moins souvent et le moins "
            "récemment, en laissant de côté les personnes absentes ou qui ont demandé à ne pas être proposées.</li>"
            "<li>L'onglet de la répartition montre, pour un exercice financier, qui porte les responsabilités : membres, "
            "personnes intervenantes, bénévoles, conseil. Il s'exporte en PDF pour l'AGA.</li></ul>"
        )),
        ("proces-verbal", _("Prendre un procès-verbal"), _(
            "<ol><li>Dans <b>Réunions</b>, <b>Ctrl+N</b> crée la réunion ; l'ordre du jour habituel de son "
            "type est déjà là.</li>"
            "<li>Onglet « Présences et quorum » : tapez un nom puis Entrée pour marquer la personne présente "
            "(P, E, A dans la liste). Le quorum se met à jour à chaque présence.</li>"
            "<li>Onglet « Procès-verbal » : Alt+↑ et Alt+↓ passent d'un point à l'autre, <b>Ctrl+I</b> ajoute "
            "un point, <b>Ctrl+P</b> une proposition (« Il est proposé par…, appuyé par… »), <b>Ctrl+D</b> "
            "inscrit le vote, <b>Ctrl+T</b> un suivi (qui, pour quand).</li>"
            "<li>Tout est enregistré automatiquement, sans bouton.</li>"
            "<li>Le procès-verbal est adopté à la réunion suivante, par une proposition au point « Adoption "
            "du procès-verbal » : il est alors verrouillé ; une correction devient un erratum visible.</li>"
            "<li>« Exporter en PDF » ou « en ODT » donne le procès-verbal à signer ; « Document de l'AGA » "
            "réunit l'ordre du jour, le procès-verbal de l'AGA précédente et le rapport d'activités.</li></ol>"
        )),
        ("synchronisation", _("Synchroniser deux postes avec une clé USB"), _(
            "<ol><li>Sur le premier ordinateur : <b>Synchronisation › Exporter vers une clé USB</b>. Attendez "
            "le message « Vous pouvez retirer la clé ».</li>"
            "<li>Sur l'autre ordinateur : <b>Importer</b>, choisissez le fichier sur la clé. Un résumé dit ce "
            "qui a été mis à jour.</li>"
            "<li>Faites ensuite l'inverse : les deux postes ont alors les mêmes données.</li></ol>"
            "<p>Le fichier est chiffré avec la clé du groupe : une clé USB perdue ne révèle rien. Rien n'est "
            "jamais perdu : si deux postes ont changé le même renseignement, Entraide garde les deux versions "
            "et vous demande laquelle garder (« Renseignements à vérifier »). Pour installer un nouvel "
            "ordinateur, utilisez « Préparer un nouveau poste » sur un poste qui a déjà le registre.</p>"
        )),
        ("sauvegardes", _("Les sauvegardes"), _(
            "<p>Une copie chiffrée est faite chaque jour au démarrage. Dans <b>Sauvegardes</b>, « Copier sur "
            "une clé USB » en met une à l'abri ailleurs qu'au centre, et « Restaurer » revient à une copie "
            "(l'état actuel est sauvegardé d'abord).</p>"
        )),
        ("phrase-perdue", _("Phrase de passe oubliée"), _(
            "<p>Sur l'écran d'ouverture, choisissez <b>« Phrase de passe oubliée… »</b>, entrez la <b>clé de "
            "récupération</b> imprimée à la création du groupe (les tirets sont facultatifs), puis choisissez "
            "une nouvelle phrase de passe. Si une autre personne a aussi un accès, elle peut vous en redonner "
            "un (Fichier › Personnes ayant accès). Sans phrase de passe ni clé de récupération, personne — pas "
            "même un informaticien — ne peut ouvrir le registre : gardez la clé en lieu sûr.</p>"
        )),
    ]


def guide_html() -> str:
    sections = guide_sections()
    contents = "".join(f"<li><a href='#{anchor}'>{title}</a></li>" for anchor, title, _body in sections)
    body = "".join(f"<h3><a name='{anchor}'></a>{title}</h3>{html}" for anchor, title, html in sections)
    heading = _("Guide d’Entraide")
    return f"<h2>{heading}</h2><ul>{contents}</ul>{body}"
