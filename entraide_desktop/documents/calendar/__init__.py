"""Calendar documents: the ICS file (icalendar) and the printable wall calendar (QPdfWriter)."""
