"""Sync between the group's machines by file, with no server (see SYNC.md and docs/sync.md).

- :mod:`.bundle` and :mod:`.container`: the sealed exchange file (one per machine, full state);
- :mod:`.exchange`: export to a folder or a USB key, import with a summary;
- :mod:`.merge`: the merge of another machine's state through ``rows.py``;
- :mod:`.folder`: the shared sync folder (one exchange round);
- :mod:`.join`: setting up a new machine from a join file and a one-time code;
- :mod:`.machines`, :mod:`.conflicts`, :mod:`.summary`: what the sync screen shows;
- :mod:`.reminders`: conflicts waiting and quiet machines, on the home page.
"""
