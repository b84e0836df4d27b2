"""Files made from the member register: CSV/XLSX exports and the phone support network list (PDF)."""

from .register import write_csv, write_register, write_xlsx

__all__ = ["write_csv", "write_register", "write_xlsx"]
