"""Files only the user can read: the one place that sets how Entraide creates files on POSIX.

The database, its key file, the backups, the minutes (PDF/ODT), the exchange and join files and
the exports are private to the person's account: another account on a shared computer must not
copy the key file and guess passphrases offline. On POSIX, the process's umask is set to 077 at
start, so every file any writer creates (SQLite, tempfile, open(), Qt's PDF writer) is 0600 and
every folder 0700, without each writer having to think of it; files made by older versions are
tightened when the database opens. On Windows there is nothing to do: the files live in the
person's own profile (AppData), which other accounts cannot read.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

PRIVATE_UMASK = 0o077
FILE_MODE = 0o600
FOLDER_MODE = 0o700


def applies() -> bool:
    """Whether permissions are ours to set (POSIX); on Windows the user profile protects the files."""
    return os.name == "posix"


def restrict_umask() -> None:
    """From now on, files and folders this process creates are readable by the user only."""
    if applies():
        os.umask(PRIVATE_UMASK)


def make_private(*paths: Path) -> None:
    """Tighten existing files (0600) and folders (0700); missing or foreign ones are left alone."""
    if not applies():
        return
    for path in paths:
        try:
            mode = path.stat().st_mode
            wanted = FOLDER_MODE if stat.S_ISDIR(mode) else FILE_MODE
            if stat.S_IMODE(mode) & ~wanted:
                path.chmod(wanted)
        except OSError:
            continue  # not there, or not ours (a USB key's FAT has no modes): nothing to tighten
