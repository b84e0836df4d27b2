"""How guessable a new passphrase is: a small rule set with a short French explanation.

The key file can be copied and guessed offline (argon2id makes each guess cost a fraction of a
second a core): what matters is that the passphrase is not among the first million guesses.
A person is refused, with one sentence saying why and what to do, when the passphrase is too
short, repeats a few characters (« aaaaaaaaaa », « abcabcabc »), follows the keyboard or the
alphabet (« azertyuiop », « 123456789 »), is a common password with digits or signs around it
(« motdepasse123 », « Soleil2026! », « P@ssw0rd »), or is mostly the group's name. zxcvbn's
Python port was considered: it judges English words and explains in English; these rules are
enough to stop the guesses tried first, without a dependency.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..i18n import _
from .text import fold

MIN_LENGTH = 10  # characters, whatever else is said of the phrase
MIN_DISTINCT = 5
MIN_OWN_LETTERS = 4
"""Beside the group's name, a passphrase needs at least a short word of its own."""

_ROWS = ("azertyuiop", "qsdfghjklm", "wxcvbn", "qwertyuiop", "asdfghjkl", "zxcvbnm", "qwertzuiop", "yxcvbnm",
         "abcdefghijklmnopqrstuvwxyz", "01234567890", "1qaz2wsx3edc4rfv", "azqswxedc")
_SEQUENCES = _ROWS + tuple(row[::-1] for row in _ROWS)
COMMON = frozenset("""
motdepasse motdepass mdp password passwort passe secret azerty qwerty qwertz admin administrateur
bonjour bonsoir salut soleil loulou doudou chouchou cheri cherie amour jetaime iloveyou monamour
princesse marseille montreal quebec canada canadien canadienne nicolas julien camille chocolat
football hockey canadiens letmein welcome bienvenue dragon monkey master shadow sunshine superman
batman starwars pokemon trustno1 freedom liberte abc123 test essai utilisateur user login connexion
entraide groupe ordinateur clavier famille maison
""".split())

_LEET = str.maketrans({"@": "a", "4": "a", "0": "o", "1": "i", "!": "i", "3": "e", "$": "s", "5": "s",
                       "7": "t"})


@dataclass(frozen=True)
class Advice:
    """``ok`` when the passphrase may be used; ``text`` says why not, or that it is good."""

    ok: bool
    text: str


def estimate(passphrase: str, context: tuple[str, ...] = ()) -> Advice:
    """Judge ``passphrase``; ``context`` holds words a guesser would try first (the group's name)."""
    stripped = passphrase.strip()
    if len(stripped) < MIN_LENGTH:
        return Advice(False, _("Trop courte : au moins {n} caractères. Une courte phrase facile à retenir "
                               "fait l'affaire, par exemple « café du mardi au local ».").format(n=MIN_LENGTH))
    compact = re.sub(r"[\W_]+", "", fold(stripped))
    if len(set(compact)) < MIN_DISTINCT or re.fullmatch(r"(.+)\1+.?", compact):
        return Advice(False, _("Trop facile à deviner : elle répète les mêmes caractères. "
                               "Choisissez plutôt quelques mots qui vont ensemble."))
    if _covered_by_sequences(compact) >= 0.6:
        return Advice(False, _("Trop facile à deviner : elle suit le clavier, l'alphabet ou les chiffres. "
                               "Choisissez plutôt quelques mots qui vont ensemble."))
    letters = re.sub(r"[^a-z]+", "", compact)
    core = re.sub(r"^[\W\d_]+|[\W\d_]+$", "", fold(stripped))  # digits and signs around a word
    leet = re.sub(r"[^a-z]+", "", core.translate(_LEET))
    if any(word in COMMON or (_strip_words(word, COMMON) == "" and len(word) < 16) for word in (letters, leet)):
        return Advice(False, _("Trop facile à deviner : c'est un mot de passe courant, même avec des "
                               "chiffres ou des signes autour. Choisissez plutôt quelques mots qui vont "
                               "ensemble."))
    names = tuple(word for text in context for word in re.findall(r"[a-z0-9]{3,}", fold(text)))
    if names and len(_strip_words(letters, frozenset(names))) < MIN_OWN_LETTERS:
        return Advice(False, _("Trop facile à deviner : elle reprend surtout le nom du groupe. "
                               "Ajoutez des mots à vous."))
    if len(stripped) < 16 and len(stripped.split()) < 3:
        return Advice(True, _("Acceptable. Plus longue (trois ou quatre mots), elle serait plus sûre."))
    return Advice(True, _("Bonne phrase de passe."))


def _covered_by_sequences(text: str) -> float:
    """The share of characters that belong to a run of three or more along a keyboard row or sequence."""
    covered = [False] * len(text)
    for start in range(len(text) - 2):
        for length in range(len(text) - start, 2, -1):
            if any(text[start:start + length] in seq for seq in _SEQUENCES):
                for i in range(start, start + length):
                    covered[i] = True
                break
    return sum(covered) / max(len(text), 1)


def _strip_words(letters: str, words: frozenset[str]) -> str:
    """``letters`` without the listed words (longest first) of four letters or more."""
    for word in sorted((w for w in words if len(w) >= 4 or w.isdigit()), key=len, reverse=True):
        letters = letters.replace(word, "")
    return letters
