"""The data layer's follow-ups, registered whenever a database is opened.

What must follow a change whoever made it (a screen, the command line, a sync import) is
registered with ``store.after_every_change`` by the module that owns the work; importing this
module imports those modules, so that opening a database (``connection.py``) activates them
all. Add a module here when it registers a follow-up.
"""

from __future__ import annotations

from .calendar import public  # the public calendar file follows calendar, members and group changes

REGISTERED = (public,)
