"""Consistency reports: what is overdue and who owes it, and the inconsistencies between documents."""
