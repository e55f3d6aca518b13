import os
import shutil

import pytest

CHROMIUM = "/usr/bin/chromium"
# Chromium's own background traffic is refused on this closed network; keep it quiet.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-quic",
    "--no-first-run",
    "--disable-sync",
]

# Playwright's sync API runs an event loop in this thread; Django's ORM calls from the
# test body (creating data for the live server) are still synchronous and safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM):
        if os.environ.get("CI") == "true":
            pytest.fail("Chromium is missing at /usr/bin/chromium (make test installs it).")
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _open(browser, contexts, *, phone):
    size = {"width": 360, "height": 740} if phone else {"width": 1280, "height": 900}
    options = {"is_mobile": True, "has_touch": True} if phone else {}
    context = browser.new_context(locale="vi-VN", viewport=size, **options)
    contexts.append(context)
    page = context.new_page()
    page.set_default_timeout(15_000)
    return page


@pytest.fixture
def new_context(browser):
    """Open more browser contexts (another person, another device); close them afterwards.

    ``new_context(phone=True)`` returns a page on a 360 × 740 touch screen.
    """
    contexts = []
    yield lambda *, phone: _open(browser, contexts, phone=phone)
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_context):
    return new_context(phone=False)


@pytest.fixture
def phone_page(new_context):
    return new_context(phone=True)
