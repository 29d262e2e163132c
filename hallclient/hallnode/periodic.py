"""A check the hall node runs every few seconds on a worker thread (alerts, presence), until stopped."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any

log = logging.getLogger(__name__)


class Periodic:
    """Subclasses set `interval_s` and `name` and define `check_once`; an interval of 0 (tests) means only when
    called. A failing check is logged and tried again at the next tick."""

    name = "hall-periodic"
    interval_s: float = 0.0
    _task: asyncio.Task[None] | None = None

    def check_once(self) -> Any:
        raise NotImplementedError

    async def start(self) -> None:
        if self.interval_s > 0:
            self._task = asyncio.create_task(self._loop(), name=self.name)

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    async def _loop(self) -> None:
        while True:
            await asyncio.sleep(self.interval_s)
            try:
                await asyncio.to_thread(self.check_once)
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("%s failed; trying again next tick", self.name)
