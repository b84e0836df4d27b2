"""Exporters that turn data into files (ICS, PDF, ODT, CSV): no widgets, one subpackage per area."""
