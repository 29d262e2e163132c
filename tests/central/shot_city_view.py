"""Writes resources/screenshots/city-view.png (the city view, logged in as an official) and
resources/screenshots/monthly-report.png (page 1 of the city's monthly report PDF), from a small synthetic
city loaded into a throw-away PostgreSQL database by the benchmark's generator.

    .venv/bin/python tests/central/shot_city_view.py [--pg URL]
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import tempfile
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from hallclient.central import accounts, reports  # noqa: E402
from hallclient.central.web import create_app  # noqa: E402
from hallclient.printing.monthly_report import render_monthly_pdf  # noqa: E402
from hallclient.sync import central_schema  # noqa: E402
from tests.benchmarks.bench_central import load  # noqa: E402
from tests.benchmarks.bench_sync import drop_database, new_database  # noqa: E402
from tests.browser import chromium, served  # noqa: E402

NOW = datetime(2026, 12, 2, 2, 0)
HALL_NAMES = ["高新区政务服务中心", "经开区政务服务中心", "五华区政务服务中心", "盘龙区政务服务中心",
              "官渡区政务服务中心", "西山区政务服务中心", "呈贡区政务服务中心", "晋宁区政务服务中心"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--pg", default=os.environ.get("HALLCLIENT_TEST_PG",
                                                   "postgresql+psycopg://postgres@127.0.0.1:5432/test"))
    args = ap.parse_args()
    url = new_database(args.pg)
    engine = central_schema.make_central_engine(url)
    try:
        central_schema.upgrade(engine)
        load(engine, url, len(HALL_NAMES), date(2025, 12, 1), date(2026, 11, 30), 60, 0)
        with engine.begin() as conn:
            for i, name in enumerate(HALL_NAMES, start=1):
                conn.exec_driver_sql("UPDATE hall_info SET name = %s, last_ok_at = last_run_at - "
                                     "make_interval(days => %s), checks_mismatch = %s WHERE code = %s",
                                     (name, 2 if i == 6 else 0, 1 if i == 4 else 0, f"BH{i:02d}"))
        accounts.add_user(engine, "wangju", "城市管理局-2026", "official", [], "王局长", NOW)
        report = reports.city_report(engine, reports.Period.month(date(2026, 11, 1)), now=NOW)
        out = io.BytesIO()
        render_monthly_pdf(report, out, printed_on=NOW.date())
        import pypdfium2

        pdf = pypdfium2.PdfDocument(out.getvalue())
        try:
            pdf[0].render(scale=1.4).to_pil().save(ROOT / "resources" / "screenshots" / "monthly-report.png")
        finally:
            pdf.close()
        with served(create_app(engine, clock=lambda: NOW)) as base, \
                chromium(Path(tempfile.mkdtemp()) / "profile", 1280, 900) as driver:
            from selenium.webdriver.common.by import By

            driver.get(base + "/login")
            driver.find_element(By.ID, "username").send_keys("wangju")
            driver.find_element(By.ID, "password").send_keys("城市管理局-2026")
            driver.find_element(By.ID, "submit").click()
            height = driver.execute_script("return document.body.scrollHeight")
            driver.set_window_size(1280, min(height, 2600))
            driver.save_screenshot(str(ROOT / "resources" / "screenshots" / "city-view.png"))
        print("wrote resources/screenshots/city-view.png and monthly-report.png")
    finally:
        engine.dispose()
        drop_database(url)
    return 0


if __name__ == "__main__":
    sys.exit(main())
