"""Schema and migrations of the group database.

One ``sqlite_utils.Migrations`` set; each area registers its migrations in its own module
below, imported in a fixed order. Migrations are only ever appended. The schema version is
the number of migrations this app knows; a database with applied migrations that this app
does not know comes from a newer version and is refused before anything is changed.
"""

from __future__ import annotations

from .migration_set import MIGRATIONS, known_migrations, schema_version  # noqa: F401  (re-exported)

from . import core  # noqa: E402,F401  (registration order matters)
from . import members  # noqa: E402,F401
from . import calendar  # noqa: E402,F401
from . import responsibilities  # noqa: E402,F401
from . import meetings  # noqa: E402,F401
from . import sync  # noqa: E402,F401
from . import maintenance  # noqa: E402,F401
from . import imports  # noqa: E402,F401
from . import treasury  # noqa: E402,F401
from . import signing  # noqa: E402,F401

