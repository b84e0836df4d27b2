"""Fictional but plausible content of a peer-support group's minutes (board, assemblies, committees)."""

from __future__ import annotations

# (agenda item title, discussion notes, proposal text or "", follow-up or "")
BOARD_TOPICS: tuple[tuple[str, str, str, str], ...] = (
    ("Demande de financement au PSOC",
     "La coordination présente le bilan de la demande de soutien à la mission globale. Les montants indexés "
     "sont confirmés; un rehaussement est demandé pour ouvrir le centre un soir de plus par semaine.",
     "la coordination dépose la demande de rehaussement au programme de soutien aux organismes communautaires.",
     "Déposer la demande de rehaussement au PSOC"),
    ("Embauche d'une personne intervenante",
     "Le comité de sélection a rencontré quatre personnes. Il recommande une candidate qui a elle-même "
     "fréquenté un groupe d'entraide et qui connaît l'approche alternative.",
     "le conseil entérine la recommandation du comité de sélection et autorise la coordination à signer le contrat.",
     "Signer le contrat et préparer l'accueil de la nouvelle personne"),
    ("Politique de remboursement des frais de transport",
     "Plusieurs membres n'ont pas les moyens de se déplacer pour les activités régionales. On discute d'un "
     "remboursement des billets d'autobus sur présentation du titre de transport.",
     "le groupe rembourse les titres de transport en commun des membres qui participent aux activités régionales.",
     "Ajouter le formulaire de remboursement au cartable d'accueil"),
    ("Bilan de la cuisine collective",
     "Douze membres ont participé régulièrement. Les repas préparés ont été partagés lors des dîners du mercredi. "
     "Le comité des membres propose de doubler les rencontres l'hiver.",
     "la cuisine collective ait lieu deux fois par mois de novembre à mars.",
     "Réserver la cuisine de l'église pour les nouvelles dates"),
    ("Semaine de sensibilisation en santé mentale",
     "Le comité des membres propose un kiosque à la bibliothèque et une soirée de témoignages. Les membres qui "
     "veulent témoigner le feront sur une base volontaire.",
     "le groupe tienne un kiosque et une soirée de témoignages pendant la Semaine de la santé mentale.",
     "Réserver la salle de la bibliothèque et préparer les dépliants"),
    ("Renouvellement du bail du local",
     "Le propriétaire propose une hausse de 3 % et des travaux d'accessibilité à l'entrée. Le conseil souhaite "
     "un bail de trois ans.",
     "la présidence soit autorisée à signer un bail de trois ans aux conditions présentées.",
     "Signer le bail et transmettre une copie à la trésorerie"),
    ("Code de vie du centre",
     "Des membres ont demandé de revoir le code de vie avec des mots plus simples. Une rencontre ouverte à tous "
     "les membres a permis de recueillir les propositions.",
     "le code de vie révisé par les membres soit adopté et affiché dans le local.",
     "Imprimer et afficher le code de vie révisé"),
    ("Formation sur l'approche alternative en santé mentale",
     "Le regroupement régional offre une formation de deux jours. Les membres du conseil et les bénévoles "
     "pourraient y participer.",
     "le groupe paie l'inscription de quatre personnes, dont au moins deux membres.",
     "Inscrire les personnes à la formation"),
    ("Fête de fin d'année des membres",
     "Le comité des membres organise un souper partage et un échange de cadeaux à petit prix.",
     "un budget de 400 $ soit accordé au comité des membres pour la fête de fin d'année.",
     ""),
    ("Achat d'un ordinateur pour les membres",
     "L'ordinateur de la salle commune ne fonctionne plus. Plusieurs membres l'utilisaient pour leurs démarches.",
     "le groupe achète un ordinateur reconditionné pour la salle commune, pour un maximum de 600 $.",
     "Acheter et installer l'ordinateur"),
    ("Participation au regroupement régional",
     "Une assemblée du regroupement aura lieu le mois prochain. On cherche une personne déléguée parmi les membres.",
     "le groupe délègue une personne membre et une personne intervenante à l'assemblée du regroupement.",
     "Confirmer l'inscription des personnes déléguées"),
    ("Réseau de soutien téléphonique",
     "Le réseau compte une quinzaine de membres qui ont accepté d'y être. On propose une rencontre d'accueil "
     "pour les nouvelles personnes et un rappel des limites de chacun·e.",
     "une rencontre d'accueil du réseau de soutien téléphonique soit tenue chaque saison.",
     "Organiser la rencontre d'accueil du réseau"),
)

FINANCE_NOTES = (
    "La trésorerie présente l'état des résultats au {date}. Les dépenses suivent les prévisions budgétaires.",
    "Les revenus d'autofinancement (vente de garage, dons) dépassent les prévisions. Le solde bancaire est sain.",
    "Un léger déficit est prévu à la fin de l'exercice à cause de la hausse du loyer; le conseil suivra la situation.",
)
COORDINATION_NOTES = (
    "La coordination fait le point sur la fréquentation : le centre reçoit en moyenne {n} personnes par jour.",
    "La coordination présente les activités du mois et remercie les bénévoles de la cuisine collective.",
    "La coordination rapporte les démarches auprès du CIUSSS et la participation à la table de concertation.",
)
COMMITTEE_TOPICS = (
    ("Sortie d'été", "Les membres proposent une sortie à la plage municipale avec pique-nique.",
     "le comité organise une sortie à la plage en juillet."),
    ("Atelier d'art-thérapie animé par une membre", "Une membre offre d'animer un atelier de collage.",
     "l'atelier de collage soit ajouté au calendrier, un jeudi sur deux."),
    ("Groupe de discussion du lundi", "On discute de l'heure : plusieurs préfèrent l'après-midi.",
     "le groupe de discussion du lundi ait lieu à 13 h 30."),
    ("Journal des membres", "Trois membres souhaitent relancer le petit journal du centre.",
     "un numéro du journal des membres paraisse chaque saison."),
    ("Accueil des nouvelles personnes", "On propose un système de marrainage par des membres volontaires.",
     "les membres volontaires accueillent les nouvelles personnes lors de leur première visite."),
)
TEAM_TOPICS = (
    ("Horaire des fêtes", "On répartit les présences entre les personnes intervenantes et les bénévoles."),
    ("Accueil des stagiaires", "Deux stagiaires en travail social arriveront à l'automne."),
    ("Mise à jour du cartable d'accueil", "Les procédures d'ouverture et de fermeture du local sont revues."),
)
VARIA = (
    "Aucun point n'est ajouté.",
    "Une membre remercie l'équipe pour l'organisation de la dernière activité.",
    "On rappelle la collecte de vêtements chauds pour l'hiver.",
    "On souligne l'anniversaire du groupe en septembre.",
)
OPENINGS = (
    "La présidence ouvre la séance à {time} et souhaite la bienvenue à toutes et à tous.",
    "La séance est ouverte à {time}. Un tour de table permet à chacun·e de dire comment il ou elle arrive.",
)
REPORT_NOTES = (
    "La coordination et des membres présentent les faits saillants de l'année : la cuisine collective, le "
    "réseau de soutien téléphonique, les ateliers animés par des membres et la Semaine de la santé mentale."
)
ELECTION_NOTES = (
    "{seats} postes sont en élection. Les candidatures reçues sont présentées; chaque personne candidate se "
    "présente en quelques mots. {elected} sont élu·es par acclamation."
)
PLACES = ("Local du groupe, 2145, rue Saint-Vallier Ouest", "Salle communautaire de l'église Saint-Sauveur",
          "Local du groupe", "Centre communautaire du quartier, salle 2")
GUEST_ROLES = ("Regroupement régional des ressources alternatives", "Personne invitée du quartier",
               "Organisme partenaire")

REPORT_WORDS = "le rapport d'activités soit adopté tel que présenté."
REVIEW_WORDS = "le conseil d'administration choisisse la personne qui effectuera la mission d'examen."
RATIFICATION_WORDS = "les actes posés par les administrateur·trices au cours de l'année soient ratifiés."
ORIENTATIONS_NOTES = "Les membres discutent en petits groupes des priorités de l'année qui vient."
PLAN_AMENDMENT = "ajouter « en donnant la priorité à la défense des droits des membres »."
NEXT_MEETING_NOTES = "La prochaine réunion aura lieu dans un mois, au même endroit."
FOLLOW_UP_NOTES = "Chaque point de suivi est revu; les tâches en retard sont reportées."
