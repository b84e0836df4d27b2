"""Headless subcommands, one module per area (see cli.py)."""
