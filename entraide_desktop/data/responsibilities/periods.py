"""Rows that hold over a period of days (an assignment, an absence): the one condition that finds
those overlapping [start, end]. A row without an end is still running."""

from __future__ import annotations

import datetime as dt


def overlapping(start: dt.date | None, end: dt.date | None, *, alias: str = "",
                **equal: str | int | None) -> tuple[str, list[str | int]]:
    """``(condition, arguments)`` for rows not archived, with each given ``column=value`` (a None
    value is no condition), whose [start_on, end_on] meets [start, end]; a bound left None is open.
    ``alias`` names the table in a join (« a » gives ``a.start_on``)."""
    col = f"{alias}." if alias else ""
    where, args = [f"{col}archived = 0"], []
    for column, value in equal.items():
        if value is not None:
            where.append(f"{col}{column} = ?")
            args.append(value)
    if end is not None:
        where.append(f"{col}start_on <= ?")
        args.append(end.isoformat())
    if start is not None:
        where.append(f"({col}end_on IS NULL OR {col}end_on >= ?)")
        args.append(start.isoformat())
    return " AND ".join(where), args
