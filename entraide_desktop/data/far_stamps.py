"""Repair of a database whose clock was poisoned by a far-future stamp (before exchange files were checked).

A forged record stamped with the largest time (2⁶³−1) used to become the local clock: every
later write then failed with ``OverflowError``, even after a restart, and the record's history
could not be shown. At open, when the stored clock is beyond the year 2200, every stamp beyond
it (versions, history, tombstones) is brought back to 2200-01-01 — a rule that depends on the
stamp alone, so every machine that repairs the same record repairs it the same way — and the
clock restarts from now (``HybridClock``).
"""

from __future__ import annotations

from dataclasses import replace

from .clock import LATEST_WALL_MS, pack, wall_ms
from .store import Store
from .versions import FieldState, decode_record, encode_record

LATEST = pack(LATEST_WALL_MS)


def repair_far_stamps(store: Store, stored_clock: int) -> int:
    """Bring back stamps after 2200 when the stored clock shows they exist; returns the records repaired."""
    if wall_ms(stored_clock) <= LATEST_WALL_MS:
        return 0
    repaired = 0
    with store.write():
        for table, row_id, text in store.db.execute("SELECT tbl, row_id, state FROM _versions WHERE hlc > ?",
                                                    [LATEST]).fetchall():
            state = {name: FieldState(tuple(replace(s, hlc=min(s.hlc, LATEST)) for s in field.siblings), field.context)
                     for name, field in decode_record(text).items()}
            store.db.execute("UPDATE _versions SET state = ?, hlc = ? WHERE tbl = ? AND row_id = ?",
                             [encode_record(state), LATEST, table, row_id])
            repaired += 1
        store.db.execute("UPDATE _history SET hlc = ? WHERE hlc > ?", [LATEST, LATEST])
        store.db.execute("UPDATE _tombstones SET hlc = ? WHERE hlc > ?", [LATEST, LATEST])
        store.persist_clock()
    return repaired
