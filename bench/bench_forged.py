"""Forged exchange files (issue 12): memory and time to refuse one, each measured in a fresh process.

Files of about 1 MB, sealed with a valid group key and signed by a machine the receiver trusts
(an insider: the checks after the signature are what is measured), received by a copy of the
ten-year group:

- ``bombe`` announces a 1 GB content: refused before anything is unpacked;
- ``plein`` unpacks to the most a 1 MB file may (16 MiB + 16 × its size) of valid-looking
  records, the last one claiming a counter of 10¹²: everything is read before the refusal, the
  worst case for memory and time;
- ``menus`` unpacks to as many of the shortest records as the limit allows (the most objects
  per byte), the last one forged;
- ``sans signature``: ``plein`` forged with the group key alone (a person who left): refused at
  the signature, before anything is unpacked;
- ``chaque seconde``: a month view and the public calendar with an activity repeating every
  second stored (as an older version would have merged it).

Targets: extra memory ≤ 256 MiB (the bound stated in docs/sync.md) and refusal ≤ 5 s.

    python bench/bench_forged.py CHILD SCENARIO DATABASE   (one measurement, used by run())
"""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from common import PASSPHRASE, ROOT, Group, Result

MEMORY_TARGET_MB = 256
TIME_TARGET_S = 5.0
FORGER = "f0f0f0f0f0f0f0f0"


def _status_mb(key: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1]) / 1024
    raise KeyError(key)


def _rss_mb() -> float:
    """Resident memory now, after resetting the peak (Linux: /proc/self/clear_refs)."""
    Path("/proc/self/clear_refs").write_text("5")
    return _status_mb("VmRSS")


def _peak_mb() -> float:
    """Peak resident memory since :func:`_rss_mb`."""
    return _status_mb("VmHWM")


def _tiny_payload() -> tuple[bytes, bytes]:
    """As many tiny records as the limit allows (the most Python objects per byte), the last one forged."""
    import uuid
    import zlib

    from entraide_desktop.data.sync.checks import payload_limit, record_limit

    lines = [json.dumps({"machine": "Fabriqué", "peers": []})]
    rng = random.Random(7)

    def tiny(counter: int) -> str:  # about the shortest state accepted, with 16 bytes of noise
        return '{"archived":[[["' + FORGER + f'",1,1,0,"{rng.randbytes(16).hex()}"]],{{"{FORGER}":{counter}}}]}}'

    count = 80_000
    lines += [f"V\tpeople\t{uuid.UUID(int=n)}\t{tiny(1)}" for n in range(1, count)]
    lines.append(f"V\tpeople\t{uuid.UUID(int=0)}\t{tiny(10**13)}")
    payload = "\n".join(lines).encode()
    compressed = zlib.compress(payload, 9)
    assert len(payload) <= payload_limit(len(compressed)), (len(payload), payload_limit(len(compressed)))
    assert count <= record_limit(len(compressed)), (count, record_limit(len(compressed)))
    return payload, compressed


def _full_payload() -> tuple[bytes, bytes]:
    """Valid-looking people records up to the limit for their own compressed size; the last one forged."""
    import uuid
    import zlib

    from entraide_desktop.data.clock import now_ms, pack
    from entraide_desktop.data.sync.checks import payload_limit

    hlc = pack(now_ms())
    rng = random.Random(12)

    def line(n: int, counter: int) -> str:
        value = rng.randbytes(40).hex() + "a" * 2000  # a little noise: about 1 MB once compressed
        state = {"first_name": [[[FORGER, counter, hlc, value, "X"]], {FORGER: counter}]}
        return f"V\tpeople\t{uuid.UUID(int=n)}\t{json.dumps(state)}"

    meta = json.dumps({"machine": "Fabriqué", "peers": []})
    lines, size = [meta], len(meta)
    count = 0
    target = 26 * 2**20
    while size < target:
        count += 1
        lines.append(line(count, 1))
        size += len(lines[-1]) + 1
    lines.append(line(count + 1, 10**12))
    payload = "\n".join(lines).encode()
    compressed = zlib.compress(payload, 6)
    assert len(payload) <= payload_limit(len(compressed)), (len(payload), payload_limit(len(compressed)))
    return payload, compressed


def child(scenario: str, database: str) -> None:
    """One measurement in this (fresh) process; prints a JSON line (Linux only: it reads /proc)."""
    import time
    import zlib

    from entraide_desktop.config import paths_for
    from entraide_desktop.data.connection import unlock
    from entraide_desktop.data.sync import bundle as bundles
    from entraide_desktop.data.sync import container, exchange
    from entraide_desktop.data.sync.container import BundleRefused

    store = unlock(paths_for(Path(database)), PASSPHRASE)
    from entraide_desktop.data.connection import group_secret
    from entraide_desktop.data.schema import schema_version

    if scenario == "chaque seconde":
        import datetime as dt

        from entraide_desktop.data import rows
        from entraide_desktop.data.calendar.expand import occurrences
        from entraide_desktop.data.calendar.public import write_public_calendar

        rows.insert(store, "activities", {"title": "Piège", "start_at": "2026-11-01T10:00:00",
                                          "end_at": "2026-11-01T11:00:00", "rrule": "FREQ=SECONDLY;UNTIL=20300101"})
        before = _rss_mb()
        start = time.perf_counter()
        occurrences(store, dt.datetime(2026, 11, 1), dt.datetime(2026, 12, 1))
        write_public_calendar(store, store.paths)
        print(json.dumps({"seconds": time.perf_counter() - start, "extra_mb": _peak_mb() - before, "size": 0,
                          "message": ""}))
        return
    if scenario == "bombe":
        engine, chunk = zlib.compressobj(9), b"\0" * 2**20
        compressed = b"".join(engine.compress(chunk) for _n in range(1024)) + engine.flush()  # 1 GiB, about 1 MB
        payload, size = b"", 2**30
    else:
        payload, compressed = _full_payload() if scenario in ("plein", "sans signature") else _tiny_payload()
        size = len(payload)
    del payload
    group, _secret = group_secret(store)
    header = {"group": group, "schema": schema_version(), "min_reader": schema_version(), "site": FORGER,
              "machine": "Fabriqué", "bundle": "6f7c2b0e-7a51-4c61-9a8e-2f1d5e0c9b11", "created": 1,
              "vector": {FORGER: 1}, "size": size, "previous_sites": [], "codec": "zlib"}
    if scenario != "sans signature":  # an insider: a machine of the group, trusted, that turned
        header = _signed_by_insider(store, header, compressed)
    data = container.seal(bundles.MAGIC, bundles.FORMAT_VERSION, header, compressed, bundles._key(store))
    del compressed
    before = _rss_mb()
    start = time.perf_counter()
    message = ""
    try:
        exchange.import_bytes(store, data, "fabrique.entraide", backup=False)
    except BundleRefused as refusal:
        message = refusal.message
    print(json.dumps({"seconds": time.perf_counter() - start, "extra_mb": _peak_mb() - before, "size": len(data),
                      "message": message}))


def _signed_by_insider(store, header: dict, compressed: bytes) -> dict:  # noqa: ANN001
    """Sign as FORGER, made a machine the receiver trusts: the checks after the signature are measured."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    from entraide_desktop.data.key_seal import new_key_pair
    from entraide_desktop.data.sync import identity

    signing = Ed25519PrivateKey.generate()
    public = signing.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    _private, box = new_key_pair()
    identity.trust(store, FORGER, name="Fabriqué", signing=public, box=box, introduced_by=store.site_id,
                   replace_key=True)
    header = {**header, "signing": identity.b64(public), "box": identity.b64(box), "keys": {"generation": 0}}
    header["signature"] = identity.b64(signing.sign(identity._file_digest(header, compressed)))
    return header


def run(group: Group) -> list[Result]:
    results = []
    home = tempfile.mkdtemp(prefix="bench-forged-")
    try:
        copy = Path(home) / "groupe"
        shutil.copytree(group.database.parent, copy, ignore=shutil.ignore_patterns("*.lock", "*-wal", "*-shm"))
        env = {**os.environ, "ENTRAIDE_HOME": str(Path(home) / "home")}
        for scenario in ("bombe", "plein", "menus", "sans signature", "chaque seconde"):
            out = subprocess.run([sys.executable, __file__, "CHILD", scenario, str(copy / "entraide.db")], env=env,
                                 capture_output=True, text=True, cwd=ROOT)
            if out.returncode:
                raise RuntimeError(out.stderr[-2000:])
            out = out.stdout
            figures = json.loads(out.strip().splitlines()[-1])
            note = f"fichier de {figures['size'] / 1e6:.2f} Mo" if figures["size"] else ""
            if figures["message"]:
                note += " — refusé : " + figures["message"][:60] + "…"
            results.append(Result(f"fichier fabriqué « {scenario} » : temps", figures["seconds"], "s", TIME_TARGET_S,
                                  note))
            results.append(Result(f"fichier fabriqué « {scenario} » : mémoire en plus", figures["extra_mb"], "Mo",
                                  MEMORY_TARGET_MB))
    finally:
        shutil.rmtree(home, ignore_errors=True)
    return results


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "CHILD":
        child(sys.argv[2], sys.argv[3])
    else:
        from generate import ten_year_group

        for result in run(ten_year_group()):
            print(result.line())
