"""Check an XLSX file from outside before any parser opens it.

An XLSX is a zip of XML files. A forged one of 1 MB can unpack to hundreds of MB of shared
strings (openpyxl then takes gigabytes), or carry XML entities and a DTD (« billion laughs »,
external files). Before openpyxl sees the file, this module reads the zip's directory and then
streams every member once, counting the bytes really unpacked (a directory can lie about
sizes): too many members, a member or a total too large once unpacked, a compression ratio no
spreadsheet has, or a DTD or entity declaration gets a clear French message, fast and in
bounded memory (one chunk at a time). openpyxl turns to defusedxml only when that package happens
to be installed; rather than depend on it, this check refuses any DTD or entity itself.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from ..i18n import _, format_number
from .errors import EntraideError

MAX_MEMBERS = 500
MAX_MEMBER_BYTES = 64 * 1024 * 1024
"""A 20,000-person register's sheet is about 10 MB of XML: 64 MB is plenty for one member."""
MAX_TOTAL_BYTES = 160 * 1024 * 1024
MAX_RATIO = 200
"""Spreadsheet XML packs 5 to 30 times; a bomb packs a thousand times."""
RATIO_FROM_BYTES = 1024 * 1024
"""The ratio is only judged on members that unpack to more than this (tiny files pack oddly)."""
CHUNK = 256 * 1024
_FORBIDDEN = (b"<!DOCTYPE", b"<!ENTITY")


class UnsafeSpreadsheet(EntraideError):
    """The workbook was refused before it was parsed; the message says why."""


def check_xlsx(path: str | Path, error: type[EntraideError] = UnsafeSpreadsheet) -> None:
    """Raise ``error`` with a French reason when ``path`` is not a workbook that is safe to parse."""
    path = Path(path)
    name = path.name
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            if len(members) > MAX_MEMBERS:
                raise error(_("Le classeur « {name} » contient {n} fichiers internes (au plus {limit}) : "
                              "ce n'est pas une liste de membres ordinaire. Il n'a pas été lu.").format(
                    name=name, n=format_number(len(members)), limit=format_number(MAX_MEMBERS)))
            total = 0
            for member in members:
                total += _check_member(archive, member, name, error, MAX_TOTAL_BYTES - total)
    except EntraideError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, ValueError) as failure:
        raise error(_("Le classeur « {name} » est endommagé ou illisible ({reason}). Ouvrez-le dans votre "
                      "tableur et enregistrez-le de nouveau en .xlsx ou en CSV.").format(
            name=name, reason=type(failure).__name__)) from failure
    except OSError as failure:
        raise error(_("Impossible de lire le fichier « {name} » ({reason}).").format(
            name=name, reason=failure.strerror or failure)) from failure


def _too_big(name: str, error: type[EntraideError]) -> EntraideError:
    return error(_("Le classeur « {name} » devient démesuré une fois décompressé (plus de {limit} Mo) : c'est un "
                   "fichier piégé ou endommagé, pas une liste de membres. Il n'a pas été lu.").format(
        name=name, limit=format_number(MAX_TOTAL_BYTES // (1024 * 1024))))


def _check_member(archive: zipfile.ZipFile, member: zipfile.ZipInfo, name: str,
                  error: type[EntraideError], room: int) -> int:
    """Stream one member; returns the bytes it really unpacks to."""
    if member.file_size > min(MAX_MEMBER_BYTES, room):
        raise _too_big(name, error)
    if member.file_size > RATIO_FROM_BYTES and member.file_size > MAX_RATIO * max(member.compress_size, 1):
        raise _too_big(name, error)
    is_xml = member.filename.endswith((".xml", ".rels", ".vml"))
    unpacked = 0
    tail = b""
    with archive.open(member) as stream:
        while chunk := stream.read(CHUNK):
            if unpacked == 0 and is_xml and chunk.startswith((b"\xff\xfe", b"\xfe\xff", b"<\x00", b"\x00<")):
                raise error(_("Le classeur « {name} » contient du XML dans un codage inhabituel : il n'a pas été "
                              "lu. Enregistrez-le de nouveau en .xlsx avec votre tableur.").format(name=name))
            unpacked += len(chunk)
            if unpacked > min(MAX_MEMBER_BYTES, room):
                raise _too_big(name, error)
            if is_xml and any(mark in tail + chunk for mark in _FORBIDDEN):
                raise error(_("Le classeur « {name} » contient des déclarations XML (DTD ou entités) qu'aucun "
                              "tableur n'écrit : il peut être piégé et n'a pas été lu.").format(name=name))
            tail = chunk[-16:]
    return unpacked
