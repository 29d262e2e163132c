"""Nightly sync between the hall's SQLite store and the city/zone central store.

Up: the outbox (written in the same transaction as each business change) is pushed in seq order with
idempotent upserts and a per-hall watermark. Down: versioned, checksummed reference-data releases.
The README ("Nightly sync with the central store") has the admin's view.
"""
