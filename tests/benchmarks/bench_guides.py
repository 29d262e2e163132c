"""Benchmark: the guide booklet of a 1,300-item catalogue (targets: ≤ 10 s, ≤ 15 MB).

Renders cover, contents and one guide page with its QR code per item, from a generated catalogue of
realistic text lengths, in this fresh process (font loading and every QR encoding included). Also times a
category poster and the import check of the same catalogue. Prints figures; not a test. The rendering is
single-threaded: on a busy machine wall time exceeds CPU time, which is printed too.
Run: python tests/benchmarks/bench_guides.py [--items 1300] [--keep booklet.pdf]
"""

from __future__ import annotations

import argparse
import os
import resource
import tempfile
import time
from datetime import date
from pathlib import Path

from hallclient.catalogue.demo import generated_catalogue
from hallclient.catalogue.formats import load_catalogue, write_catalogue
from hallclient.printing.guide_sheets import render_booklet, render_category_poster

TARGET_SECONDS = 10.0
TARGET_MB = 15.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=1300)
    parser.add_argument("--keep", type=Path, default=None, help="keep the booklet PDF here")
    args = parser.parse_args()
    catalogue = generated_catalogue(args.items)
    with tempfile.TemporaryDirectory() as tmp:
        out = args.keep or Path(tmp) / "booklet.pdf"
        t0, c0 = time.perf_counter(), time.process_time()
        pages = render_booklet(out, catalogue, "云岭高新区政务服务中心", date(2026, 11, 23))
        seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
        size_mb = out.stat().st_size / 1e6

        category = catalogue.sorted_categories()[0]
        t1 = time.perf_counter()
        poster_pages = render_category_poster(Path(tmp) / "poster.pdf", category, catalogue.items_of(category.code),
                                              "云岭高新区政务服务中心", date(2026, 11, 23))
        poster_seconds = time.perf_counter() - t1

        write_catalogue(catalogue, Path(tmp) / "catalogue.xlsx")
        t2 = time.perf_counter()
        load_catalogue(Path(tmp) / "catalogue.xlsx")
        check_seconds = time.perf_counter() - t2
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    def verdict(ok: bool) -> str:
        return "ok" if ok else "OVER TARGET"

    print(f"booklet: {len(catalogue.items)} items, {len(catalogue.categories)} categories, {pages} pages")
    print(f"  time   {seconds:6.2f} s   (target ≤ {TARGET_SECONDS:.0f} s: {verdict(seconds <= TARGET_SECONDS)})"
          f"; CPU {cpu:.2f} s, load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"  size   {size_mb:6.2f} MB  (target ≤ {TARGET_MB:.0f} MB: {verdict(size_mb <= TARGET_MB)})")
    print(f"  {1000 * seconds / pages:.1f} ms per page; peak memory of this process {peak_mb:.0f} MB")
    print(f"poster of {category.name}: {len(catalogue.items_of(category.code))} codes, {poster_pages} pages, "
          f"{poster_seconds:.2f} s")
    print(f"import check of the same catalogue (.xlsx, with the print checks): {check_seconds:.2f} s")


if __name__ == "__main__":
    main()
