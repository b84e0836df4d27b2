"""The starting catalogue offered to a new group: tasks, standing roles and elected mandates.

Each entry has a stable ``code``: installing the catalogue on two machines creates the same
rows (deterministic ids), never duplicates. The group edits or archives them freely afterwards.
"""

from __future__ import annotations

from ...i18n import N_

STARTING_CATALOGUE: tuple[dict[str, object], ...] = (
    # -- recurring tasks ------------------------------------------------------------------------
    {
        "code": "open_room",
        "kind": "task",
        "frequency": "weekly",
        "seats": 1,
        "title": N_("Ouvrir le local"),
        "description": N_(
            "Arriver un peu avant l'heure, déverrouiller, allumer, vérifier que la salle est prête "
            "et accueillir les premières personnes."
        ),
        "handover": N_(
            "La clé est chez la personne qui a ouvert la dernière fois, ou dans la boîte à clés "
            "(demandez le code à l'équipe). Arrivez 15 minutes avant. Le thermostat est dans la "
            "cuisine ; la liste « Ouverture » est affichée près de la porte. En partant, vérifiez "
            "que les fenêtres sont fermées et la cuisinière éteinte."
        ),
    },
    {
        "code": "coffee",
        "kind": "task",
        "frequency": "weekly",
        "seats": 1,
        "title": N_("Préparer le café"),
        "description": N_("Faire le café et l'eau chaude pour le thé, sortir les tasses, laver en fin de journée."),
        "handover": N_(
            "Le café et les filtres sont dans l'armoire du haut, à gauche. Une cafetière pleine, "
            "c'est 10 mesures. Notez sur la liste d'épicerie ce qui manque (lait, sucre, tisanes)."
        ),
    },
    {
        "code": "discussion_group",
        "kind": "task",
        "frequency": "weekly",
        "seats": 1,
        "title": N_("Animer le groupe de discussion"),
        "description": N_(
            "Accueillir le groupe, rappeler les règles de fonctionnement, donner la parole à "
            "chacun·e et veiller à ce que le climat reste respectueux."
        ),
        "handover": N_(
            "Les règles du groupe (confidentialité, écoute, droit de passer son tour) sont dans le "
            "cartable bleu. On commence par un tour de table « comment j'arrive ». Personne n'a à se "
            "justifier. Si quelqu'un ne va pas bien, une personne de l'équipe est toujours sur place : "
            "vous n'êtes pas seul·e."
        ),
    },
    {
        "code": "collective_kitchen",
        "kind": "task",
        "frequency": "monthly",
        "seats": 3,
        "title": N_("Cuisine collective"),
        "description": N_(
            "Choisir les recettes avec le groupe, faire les achats avec le budget prévu, cuisiner "
            "ensemble et partager les portions."
        ),
        "handover": N_(
            "Le budget du mois est dans l'enveloppe de la caisse ; gardez toutes les factures. "
            "Demandez les allergies avant de choisir les recettes. Les contenants se lavent et se "
            "rangent sous l'évier."
        ),
    },
    {
        "code": "cash",
        "kind": "task",
        "frequency": "weekly",
        "seats": 1,
        "title": N_("Tenir la caisse"),
        "description": N_("Recevoir les contributions volontaires et les adhésions, noter chaque entrée, compter en fin de journée."),
        "handover": N_(
            "Le fonds de caisse est de 40 $. Chaque entrée se note dans le cahier (date, montant, "
            "raison), jamais le nom d'une personne qui ne paie pas. On compte à deux avant de "
            "fermer et on signe le cahier."
        ),
    },
    {
        "code": "welcome",
        "kind": "task",
        "frequency": "as_needed",
        "seats": 1,
        "title": N_("Accueil des nouveaux"),
        "description": N_(
            "Faire visiter le local, présenter les activités et le fonctionnement du groupe, "
            "répondre aux questions d'une personne qui arrive."
        ),
        "handover": N_(
            "On présente le groupe comme un lieu d'entraide entre égaux, pas un service. On ne pose "
            "aucune question sur la santé ou le diagnostic. Remettez le dépliant et le calendrier du "
            "mois ; proposez sans insister de revenir à une activité."
        ),
    },
    # -- standing roles ---------------------------------------------------------------------------
    {
        "code": "members_committee",
        "kind": "role",
        "seats": 6,
        "eligible_roles": ["membre"],
        "title": N_("Comité des membres"),
        "description": N_(
            "Porter la voix des membres : proposer des activités, préparer la programmation, "
            "faire le lien avec le conseil d'administration."
        ),
        "handover": N_(
            "Le comité se réunit le premier lundi du mois. Les procès-verbaux des dernières rencontres "
            "sont dans la section Réunions. Chaque membre du comité peut inscrire un point à l'ordre du jour."
        ),
    },
    {
        "code": "coalition_delegate",
        "kind": "role",
        "seats": 1,
        "title": N_("Représentant·e au regroupement"),
        "description": N_(
            "Représenter le groupe aux assemblées du regroupement régional des ressources "
            "alternatives et en faire le compte rendu au groupe."
        ),
        "handover": N_(
            "Les assemblées ont lieu environ quatre fois par année ; les frais de déplacement sont "
            "remboursés sur présentation des reçus. Faites un court compte rendu à la réunion suivante."
        ),
    },
    # -- elected mandates -------------------------------------------------------------------------
    {
        "code": "board_members_seat",
        "kind": "mandate",
        "seats": 5,
        "term_months": 24,
        "eligible_roles": ["membre"],
        "title": N_("Siège au CA (membres)"),
        "description": N_(
            "Siège élu à l'assemblée générale annuelle parmi les membres. Le conseil prend les "
            "décisions entre deux assemblées et en rend compte aux membres."
        ),
        "handover": N_(
            "Le conseil se réunit environ une fois par mois. Lisez les règlements généraux et les "
            "procès-verbaux de l'année. Chaque administrateur·trice a une voix ; la confidentialité "
            "s'applique aux dossiers de personnes."
        ),
    },
    {
        "code": "board_staff_seat",
        "kind": "mandate",
        "seats": 1,
        "term_months": 12,
        "eligible_roles": ["intervenant"],
        "title": N_("Siège au CA (personnes intervenantes)"),
        "description": N_("Siège désigné par l'équipe de travail, selon les règlements généraux."),
        "handover": N_(
            "La personne représente l'équipe de travail, pas la coordination. Elle se retire des "
            "discussions qui la concernent personnellement (conditions de travail)."
        ),
    },
    {
        "code": "presidency",
        "kind": "mandate",
        "seats": 1,
        "term_months": 12,
        "eligible_roles": ["administrateur"],
        "title": N_("Présidence"),
        "description": N_("Préparer l'ordre du jour avec la coordination, animer les réunions du conseil et l'AGA."),
        "handover": N_(
            "Animer, c'est donner la parole et faire respecter l'ordre du jour, pas décider seul·e. "
            "Le code de procédure du groupe est dans le cartable du conseil."
        ),
    },
    {
        "code": "secretary",
        "kind": "mandate",
        "seats": 1,
        "term_months": 12,
        "eligible_roles": ["administrateur"],
        "title": N_("Secrétariat"),
        "description": N_("Rédiger les procès-verbaux, tenir le registre des membres et les documents officiels."),
        "handover": N_(
            "Les procès-verbaux se prennent dans la section Réunions. Le registre ne contient jamais "
            "de diagnostic ni d'information médicale. Faites adopter le procès-verbal à la réunion suivante."
        ),
    },
    {
        "code": "treasurer",
        "kind": "mandate",
        "seats": 1,
        "term_months": 12,
        "eligible_roles": ["administrateur"],
        "title": N_("Trésorerie"),
        "description": N_("Suivre le budget, signer les chèques avec une autre personne, présenter les états financiers."),
        "handover": N_(
            "Deux signatures sont toujours requises. Les relevés bancaires arrivent au local vers le "
            "10 du mois. Les états financiers sont présentés à l'AGA."
        ),
    },
)
