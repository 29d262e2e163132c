"""Writes alert.wav: three rising two-tone beeps (0.9 s), distinct from the display's chime."""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 22050


def tone(freq: float, secs: float, vol: float = 0.5) -> list[int]:
    n = int(RATE * secs)
    fade = int(RATE * 0.01)
    out = []
    for i in range(n):
        env = min(1.0, i / fade, (n - i) / fade)
        out.append(int(32767 * vol * env * math.sin(2 * math.pi * freq * i / RATE)))
    return out


def main() -> None:
    samples: list[int] = []
    for f in (880, 988, 1175):
        samples += tone(f, 0.2) + [0] * int(RATE * 0.1)
    path = Path(__file__).with_name("alert.wav")
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(struct.pack(f"<{len(samples)}h", *samples))


if __name__ == "__main__":
    main()
