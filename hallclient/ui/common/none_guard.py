"""Work-around for a refcount bug seen with PySide6 6.12 on CPython 3.11: every call of a Qt method that
returns nothing (QPainter.setPen, QFont.setPixelSize, …) *decrements* the refcount of None without having
incremented it (the abi3 wheel assumes 3.12's immortal None). A display repainting twice a second reaches
zero within minutes (True/False likewise) and the process aborts with "Fatal Python error: none_dealloc".

`immortalize_none()` gives None a refcount so large that it can never reach zero, which is exactly what
CPython 3.12+ does (PEP 683 immortal objects). No-op on 3.12+. Belongs in `ui.app.make_app()` for every role
; `ui.app.make_app()` calls it for every role.
"""

from __future__ import annotations

import ctypes
import sys

_IMMORTAL = 1 << 60


def immortalize_none() -> bool:
    """Make the refcounts of None, True, False (and the other singletons) effectively infinite on CPython
    < 3.12; returns True when it changed something. (bool-returning Qt methods show the same bug.)"""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    changed = False
    for obj in (None, True, False, Ellipsis, NotImplemented):
        refcnt = ctypes.c_ssize_t.from_address(id(obj))  # ob_refcnt is the first field of every PyObject
        if refcnt.value < _IMMORTAL // 2:
            refcnt.value = _IMMORTAL
            changed = True
    return changed
