"""Tables of the maintenance area (migrations are appended here as the area grows)."""

from __future__ import annotations

from . import MIGRATIONS  # noqa: F401
