"""Documents of the meetings area: a meeting's procès-verbal and the year's AGA package (PDF, ODT)."""

from __future__ import annotations

from ..render import FORMATS
from .minutes import export_minutes
from .package import export_package

__all__ = ["FORMATS", "export_minutes", "export_package"]
