"""Fixtures of the trust tests: the sync tests' machines of one group and USB key folder."""

from tests.sync.conftest import pair, trio, usb  # noqa: F401  (fixtures)
