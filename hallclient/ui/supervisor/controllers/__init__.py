"""Supervisor console controllers (no widgets)."""
