"""Entraide: member register, calendar, shared responsibilities and minutes for peer-support groups."""

__version__ = "0.1.0"
APP_NAME = "Entraide"
APP_ID = "org.entraide.Entraide"
