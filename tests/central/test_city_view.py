"""The city view (`hallclient central serve`) in headless chromium: login, roles (an official sees every hall, a
viewer only theirs), the status and figures pages, logout; and the API and lockout over plain HTTP."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

import httpx
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait
from sqlalchemy import Engine

from hallclient.central import accounts
from hallclient.central.web import create_app
from hallclient.store import Store
from hallclient.sync.run import run_sync
from tests.browser import browser, served  # noqa: F401  (fixture)

NOW = datetime(2026, 12, 2, 2, 0)  # the city view opens on the latest whole month: November


@pytest.fixture
def city_url(sqlite_engine: Engine, scripted: tuple[Store, Store]) -> Iterator[str]:
    for s in scripted:
        assert run_sync(s, engine=sqlite_engine, backup=False).ok
    accounts.add_user(sqlite_engine, "wangju", "城市管理局-2026", "official", [], "王局长", NOW)
    accounts.add_user(sqlite_engine, "quyi", "区一查看员-2026", "viewer", ["H2"], "区一办", NOW)
    with served(create_app(sqlite_engine, clock=lambda: NOW)) as url:
        yield url


def _login(driver: Any, url: str, name: str, password: str) -> None:
    driver.get(url + "/")
    assert driver.current_url.endswith("/login")  # not logged in: sent to the login page
    driver.find_element(By.ID, "username").send_keys(name)
    driver.find_element(By.ID, "password").send_keys(password)
    old = driver.find_element(By.TAG_NAME, "html")
    driver.find_element(By.ID, "submit").click()
    _wait_new_page(driver, old)


def _wait_new_page(driver: Any, old: Any) -> None:
    """A click that navigates returns before the next page is there: wait until the old one is gone."""

    def gone(d: Any) -> bool:
        try:
            old.tag_name  # noqa: B018  (raises once the page was replaced)
            return False
        except Exception:
            return d.execute_script("return document.readyState") == "complete"

    WebDriverWait(driver, 60).until(gone)


def _click(driver: Any, by: str, what: str) -> None:
    old = driver.find_element(By.TAG_NAME, "html")
    driver.find_element(by, what).click()
    _wait_new_page(driver, old)


def test_official_sees_every_hall(browser: Any, city_url: str) -> None:  # noqa: F811
    _login(browser, city_url, "wangju", "wrong password")
    assert "用户名或密码不正确" in browser.find_element(By.ID, "error").text
    _login(browser, city_url, "wangju", "城市管理局-2026")
    assert browser.current_url == city_url + "/"
    assert "王局长（管理局）" in browser.find_element(By.TAG_NAME, "header").text
    status = browser.find_element(By.ID, "status-table").text
    assert "测试大厅H1（H1）" in status and "测试大厅H2（H2）" in status and "通过" in status
    halls = browser.find_element(By.ID, "halls").text.splitlines()
    assert any(line.startswith("测试大厅H1 3 1 1 1 10.5 15.0 10.0") for line in halls), halls
    assert any(line.startswith("合计 5 3 1 1 16.8 26.0 7.3") for line in halls), halls
    assert len(browser.find_elements(By.CSS_SELECTOR, "svg")) == 4  # halls side by side ×2, trend ×2
    assert "满意率" in browser.find_element(By.ID, "rule").text
    _click(browser, By.LINK_TEXT, "测试大厅H1")
    assert browser.current_url.endswith("/hall/H1?month=2026-11")
    cats = browser.find_element(By.ID, "categories").text
    assert "A 社保 2 0 1 0 10.5 15.0" in cats and "B 医保 1 1 0 1" in cats
    month = browser.find_element(By.ID, "month")
    month.clear()
    browser.get(city_url + "/?month=2026-10")
    assert "2026 年 10 月 全市汇总" in browser.page_source.replace("<h2>", "").replace("</h2>", "")
    _click(browser, By.ID, "logout")
    assert browser.current_url.endswith("/login")
    browser.get(city_url + "/")
    assert browser.current_url.endswith("/login")  # the session is gone


def test_viewer_sees_only_their_halls(browser: Any, city_url: str) -> None:  # noqa: F811
    _login(browser, city_url, "quyi", "区一查看员-2026")
    halls = browser.find_element(By.ID, "halls").text
    assert "测试大厅H2" in halls and "测试大厅H1" not in halls
    browser.get(city_url + "/hall/H1")
    assert "不能查看大厅 H1" in browser.find_element(By.ID, "error").text
    browser.get(city_url + "/hall/H2?month=2026-11")
    assert "测试大厅H2 2026 年 11 月" in browser.find_element(By.TAG_NAME, "main").text


def test_api_roles_and_lockout(sqlite_engine: Engine, city_url: str) -> None:
    wait = httpx.Timeout(60)  # argon2 on a loaded 2-core machine
    assert httpx.get(city_url + "/api/v1/city", timeout=wait).status_code == 401
    assert httpx.get(city_url + "/", follow_redirects=False, timeout=wait).headers["location"] == "/login"
    with httpx.Client(base_url=city_url, timeout=wait) as c:
        r = c.post("/login", data={"username": "quyi", "password": "区一查看员-2026"}, follow_redirects=False)
        assert r.status_code == 303 and "httponly" in r.headers["set-cookie"].lower()
        got = c.get("/api/v1/city", params={"month": "2026-11"}).json()
        assert [h["code"] for h in got["halls"]] == ["H2"] and got["totals"]["issued"] == 2
        assert c.get("/api/v1/halls/H1").status_code == 403
        assert c.get("/api/v1/city", params={"month": "11/2026"}).status_code == 422
        assert "default-src 'none'" in c.get("/").headers["content-security-policy"]
    for _ in range(accounts.MAX_FAILED):
        assert httpx.post(city_url + "/login", data={"username": "wangju", "password": "x"},
                          timeout=wait).status_code == 401
    # locked now: even the right password is refused, with the same answer
    r = httpx.post(city_url + "/login", data={"username": "wangju", "password": "城市管理局-2026"}, timeout=wait)
    assert r.status_code == 401 and "用户名或密码不正确" in r.text
    assert httpx.post(city_url + "/login", data={"username": "nobody", "password": "x"},
                      timeout=wait).status_code == 401


def test_accounts_are_checked(sqlite_engine: Engine) -> None:
    with pytest.raises(ValueError, match="viewer needs --halls"):
        accounts.add_user(sqlite_engine, "v1", "long enough pw", "viewer", [], "", NOW)
    with pytest.raises(ValueError, match="at least 10"):
        accounts.add_user(sqlite_engine, "o1", "short", "official", [], "", NOW)
    accounts.add_user(sqlite_engine, "o1", "long enough pw", "official", [], "", NOW)
    with pytest.raises(ValueError, match="exists already"):
        accounts.add_user(sqlite_engine, "o1", "long enough pw", "official", [], "", NOW)
    token, _ = accounts.login(sqlite_engine, "o1", "long enough pw", NOW)
    assert accounts.session_user(sqlite_engine, token, NOW) is not None
    accounts.set_active(sqlite_engine, "o1", False)
    assert accounts.session_user(sqlite_engine, token, NOW) is None
