"""Reading what the secretary types or imports: phones, e-mail, dates, yes/no, roles, amounts."""

from __future__ import annotations

import datetime as dt

import pytest

from entraide_desktop.data.errors import ValidationError
from entraide_desktop.data.members.fields import health_words_in
from entraide_desktop.data.validation import (
    normalise_email,
    normalise_phone,
    parse_amount,
    parse_bool,
    parse_date,
    parse_roles,
    parse_status,
    phone_digits,
)


@pytest.mark.parametrize("typed", ["(418) 555-1234", "418.555.1234", "4185551234", "1-418-555-1234",
                                   "+1 418 555 1234", " 418-555-1234 ", "418/555-1234"])
def test_phone_numbers_take_the_quebec_form(typed):
    assert normalise_phone(typed) == "418 555-1234"


def test_phone_extension_is_kept_and_empty_is_none():
    assert normalise_phone("418 555-1234 poste 22") == "418 555-1234, poste 22"
    assert normalise_phone("(819) 555-0000 ext. 5") == "819 555-0000, poste 5"
    assert normalise_phone("   ") is None
    assert phone_digits("418 555-1234, poste 22") == "4185551234"


@pytest.mark.parametrize(("typed", "words"), [
    ("555-1234", "indicatif régional"),
    ("418 555 123", "dix chiffres"),
    ("018 555-1234", "dix chiffres"),
    ("appeler Lucie", "caractères inattendus"),
])
def test_bad_phone_numbers_are_explained(typed, words):
    with pytest.raises(ValidationError) as caught:
        normalise_phone(typed, "mobile")
    assert words in caught.value.message
    assert caught.value.field == "mobile"


def test_email_is_checked_and_its_domain_lowered():
    assert normalise_email(" Helene.Cote@Exemple.ORG ") == "Helene.Cote@exemple.org"
    assert normalise_email("mailto:a@b.ca") == "a@b.ca"
    assert normalise_email("") is None
    for bad in ("helene@exemple", "helene.exemple.org", "a@@b.ca", "a b@c.ca", "a@b..ca"):
        with pytest.raises(ValidationError) as caught:
            normalise_email(bad)
        assert "n'est pas une adresse courriel valide" in caught.value.message


@pytest.mark.parametrize(("typed", "expected"), [
    ("2019-03-15", dt.date(2019, 3, 15)),
    ("15/03/2019", dt.date(2019, 3, 15)),
    ("15-03-2019", dt.date(2019, 3, 15)),
    ("5/3/2019", dt.date(2019, 3, 5)),
    ("2019/3/5", dt.date(2019, 3, 5)),
    ("03/15/2019", dt.date(2019, 3, 15)),  # month first only when day first is impossible
    ("15 mars 2019", dt.date(2019, 3, 15)),
    ("1er août 2020", dt.date(2020, 8, 1)),
    ("le jeudi 1 février 2024", dt.date(2024, 2, 1)),
    ("2019-03-15 00:00:00", dt.date(2019, 3, 15)),
    ("15/03/19", dt.date(2019, 3, 15)),
    ("15/03/98", dt.date(1998, 3, 15)),
])
def test_quebec_date_forms(typed, expected):
    assert parse_date(typed, today=dt.date(2026, 11, 25)) == expected


def test_impossible_and_unknown_dates_are_refused_with_reasons():
    with pytest.raises(ValidationError) as caught:
        parse_date("31/02/2019", "member_since")
    assert caught.value.message == "La date « 31/02/2019 » n'existe pas."
    assert caught.value.field == "member_since"
    with pytest.raises(ValidationError) as caught:
        parse_date("hier")
    assert "2019-03-15 ou 15/03/2019" in caught.value.message
    with pytest.raises(ValidationError):
        parse_date("1492-10-12")
    assert parse_date("") is None


@pytest.mark.parametrize(("typed", "expected"), [
    ("oui", True), ("OUI", True), ("x", True), ("X", True), ("1", True), ("yes", True), ("Vrai", True),
    ("non", False), ("0", False), ("no", False), ("N", False), ("", None), ("  ", None),
])
def test_yes_no_cells(typed, expected):
    assert parse_bool(typed) is expected


def test_unclear_yes_no_is_refused():
    with pytest.raises(ValidationError) as caught:
        parse_bool("peut-être")
    assert "écrivez oui ou non" in caught.value.message


def test_roles_and_status_words():
    assert parse_roles("Bénévole, Membre") == ["membre", "benevole"]
    assert parse_roles("membre/CA") == ["membre", "administrateur"]
    assert parse_roles("Intervenante") == ["intervenant"]
    assert parse_roles("Member and Board") == ["membre", "administrateur"]
    with pytest.raises(ValidationError) as caught:
        parse_roles("Présidente")
    assert "Rôle inconnu « Présidente »" in caught.value.message
    assert parse_status("Active") == ("actif", False)
    assert parse_status("archivé") == ("inactif", True)
    assert parse_status("") == (None, False)


def test_amounts():
    assert parse_amount("5,00 $") == "5.00"
    assert parse_amount("10") == "10.00"
    assert parse_amount("Gratuit") == "0.00"
    assert parse_amount("") is None
    with pytest.raises(ValidationError):
        parse_amount("cinq piasses")
    with pytest.raises(ValidationError):
        parse_amount("-5")


def test_health_words_are_spotted_for_a_gentle_warning():
    assert health_words_in("Aime la cuisine collective du jeudi.") == []
    assert "diagnostic" in health_words_in("Diagnostic reçu en 2019")
    assert "medication" in health_words_in("Change de médication")
