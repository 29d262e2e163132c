"""Queue rules of the hall, in plain Python.

Nothing in this package imports Qt or SQL: the rules are tested on their own and shared by the hall node,
the store and the desktop roles.
"""
