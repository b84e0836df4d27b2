"""USB keys among the mounted volumes: by drive letter on Windows, by mount place elsewhere."""

from __future__ import annotations

from entraide_desktop.data.removable import DRIVE_REMOVABLE, Volume, describe, removable

FIXED, NETWORK = 3, 4


def test_on_windows_the_removable_drive_letters_are_offered_and_the_system_disk_is_not():
    types = {"C:/": FIXED, "E:/": DRIVE_REMOVABLE, "D:/": DRIVE_REMOVABLE, "Z:/": NETWORK}
    volumes = [Volume("C:/", "Windows", 10**11), Volume("E:/", "KINGSTON", 15_300_000_000),
               Volume("D:/", "CARTE", 0, ready=False), Volume("Z:/", "Partage")]
    keys = removable(volumes, "win32", types.__getitem__)
    assert [v.root for v in keys] == ["E:/"]  # the card reader without a card is not ready
    assert describe(keys[0], "win32") == "E: — KINGSTON (14,2 Go libres)"


def test_a_key_that_is_read_only_is_left_out():
    volumes = [Volume("F:/", "VERROU", 10**9, read_only=True)]
    assert removable(volumes, "win32", lambda _root: DRIVE_REMOVABLE) == []


def test_on_linux_and_macos_keys_are_what_is_mounted_under_media_or_volumes():
    volumes = [Volume("/"), Volume("/home"), Volume("/media/marie/CLE", "CLE", 2 * 1024**3),
               Volume("/run/media/luc/USB"), Volume("/media/"), Volume("/Volumes/CLE")]
    assert [v.root for v in removable(volumes, "linux")] == ["/media/marie/CLE", "/run/media/luc/USB"]
    assert [v.root for v in removable(volumes, "darwin")] == ["/Volumes/CLE"]
    assert describe(volumes[2], "linux") == "/media/marie/CLE — CLE (2 Go libres)"
