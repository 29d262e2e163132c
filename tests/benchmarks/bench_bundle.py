"""The one-folder bundle: unpacked size, and CPU time from launch to the clerk window's first paint.

Budgets (issue 12): ≤ 250 MB unpacked; ≤ 2 s CPU from launch to first paint on an idle 2-core machine.
Run: python tests/benchmarks/bench_bundle.py [--bundle dist/hallclient] [--runs 5]
     (builds the bundle with build_spec/build.sh into a temp folder when --bundle is not given)

Each run launches the bundled executable as a fresh process (`--role clerk --node URL`, offscreen unless
QT_QPA_PLATFORM is set, its own empty settings) with HALLCLIENT_BENCH=1: at the first paint the app prints
`first-paint-cpu-s`, the process's CPU time (user + system) since launch, bootloader included, then quits.
The hall node runs in a separate process (the bundle's own `serve`), so its CPU is not counted. Floor, in the
same run: the CPU time of `hallclient --version` from the same bundle (bootloader, interpreter, CLI import),
read from the OS's accounting of the finished child.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[2]
BUDGET_MB, BUDGET_CPU_S = 250.0, 2.0


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def size_bytes(folder: Path) -> int:
    return sum(p.lstat().st_size for p in folder.rglob("*"))


def child_cpu(cmd: list[str], env: dict[str, str]) -> tuple[float, str]:
    """CPU seconds (user + sys) of one finished child, from the kernel's accounting, and its stdout."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), done.stdout


def start_node(exe: Path, tmp: Path, env: dict[str, str]) -> tuple[subprocess.Popen, str]:
    db = tmp / "hall.sqlite"
    subprocess.run([str(exe), "--db", str(db), "db", "seed-demo"], check=True, stdout=subprocess.DEVNULL, env=env)
    port = free_port()
    proc = subprocess.Popen([str(exe), "--db", str(db), "serve", "--port", str(port), "--log-level", "warning",
                             "--no-nightly-sync"], env=env)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/api/v1/health", timeout=1).status_code == 200:
                return proc, url
        except httpx.HTTPError:
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError("hall node did not start")


def figures(values: list[float]) -> str:
    return f"median {statistics.median(values):.3f}  min {min(values):.3f}  max {max(values):.3f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, help="the bundle folder (default: build one now)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        bundle = args.bundle
        if bundle is None:
            subprocess.run(["bash", str(REPO / "build_spec" / "build.sh"), str(tmp / "dist"), str(tmp / "work")],
                           check=True, env={**os.environ, "PYTHON": sys.executable})
            bundle = tmp / "dist" / "hallclient"
        exe = bundle / "hallclient"
        size = size_bytes(bundle)
        print(f"bundle {bundle}: {size / 1e6:.1f} MB ({size / 2**20:.1f} MiB) unpacked, "
              f"{sum(1 for _ in bundle.rglob('*'))} files; budget {BUDGET_MB:.0f} MB")
        env = {**os.environ, "XDG_CONFIG_HOME": str(tmp / "cfg"), "HOME": str(tmp / "home")}
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        node, url = start_node(exe, tmp, env)
        try:
            child_cpu([str(exe), "--version"], env)  # warm the page cache
            floor = [child_cpu([str(exe), "--version"], env)[0] for _ in range(args.runs)]
            paint, outside = [], []
            for i in range(args.runs + 1):
                run_env = {**env, "HALLCLIENT_BENCH": "1", "HALLCLIENT_BENCH_IDLE_S": "0.2",
                           "XDG_CONFIG_HOME": str(tmp / f"cfg{i}")}
                total, out = child_cpu([str(exe), "--role", "clerk", "--node", url, "--window", "1"], run_env)
                cpu = float(next(line.split()[1] for line in out.splitlines()
                                 if line.startswith("first-paint-cpu-s")))
                if i:  # the first run warms the page cache
                    paint.append(cpu)
                    outside.append(total)
        finally:
            node.terminate()
            node.wait(30)
    print(f"floor: `hallclient --version` CPU s     {figures(floor)}")
    print(f"clerk: CPU s launch → first paint      {figures(paint)}  "
          f"({statistics.median(paint) / statistics.median(floor):.1f}× floor; budget {BUDGET_CPU_S:.1f} s)")
    print(f"clerk: CPU s whole process (to exit)   {figures(outside)}")


if __name__ == "__main__":
    main()
