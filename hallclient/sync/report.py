"""What one sync run did, for the admin (`hallclient sync`), the sync_state table and the logs.

Built only from counts and masked messages: no row contents, no personal data, no secrets.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

from hallclient.sync.checks import DayCheck

CLOCK_OFFSET_WARN_S = 300.0


@dataclass
class SyncReport:
    started_at: datetime
    central: str = ""
    duration_s: float = 0.0
    ok: bool = False
    error: str | None = None
    backup: str | None = None
    rows_up: dict[str, int] = field(default_factory=dict)
    outbox_entries: int = 0
    batches: int = 0
    seq_from: int = 0
    seq_to: int = 0
    pruned: int = 0
    rows_down: dict[str, int] = field(default_factory=dict)
    release_before: int = 0
    release_after: int = 0
    release_rejected: str | None = None
    checks: list[DayCheck] = field(default_factory=list)
    full_check: bool = False
    clock_offset_s: float | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def mismatches(self) -> list[DayCheck]:
        return [c for c in self.checks if c.status == "mismatch"]

    @property
    def healed(self) -> list[DayCheck]:
        return [c for c in self.checks if c.status == "healed"]

    def as_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["started_at"] = self.started_at.isoformat()
        d["checks"] = {"days_compared": len(self.checks), "healed": [c.describe() for c in self.healed],
                       "mismatch": [c.describe() for c in self.mismatches]}
        return d

    def summary(self) -> dict[str, Any]:
        """The short form kept in sync_state (last run) for `central status`."""
        return {"at": self.started_at.isoformat(), "ok": self.ok, "error": self.error,
                "rows_up": sum(self.rows_up.values()), "rows_down": sum(self.rows_down.values()),
                "duration_s": round(self.duration_s, 3), "release": self.release_after,
                "mismatches": len(self.mismatches), "clock_offset_s": self.clock_offset_s}

    def format(self) -> str:
        up = ", ".join(f"{n} {t}" for t, n in self.rows_up.items() if n) or "nothing new"
        down = ", ".join(f"{n} {t}" for t, n in self.rows_down.items() if n) or "no new release"
        lines = [
            f"sync {'OK' if self.ok else 'FAILED'} with {self.central} in {self.duration_s:.2f} s",
            f"  up:    {sum(self.rows_up.values())} rows ({up}); outbox {self.seq_from}→{self.seq_to} "
            f"in {self.batches} batches" + (f", {self.pruned} old outbox entries pruned" if self.pruned else ""),
            f"  down:  {sum(self.rows_down.values())} rows ({down}); reference release "
            f"{self.release_before}→{self.release_after}",
            f"  checks: {len(self.checks)} table-days compared"
            + (" (every day)" if self.full_check else "")
            + f", {len(self.healed)} healed by re-pushing, {len(self.mismatches)} still differ",
        ]
        lines += [f"    healed: {c.describe()}" for c in self.healed]
        lines += [f"    MISMATCH: {c.describe()}" for c in self.mismatches]
        if self.clock_offset_s is not None:
            warn = abs(self.clock_offset_s) > CLOCK_OFFSET_WARN_S
            lines.append(f"  clock: hall is {-self.clock_offset_s:+.1f} s from central"
                         + (" — WARNING: set the hall PC's clock (rows are ordered by outbox seq, not time)"
                            if warn else ""))
        if self.release_rejected:
            lines.append(f"  REJECTED release: {self.release_rejected}; the release in force stays")
        if self.backup:
            lines.append(f"  backup: {self.backup}")
        lines += [f"  note: {n}" for n in self.notes]
        if self.error:
            lines.append(f"  error: {self.error}")
        return "\n".join(lines)
