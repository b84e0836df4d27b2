"""Documents of the meetings area: a meeting's procès-verbal and the year's AGA package (PDF, ODT)."""

from __future__ import annotations

from .minutes import export_minutes
from .package import export_package
from .render import FORMATS

__all__ = ["FORMATS", "export_minutes", "export_package"]
