"""Finding 8 (passphrases) replayed: common and repetitive passphrases are refused, with a reason."""

from __future__ import annotations

import pytest

from entraide_desktop.cli import run
from entraide_desktop.data import keys
from entraide_desktop.data.errors import ValidationError
from entraide_desktop.data.passphrase_strength import estimate
from entraide_desktop.demo import DEMO_PASSPHRASE
from tests.conftest import PASSPHRASE

WEAK = {
    "aaaaaaaaaa": "répète",
    "abcabcabcabc": "répète",
    "courtecourte": "répète",
    "azertyuiop": "clavier",
    "qwerty12345": "clavier",
    "1234567890": "clavier",
    "abcdefghijk": "clavier",
    "motdepasse123": "courant",
    "Soleil2026!": "courant",
    "P@ssw0rd2025": "courant",
    "Entraide2026": "courant",
    "lephare2026": "nom du groupe",
    "court": "au moins 10",
}


@pytest.mark.parametrize(("passphrase", "reason"), WEAK.items())
def test_weak_passphrases_are_refused_with_a_french_reason(passphrase, reason):
    advice = estimate(passphrase, ("Le Phare",))
    assert not advice.ok and reason in advice.text
    with pytest.raises(ValidationError, match=reason):
        keys.check_passphrase_strength(passphrase, context=("Le Phare",))


@pytest.mark.parametrize("passphrase", [PASSPHRASE, "ma tante aime les fraises", "Le Phare du mardi soir",
                                        "jaimelepiano", DEMO_PASSPHRASE])
def test_ordinary_phrases_are_accepted(passphrase):
    assert estimate(passphrase, ("Le Phare", "Marie")).ok


def test_a_short_acceptable_one_is_told_it_could_be_longer():
    assert "Plus longue" in estimate("jaimelepiano").text
    assert estimate(PASSPHRASE).text == "Bonne phrase de passe."


def test_the_command_line_refuses_a_weak_passphrase_with_the_reason(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("ENTRAIDE_PASSPHRASE", "aaaaaaaaaa")
    db = tmp_path / "g" / "entraide.db"
    assert run(["init", "--database", str(db), "--group", "Le Phare", "--person", "Marie"]) == 1
    assert "répète les mêmes caractères" in capsys.readouterr().err
    assert not db.exists()


def test_the_setup_dialog_explains_live_why_a_passphrase_is_weak(qtbot, tmp_path):
    from entraide_desktop.config import paths_for
    from entraide_desktop.ui.forms import StrengthHint
    from entraide_desktop.ui.setup_dialog import SetupDialog

    dialog = SetupDialog(paths_for(tmp_path / "n" / "entraide.db"))
    qtbot.addWidget(dialog)
    hint = dialog.findChild(StrengthHint)
    assert hint is not None and "Quelques mots" in hint.text()
    dialog.group_name.setText("Le Phare")
    dialog.passphrase.setText("aaaaaaaaaa")
    assert "répète" in hint.text()
    dialog.passphrase.setText("lephare2026")
    assert "nom du groupe" in hint.text()
    dialog.passphrase.setText(PASSPHRASE)
    assert hint.text().startswith("✓")


@pytest.mark.parametrize("module", ["unlock_dialog", "access_dialogs", "sync.join"])
def test_every_dialog_that_sets_a_passphrase_shows_the_hint(module):
    import importlib
    import inspect

    source = inspect.getsource(importlib.import_module(f"entraide_desktop.ui.{module}"))
    assert source.count("StrengthHint(") == source.count('PassphraseEdit(_("Confirmation')


def test_a_new_demo_database_can_still_be_made_with_its_public_passphrase(tmp_path):
    from entraide_desktop.config import paths_for
    from entraide_desktop.data.connection import create_database
    from entraide_desktop.demo import DEMO_GROUP

    created = create_database(paths_for(tmp_path / "demo" / "entraide-demo.db"), group_name=DEMO_GROUP,
                              region="Capitale-Nationale", person="Secrétariat (démo)", passphrase=DEMO_PASSPHRASE)
    created.store.close()
