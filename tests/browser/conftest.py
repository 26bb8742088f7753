"""Playwright driving Debian's chromium (no browser download) against pytest-django's live server.

Fixtures: `browser` (one per worker), `desktop` (1280 px) and `phone` (360 px) pages,
`shot(page, name)` to save a screenshot under tests/browser/screenshots/, and
`sign_in(page, username, password)`.
"""

import os
from pathlib import Path

import pytest

from tests.conftest import restore_migration_data

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make
# for set-up happen outside it, so Django's async-safety guard can be relaxed here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
SCREENSHOTS = Path(__file__).parent / "screenshots"
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
            item.add_marker(pytest.mark.django_db(transaction=True), append=False)


@pytest.fixture(autouse=True)
def migration_data(transactional_db):
    restore_migration_data()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield instance
        instance.close()


def _page(browser, width, height, mobile):
    context = browser.new_context(
        viewport={"width": width, "height": height}, is_mobile=mobile, has_touch=mobile, locale="zh-CN"
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    return context, page


@pytest.fixture
def desktop(browser):
    context, page = _page(browser, 1280, 900, False)
    yield page
    context.close()


@pytest.fixture
def phone(browser):
    context, page = _page(browser, 360, 740, True)
    yield page
    context.close()


@pytest.fixture
def shot(request):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def _shot(page, name: str) -> Path:
        path = SCREENSHOTS / f"{request.node.name}-{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return _shot


@pytest.fixture
def sign_in(live_server):
    def _sign_in(page, username: str, password: str, *, prefix: str = ""):
        page.goto(f"{live_server.url}{prefix}/accounts/login/")
        page.fill("input[name=username]", username)
        page.fill("input[name=password]", password)
        page.click("form button[type=submit]")
        page.wait_for_load_state("networkidle")

    return _sign_in


def assert_fits(page, width: int = 360) -> None:
    """Nothing on the page is wider than the viewport (no sideways scrolling on phones)."""
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= width + 1, f"page is {scroll_width}px wide at a {width}px viewport"
