"""This computer's preferences: typed, with one default each, and never a reason for the app not to start."""

from __future__ import annotations

import json

from entraide_desktop.config import Settings, load_settings, save_settings, update_settings


def test_no_file_gives_the_defaults(paths):
    assert load_settings(paths) == Settings()
    assert load_settings(paths).text_size == 100 and load_settings(paths).language == "fr"


def test_a_change_is_saved_and_read_back(paths):
    update_settings(paths, language="en", lock_minutes=3, text_size=150)
    saved = load_settings(paths)
    assert (saved.language, saved.lock_minutes, saved.text_size) == ("en", 3.0, 150)
    assert not paths.settings_file.with_suffix(".tmp").exists()


def test_a_wrong_type_falls_back_to_its_default_and_the_other_keys_are_kept(paths):
    paths.config_dir.mkdir(parents=True, exist_ok=True)
    paths.settings_file.write_text(json.dumps({"language": "en", "text_size": "énorme", "high_contrast": 1,
                                               "lock_minutes": 5}), encoding="utf-8")
    saved = load_settings(paths)
    assert (saved.language, saved.text_size, saved.high_contrast, saved.lock_minutes) == ("en", 100, False, 5.0)


def test_a_key_from_a_newer_version_is_kept_when_saving(paths):
    paths.config_dir.mkdir(parents=True, exist_ok=True)
    paths.settings_file.write_text(json.dumps({"future_option": [1, 2], "language": "en"}), encoding="utf-8")
    update_settings(paths, text_size=125)
    raw = json.loads(paths.settings_file.read_text(encoding="utf-8"))
    assert raw["future_option"] == [1, 2] and raw["text_size"] == 125 and raw["language"] == "en"


def test_a_damaged_file_gives_the_defaults_and_is_kept_aside(paths):
    paths.config_dir.mkdir(parents=True, exist_ok=True)
    for damaged in (b'{"language": "en", "text_si', b"\xff\xfe\x00 pas du JSON", b"[1, 2, 3]", b"{" + b" " * 1_100_000 + b"}"):
        paths.settings_file.write_bytes(damaged)
        assert load_settings(paths) == Settings()
        aside = paths.settings_file.with_name("preferences.json.abime")
        assert aside.read_bytes() == damaged and not paths.settings_file.exists()


def test_an_unknown_preference_name_is_a_programming_error(paths):
    import pytest

    with pytest.raises(TypeError):
        update_settings(paths, colour="bleu")


def test_the_file_is_read_once_until_it_changes(paths, monkeypatch):
    update_settings(paths, language="en")
    load_settings(paths)
    reads = []
    original = type(paths.settings_file).read_text
    monkeypatch.setattr(type(paths.settings_file), "read_text",
                        lambda self, *a, **k: reads.append(self) or original(self, *a, **k))
    for _ in range(5):
        assert load_settings(paths).language == "en"
    assert reads == []
    save_settings(paths, Settings(language="fr", text_size=200))
    assert load_settings(paths).text_size == 200


def test_a_value_of_the_right_type_but_out_of_range_falls_back_to_its_default(paths):
    paths.config_dir.mkdir(parents=True, exist_ok=True)
    paths.settings_file.write_text(json.dumps({"language": "klingon", "lock_minutes": -5, "text_size": 300,
                                               "calendar_view": "année"}), encoding="utf-8")
    saved = load_settings(paths)
    assert (saved.language, saved.lock_minutes, saved.text_size, saved.calendar_view) == ("fr", 10.0, 100, "month")
    assert update_settings(paths, lock_minutes=100_000).lock_minutes == 10.0  # never a lock after 69 days
    assert update_settings(paths, lock_minutes=0, language="en").lock_minutes == 0  # 0: never lock
    assert load_settings(paths).language == "en"
