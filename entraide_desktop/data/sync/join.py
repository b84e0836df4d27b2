"""Setting up another computer of the group: a join file and a one-time code (« code de jumelage »).

The machine that holds the register writes a join file: its exchange file plus the group's
id and sync key, encrypted with a key derived (argon2id) from a random 12-character code
shown on its screen and never written anywhere. The code is valid for a limited time. On the
new computer, the file and the code give the group key; a new encrypted database is created
there (its own data key, passphrase and recovery key) in that group, and the exchange file
is imported, so a new machine never starts from an empty group by mistake.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import secrets
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ...config import Paths
from ...i18n import _, format_datetime
from .. import connection, files, group, keys
from ..errors import EntraideError, ValidationError
from ..store import Store
from . import bundle as bundles
from . import container, exchange, identity, invitations, machines
from .container import BundleRefused
from .signed import entry_of_list as _entry
from .summary import ImportSummary
from ..errors import user_facing_errors

MAGIC = b"ENTRJOIN"
FORMAT_VERSION = 1
SUFFIX = ".entraide-jumelage"
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford's base 32: no I, L, O, U
CODE_LENGTH = 12  # 60 bits, stretched by argon2id
VALID_HOURS = 48
_LOOK_ALIKES = str.maketrans({"O": "0", "I": "1", "L": "1", "U": "V"})

ProgressFn = Callable[[int, int, str], None]


def new_code() -> str:
    raw = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
    return "-".join(raw[i : i + 4] for i in range(0, CODE_LENGTH, 4))


def normalise_code(text: str) -> str:
    """The code as typed, tolerant of spaces, dashes, case and look-alike letters."""
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum()).translate(_LOOK_ALIKES)
    if len(cleaned) != CODE_LENGTH or any(ch not in ALPHABET for ch in cleaned):
        raise ValidationError(
            _("Le code de jumelage compte {n} caractères (lettres et chiffres), par exemple « 7KQ2-M9XD-4TBW ».").format(
                n=CODE_LENGTH
            ),
            "code",
        )
    return cleaned


@dataclass(frozen=True)
class Invitation:
    path: Path
    code: str
    expires: dt.datetime


def _group_name(store: Store) -> str:
    return group.profile(store).name


def prepare(store: Store, folder: Path, *, hours: int = VALID_HOURS, now_ms: int | None = None,
            progress: ProgressFn | None = None) -> Invitation:
    """Write a join file into ``folder``; returns it with the code to show (never stored)."""
    report = progress or (lambda _d, _t, _s="": None)
    folder = Path(folder)
    if not folder.is_dir():
        raise EntraideError(_("Le dossier « {path} » est introuvable (la clé USB est-elle branchée ?).").format(path=folder))
    if not 1 <= hours <= 24 * 14:
        raise ValidationError(_("Un code de jumelage est valable de 1 heure à 14 jours."), "hours")
    report(0, 3, _("Préparation du fichier de jumelage…"))
    exported, _header = bundles.build(store)
    group_id, group_key = connection.group_secret(store)
    code = new_code()
    created = now_ms or machines.now_ms()
    expires = created + hours * 3_600_000
    invitation = invitations.issue(store, created, expires)
    secret = {
        "group": group_id, "key": base64.b64encode(group_key).decode("ascii"), "group_name": _group_name(store),
        "machine": machines.machine_name(store), "site": store.site_id,
        # Signed exchanges: the group's machines and their keys, the invitation the new machine will prove.
        "generation": keys_generation(store), "machines": identity.export_list(store), "invitation": invitation,
    }
    salt = secrets.token_bytes(16)
    kdf = dict(keys.DEFAULT_KDF)
    header = {"invitation": str(uuid.uuid4()), "created": created, "expires": expires, "kdf": kdf,
              "salt": base64.b64encode(salt).decode("ascii")}
    report(1, 3, _("Chiffrement avec le code de jumelage…"))
    wrapping = keys.derive_key(normalise_code(code), salt, kdf)
    payload = json.dumps(secret, ensure_ascii=False).encode("utf-8") + b"\n" + exported
    data = container.seal(MAGIC, FORMAT_VERSION, header, payload, wrapping)
    target = folder / f"jumelage-{dt.date.today().isoformat()}{SUFFIX}"
    report(2, 3, _("Écriture du fichier…"))

    with user_facing_errors(str(folder)):
        container.write_safely(target, data)
        if container.read_limited(target, len(data)) != data:
            raise EntraideError(_("Le fichier de jumelage relu est différent de celui écrit : réessayez avec une autre clé USB."))
    report(3, 3, _("Terminé."))
    return Invitation(target, code, machines.from_ms(expires) or dt.datetime.now())


def keys_generation(store: Store) -> int:
    return identity.key_generation(store)


@dataclass(frozen=True)
class OpenedInvitation:
    group_id: str
    group_key: bytes
    group_name: str
    machine: str
    created: dt.datetime
    expires: dt.datetime
    bundle: bytes
    generation: int = 0
    machines: tuple[dict, ...] = ()
    invitation: dict | None = None


def open_invitation(path: Path, code: str, *, now_ms: int | None = None) -> OpenedInvitation:
    """Check a join file and its code; a clear message for a wrong code, an expired or damaged file."""
    path = Path(path)
    cleaned = normalise_code(code)
    data = container.read_limited(path, bundles.MAX_FILE_BYTES)
    sealed = container.parse(data, MAGIC, FORMAT_VERSION, what=path.name)
    now = now_ms or machines.now_ms()
    try:
        expires = int(sealed.header["expires"])
        created = int(sealed.header["created"])
        salt = base64.b64decode(str(sealed.header["salt"]), validate=True)
        kdf = dict(sealed.header["kdf"])
        # The parameters are read before the file is authenticated: refuse absurd ones (memory, time).
        if not (1 <= int(kdf["time_cost"]) <= 16 and 8 <= int(kdf["memory_cost"]) <= 1_048_576
                and 1 <= int(kdf["parallelism"]) <= 16):
            raise ValueError("kdf")
    except (KeyError, ValueError, TypeError):
        raise container._truncated(path.name) from None
    if now > expires:
        raise BundleRefused(
            _(
                "Ce fichier de jumelage a expiré le {when}. Sur le poste qui contient le registre, préparez-en un "
                "nouveau (Synchronisation → « Préparer un nouveau poste »)."
            ).format(when=format_datetime(machines.from_ms(expires) or dt.datetime.now()))
        )
    wrapping = keys.derive_key(cleaned, salt, kdf)
    try:
        payload = sealed.open(wrapping)
    except BundleRefused:
        raise BundleRefused(
            _(
                "Ce code de jumelage ne correspond pas à ce fichier (ou le fichier a été abîmé). Vérifiez chaque "
                "caractère du code affiché sur l'autre poste."
            )
        ) from None
    try:
        head, _sep, exported = payload.partition(b"\n")
        secret = json.loads(head.decode("utf-8"))
        key = base64.b64decode(secret["key"], validate=True)
        if len(key) != 32:
            raise ValueError("key")
    except (KeyError, ValueError, TypeError, UnicodeDecodeError):
        raise BundleRefused(_("Le contenu de ce fichier de jumelage est illisible.")) from None
    listed = secret.get("machines") if isinstance(secret.get("machines"), list) else []
    return OpenedInvitation(
        group_id=str(secret["group"]), group_key=key, group_name=str(secret.get("group_name", "")),
        machine=str(secret.get("machine", "")), created=machines.from_ms(created) or dt.datetime.now(),
        expires=machines.from_ms(expires) or dt.datetime.now(), bundle=exported,
        generation=int(secret.get("generation", 0) or 0), machines=tuple(e for e in listed if isinstance(e, dict)),
        invitation=secret.get("invitation") if isinstance(secret.get("invitation"), dict) else None,
    )


@dataclass
class Joined:
    store: Store
    recovery_key: str
    summary: ImportSummary


def join_group(paths: Paths, invitation: OpenedInvitation, *, person: str, passphrase: str, machine_name: str,
               progress: ProgressFn | None = None) -> Joined:
    """Create this computer's database in the invitation's group and import the group's data.

    Nothing is left behind when something fails (the new files are removed).
    """
    report = progress or (lambda _d, _t, _s="": None)
    if not person.strip():
        raise ValidationError(_("Indiquez votre nom : il sert à savoir qui a modifié quoi."), "person")
    if not " ".join(machine_name.split()):
        raise ValidationError(_("Donnez un nom à ce poste, par exemple « Portable du secrétariat »."), "machine_name")
    keys.check_passphrase_strength(passphrase)
    report(0, 0, _("Création de la base de données chiffrée de ce poste…"))
    created = connection.create_database(
        paths, group_name=invitation.group_name, region="", person=person, passphrase=passphrase,
        group=(invitation.group_id, invitation.group_key),
    )
    store = created.store
    try:
        machines.set_machine_name(store, machine_name)
        _take_keys_of(store, invitation)
        summary = exchange.import_bytes(
            store, invitation.bundle, invitation.machine or _("fichier de jumelage"), progress or report, backup=False,
            joining=True,
        )
    except BaseException:
        store.close()
        _remove_new_database(paths)
        raise
    return Joined(store, created.recovery_key, summary)


def discard_join_file(path: Path) -> bool:
    """Delete a join file that has served (one use); False when it cannot be (read-only key, file held open)."""
    try:
        files.unlink(Path(path))
    except (OSError, files.FileInUse):
        return False
    return True


def _take_keys_of(store: Store, invitation: OpenedInvitation) -> None:
    """The new machine trusts the group's machines as the join file lists them (its code authenticated them)."""
    with store.write():
        if invitation.generation:
            store.set_local("group_key_generation", str(invitation.generation))
        for entry in invitation.machines:
            checked = _entry(entry)
            if checked is None or checked["site"] == store.site_id:
                continue
            identity.trust(store, checked["site"], name=checked["name"], signing=identity.unb64(checked["signing"], 32),
                           box=identity.unb64(checked["box"], 32), introduced_by=checked["introduced_by"],
                           key_generation=invitation.generation)
            if checked["revoked"] is not None:
                identity.revoke(store, checked["site"], checked["revoked_counter"] or 0, checked["revoked"])
        if invitation.invitation:
            invitations.remember(store, invitation.invitation)
        identity.own(store)


def _remove_new_database(paths: Paths) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(str(paths.database) + suffix).unlink(missing_ok=True)
    paths.key_file.unlink(missing_ok=True)
