"""Supervisor console widgets."""
