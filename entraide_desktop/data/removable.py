"""Which mounted volumes are USB keys (or memory cards), to offer them first when a file goes out.

On Windows a key is a drive letter (« E: ») whose drive type is removable; elsewhere it is mounted
under /media, /run/media or /mnt (Linux) or /Volumes (macOS). The list of mounted volumes comes
from the caller (the screens ask Qt's QStorageInfo); this module only decides and names, without Qt.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..i18n import _, format_number

DRIVE_REMOVABLE = 2  # GetDriveTypeW: a USB key or a card reader
POSIX_PLACES = ("/media/", "/run/media/", "/mnt/")
MAC_PLACES = ("/Volumes/",)


@dataclass(frozen=True)
class Volume:
    root: str  # "E:/" on Windows (as Qt writes it), "/media/marie/CLE" elsewhere
    label: str = ""
    free_bytes: int = 0
    ready: bool = True
    read_only: bool = False


def windows_drive_type(root: str) -> int:
    """The Windows drive type of ``root`` (« E:/ »); 0 (unknown) elsewhere or on failure."""
    if sys.platform != "win32":
        return 0
    import ctypes  # deferred: only on Windows, and off the start-up path

    try:
        return int(ctypes.windll.kernel32.GetDriveTypeW(root.replace("/", "\\")))  # type: ignore[attr-defined]
    except (AttributeError, OSError):
        return 0


def is_removable(root: str, platform: str = sys.platform,
                 drive_type: Callable[[str], int] = windows_drive_type) -> bool:
    if platform == "win32":
        return drive_type(root) == DRIVE_REMOVABLE
    places = MAC_PLACES if platform == "darwin" else POSIX_PLACES
    return any(root.startswith(place) and len(root) > len(place) for place in places)


def removable(volumes: Iterable[Volume], platform: str = sys.platform,
              drive_type: Callable[[str], int] = windows_drive_type) -> list[Volume]:
    """The volumes a file can be written to that are USB keys, by drive letter or path."""
    found = [v for v in volumes if v.ready and not v.read_only and is_removable(v.root, platform, drive_type)]
    return sorted(found, key=lambda v: v.root.casefold())


def describe(volume: Volume, platform: str = sys.platform) -> str:
    """« E: — KINGSTON (14,2 Go libres) », or the path and the free space off Windows."""
    where = volume.root.rstrip("/\\") if platform == "win32" else volume.root
    free = _("{size} Go libres").format(size=format_number(round(volume.free_bytes / 1024**3, 1)))
    if volume.label:
        return _("{where} — {label} ({free})").format(where=where, label=volume.label, free=free)
    return _("{where} ({free})").format(where=where, free=free)
