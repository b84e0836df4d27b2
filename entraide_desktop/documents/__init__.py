"""Exporters that turn data into files (CSV, XLSX, PDF, ICS, ODT), one subpackage per area; no widgets."""
