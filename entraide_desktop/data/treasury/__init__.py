"""The treasury: the group's accounts, its journal of income and expenses, budgets and closed years.

Every amount is integer cents. Every write goes through ``rows`` like the other areas, so the
journal is encrypted, synced field by field and kept in history.
"""
