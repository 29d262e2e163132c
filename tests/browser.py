"""Web pages in a real browser: Debian's headless chromium through selenium, and an ASGI app served on a free
port in a thread. Shared by every test of a page (the city view; the visitor's phone page of issue 15).

Nothing is ever downloaded: the driver is /usr/bin/chromedriver and the browser /usr/bin/chromium, both given
explicitly, so Selenium Manager never runs. Use the `browser` fixture (import it into a test module or a
conftest) and `served(app)`:

    from tests.browser import browser, served  # noqa: F401  (fixture)

    def test_page(browser, …):
        with served(create_app(…)) as url:
            browser.get(url + "/login")
"""

from __future__ import annotations

import os
import shutil
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import uvicorn

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
ARGS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--lang=zh-CN",
        "--hide-scrollbars")


@contextmanager
def chromium(profile: Path, width: int = 1280, height: int = 900) -> Iterator[Any]:
    """A headless chromium with a fresh profile, quit at the end."""
    if not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()):
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true but {CHROMIUM} or {CHROMEDRIVER} is missing (apt-get install chromium "
                        "chromium-driver)")
        pytest.skip(f"{CHROMIUM} / {CHROMEDRIVER} not installed")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    os.environ.setdefault("SE_AVOID_STATS", "true")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ARGS:
        options.add_argument(arg)
    options.add_argument(f"--user-data-dir={profile}")
    options.add_argument(f"--window-size={width},{height}")
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        driver.set_page_load_timeout(60)
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Any]:
    """A headless chromium (1280×900) for one test."""
    with chromium(tmp_path / "chromium-profile") as driver:
        yield driver


@contextmanager
def served(app: Any) -> Iterator[str]:
    """`app` on 127.0.0.1 at a free port (bound as port 0) in a thread; yields its base URL."""
    config = uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning", lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="served-app", daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the app did not start")
        time.sleep(0.02)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(15)
