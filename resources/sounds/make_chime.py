"""Regenerate chime.wav (the display's fallback when no speech engine is usable): a soft ding-dong, E6 → C6,
16-bit mono 22.05 kHz, stdlib only.  Run: python resources/sounds/make_chime.py"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 22050


def tone(freq: float, dur: float, amp: float) -> list[float]:
    out = []
    for i in range(int(RATE * dur)):
        t = i / RATE
        env = math.exp(-3.2 * t) * min(1.0, t / 0.01)
        out.append(amp * env * (math.sin(2 * math.pi * freq * t) + 0.3 * math.sin(4 * math.pi * freq * t)))
    return out


def main() -> None:
    samples = tone(1318.5, 0.55, 0.45) + tone(1046.5, 0.9, 0.45)
    with wave.open(str(Path(__file__).with_name("chime.wav")), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(b"".join(struct.pack("<h", int(max(-1.0, min(1.0, s)) * 32000)) for s in samples))


if __name__ == "__main__":
    main()
