"""`hallclient central serve`: the read-only city view on the central store (FastAPI).

Pages: `/login`, `/` (every hall's sync state and the month's figures, charts, 红旗窗口), `/hall/{code}` (one
hall's month). JSON: `GET /api/v1/city?month=YYYY-MM`, `GET /api/v1/halls/{code}?month=YYYY-MM`. Everything
needs a login of a city account (`hallclient.central.accounts`); a viewer sees only their halls. The session
is an HttpOnly, SameSite=Strict cookie. Reports run in the thread pool (plain `def` routes), so a slow report
never blocks another request. The pages carry no script and load nothing from elsewhere (CSP says so too).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Annotated, Any
from urllib.parse import parse_qs

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from sqlalchemy import Engine

from hallclient.central import accounts, pages, reports
from hallclient.central.accounts import CityUser, LoginRefused
from hallclient.central.reports import Period

COOKIE = "hc_city"
HEADERS = {"Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; "
                                      "form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
           "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer", "Cache-Control": "no-store"}


class NotLoggedIn(Exception):
    pass


def _utc_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def parse_month(value: str | None, now: datetime) -> date:
    """`YYYY-MM`; without one the latest whole month (on the 2nd of December, November), the one a city reports on."""
    if not value:
        return date(now.year - (now.month == 1), (now.month - 2) % 12 + 1, 1)
    try:
        y, m = value.split("-")
        return date(int(y), int(m), 1)
    except ValueError:
        raise HTTPException(422, f"query.month: {value!r} is not a month (YYYY-MM)") from None


def user_of(request: Request) -> CityUser:
    """The logged-in city account of the request (its session cookie), or NotLoggedIn."""
    state = request.app.state
    user = accounts.session_user(state.engine, request.cookies.get(COOKIE), state.clock())
    if user is None:
        raise NotLoggedIn
    return user


User = Annotated[CityUser, Depends(user_of)]


def create_app(engine: Engine, clock: Callable[[], datetime] = _utc_now) -> FastAPI:
    app = FastAPI(title="hallclient 全市视图", docs_url=None, redoc_url=None, openapi_url="/api/v1/openapi.json")
    app.state.engine, app.state.clock = engine, clock

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Response:
        response = await call_next(request)
        for k, v in HEADERS.items():
            response.headers.setdefault(k, v)
        return response

    @app.exception_handler(NotLoggedIn)
    async def not_logged_in(request: Request, _exc: NotLoggedIn) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": "not logged in"}, status_code=401)
        return RedirectResponse("/login", status_code=303)

    @app.get("/login", response_class=HTMLResponse)
    def login_form() -> str:
        return pages.login_page()

    @app.post("/login")
    async def login(request: Request) -> Response:
        form = parse_qs((await request.body()).decode("utf-8", "replace"))
        name, password = (form.get("username") or [""])[0], (form.get("password") or [""])[0]
        try:
            token, _user = accounts.login(engine, name.strip(), password, clock())
        except LoginRefused:
            return HTMLResponse(pages.login_page("用户名或密码不正确，或账户已锁定（连续输错 5 次锁定 15 分钟）。"),
                                status_code=401)
        response = RedirectResponse("/", status_code=303)
        response.set_cookie(COOKIE, token, httponly=True, samesite="strict",
                            secure=request.url.scheme == "https", max_age=int(accounts.SESSION_TTL.total_seconds()))
        return response

    @app.post("/logout")
    def logout(request: Request) -> Response:
        token = request.cookies.get(COOKIE)
        if token:
            accounts.logout(engine, token)
        response = RedirectResponse("/login", status_code=303)
        response.delete_cookie(COOKIE)
        return response

    def visible_codes(user: CityUser) -> list[str] | None:
        if user.role == "official":
            return None
        with engine.connect() as conn:
            known = set(reports.known_halls(conn))
            conn.rollback()
        return [c for c in user.halls if c in known]

    def city(user: CityUser, month: date) -> dict[str, Any]:
        codes = visible_codes(user)
        if codes == []:
            return reports.empty_city(Period.month(month), clock())
        return reports.city_report(engine, Period.month(month), codes, now=clock())

    def hall(user: CityUser, code: str, month: date) -> dict[str, Any]:
        if not user.may_see(code):
            raise HTTPException(403, f"你的账户不能查看大厅 {code}")
        try:
            return reports.central_hall_report(engine, code, Period.month(month), now=clock())
        except ValueError:
            raise HTTPException(404, f"中心库中没有大厅 {code}") from None

    @app.get("/", response_class=HTMLResponse)
    def city_view(user: User, month: Annotated[str | None, Query()] = None) -> str:
        m = parse_month(month, clock())
        return pages.city_page(city(user, m), user, f"{m:%Y-%m}")

    @app.get("/hall/{code}", response_class=HTMLResponse)
    def hall_view(user: User, code: str, month: Annotated[str | None, Query()] = None) -> str:
        m = parse_month(month, clock())
        return pages.hall_page(hall(user, code, m), user, f"{m:%Y-%m}")

    @app.get("/api/v1/city")
    def city_json(user: User, month: Annotated[str | None, Query()] = None) -> dict[str, Any]:
        return city(user, parse_month(month, clock()))

    @app.get("/api/v1/halls/{code}")
    def hall_json(user: User, code: str, month: Annotated[str | None, Query()] = None) -> dict[str, Any]:
        return hall(user, code, parse_month(month, clock()))

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code)
        user = accounts.session_user(engine, request.cookies.get(COOKIE), clock())
        return HTMLResponse(pages.error_page(exc.status_code, str(exc.detail), user), status_code=exc.status_code)

    return app
