"""Fictional first and last names common in Quebec (no real person is meant)."""

FIRST_NAMES = (
    "Céline", "Stéphane", "Isabelle", "Sébastien", "Claude", "André", "Mélanie", "Pierre-Luc", "Francine",
    "François", "Lucie", "Réjean", "Noémie", "Normand", "Geneviève", "Jocelyn", "Luc", "Hélène", "Gaétan",
    "Josée", "Sylvain", "Manon", "Denis", "Chantal", "Martin", "Nathalie", "Éric", "Julie", "Marc-André",
    "Sophie", "Yves", "Diane", "Mathieu", "Ginette", "Jean-François", "Karine", "Alain", "Lise", "Benoît",
    "Marie-Ève", "Daniel", "Suzanne", "Guylaine", "Rémi", "Annie", "Serge", "Véronique", "Robert", "Louise",
    "Maxime", "Émilie", "Gilles", "Caroline", "Raymond", "Johanne", "Frédéric", "Nicole", "Patrice", "Andrée",
    "Kevin", "Amélie", "Richard", "Micheline", "Samuel", "Jacinthe", "Bruno", "Solange", "Olivier", "Thérèse",
    "Fatima", "Mamadou", "Nguyen", "Yasmine", "Ahmed", "Paola", "Wilfried", "Aïcha", "Carlos", "Marjolaine",
)

LAST_NAMES = (
    "Tremblay", "Gagnon", "Roy", "Côté", "Bouchard", "Gauthier", "Morin", "Lavoie", "Fortin", "Gagné",
    "Ouellet", "Pelletier", "Bélanger", "Lévesque", "Bergeron", "Leblanc", "Paquette", "Girard", "Simard",
    "Boucher", "Caron", "Beaulieu", "Cloutier", "Dubé", "Poirier", "Fournier", "Lapointe", "Leclerc",
    "Lefebvre", "Poulin", "Thibault", "St-Pierre", "Nadeau", "Martin", "Landry", "Martel", "Bédard",
    "Grenier", "Lessard", "Bernier", "Richard", "Michaud", "Hébert", "Desjardins", "Couture", "Turcotte",
    "Lachance", "Parent", "Blais", "Gosselin", "Savard", "Proulx", "Beaudoin", "Demers", "Perreault",
    "Boivin", "Champagne", "Thériault", "Ménard", "Diallo", "Traoré", "Pham", "Benali", "Rodriguez",
)

STREETS = (
    "rue Saint-Jean", "boulevard Charest Est", "rue du Parvis", "avenue Cartier", "rue de la Couronne",
    "chemin Sainte-Foy", "rue Saint-Vallier Ouest", "boulevard René-Lévesque", "rue des Lilas", "3e Avenue",
)

AREA_CODES = ("418", "581", "819", "514", "438", "450")

CHOSEN_NAMES = (
    "Lulu", "Pat", "Jo", "Mimi", "Coco", "Max", "Sam", "Alex", "Charlie", "Nico", "Ti-Guy", "Manu", "Fanfan",
    "Gigi", "Dom", "Val", "Kim", "Loulou", "Titi", "Ben",
)
"""Chosen names some people go by (the register shows them everywhere)."""

RELATIONS = (
    "sa sœur", "son frère", "sa fille", "son fils", "une amie", "un ami", "sa conjointe", "son conjoint",
    "sa mère", "son père", "sa voisine", "sa cousine",
)

CONTACT_HOURS = (
    "En soirée", "Avant midi", "Après 13 h", "La fin de semaine", "En semaine, de jour", "Entre 10 h et 16 h",
    "Pas avant 10 h", "Le mardi et le jeudi",
)

NOTES = (
    "Aime animer l'atelier d'écriture.",
    "Préfère qu'on l'appelle par son nom choisi.",
    "Disponible pour la cuisine collective du jeudi.",
    "Ne veut pas d'appels avant 10 h.",
    "Membre du comité des membres.",
    "A offert d'aider au déménagement du local.",
    "Parle espagnol et français : peut accueillir les nouvelles personnes hispanophones.",
    "Vient surtout aux cafés-rencontres du mardi.",
    "Apporte souvent des livres pour la petite bibliothèque.",
    "Intéressée à donner un coup de main pour l'AGA.",
    "A proposé un atelier de tricot pour l'hiver.",
    "Préfère recevoir les nouvelles par la poste.",
)
"""Organisational notes only: the register never holds health information."""
