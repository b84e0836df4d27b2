"""Fixtures of the sync tests: two or three machines of one group, a USB key folder."""

from __future__ import annotations

import pytest

from tests.sync.helpers import new_group


@pytest.fixture
def usb(tmp_path):
    folder = tmp_path / "cle-usb"
    folder.mkdir()
    return folder


@pytest.fixture
def pair(tmp_path):
    """« Ordinateur du centre » and « Portable du secrétariat »."""
    stores = new_group(tmp_path / "machines", ["Ordinateur du centre", "Portable du secrétariat"])
    yield stores
    for store in stores:
        store.close()


@pytest.fixture
def trio(tmp_path):
    stores = new_group(tmp_path / "machines", ["Ordinateur du centre", "Portable du secrétariat", "Portable de Luc"])
    yield stores
    for store in stores:
        store.close()
