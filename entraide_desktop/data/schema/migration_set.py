"""The one migration set every area's schema module registers into.

It lives apart from ``schema/__init__.py`` so that an area module can import it without importing
its own package half-built (the package imports every area module, in order). Reading the set's
list of migrations happens here and only here.
"""

from __future__ import annotations

from sqlite_utils import Migrations

MIGRATIONS = Migrations("entraide")


def known_migrations() -> list[str]:
    return [m.name for m in MIGRATIONS._migrations]


def schema_version() -> int:
    """Number of migrations this app knows: grows with every release that changes the schema."""
    return len(MIGRATIONS._migrations)
