"""Playwright driving Debian's Chromium against pytest-django's live server.

Skips, saying why, where Chromium or Playwright is missing; never downloads a browser."""

import os
import re
from pathlib import Path

import pytest
from django.db import connections

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(os.environ.get("BROWSER_ARTIFACTS", Path(__file__).parents[2] / "test-artifacts"))
# axe-core, from the npm registry (package.json's devDependencies), served to the page from
# the site's own origin so that the Content Security Policy stays on during the checks.
AXE = Path(__file__).parents[2] / "node_modules" / "axe-core" / "axe.min.js"
AXE_URL = "/__axe-core.js"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

try:
    from playwright.sync_api import sync_playwright
except ImportError:  # pragma: no cover - depends on the machine
    sync_playwright = None


def pytest_collection_modifyitems(config, items):
    reason = None
    if sync_playwright is None:
        reason = "Playwright's Python package is not installed"
    elif not os.access(CHROMIUM, os.X_OK):
        reason = f"no Chromium at {CHROMIUM} (apt-get install chromium)"
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
            # The live server needs committed data; serialized rollback restores the rows
            # that migrations create (roles, outcomes, the home page) after each flush.
            item.add_marker(pytest.mark.django_db(transaction=True, serialized_rollback=True))
            if reason:
                item.add_marker(pytest.mark.skip(reason=reason))


def _without_faketime(environ):
    """Chromium hangs under libfaketime: where CI moves the server's clock (.ci/run), the
    browser keeps the real one. Pages are dated by the server, so the journeys still see the
    moved day."""
    return {
        key: value
        for key, value in environ.items()
        if key != "LD_PRELOAD" and not key.startswith("FAKETIME")
    }


@pytest.fixture(scope="session")
def browser(django_db_setup):
    # Playwright's sync API runs an event loop in this thread. Django's connections are then
    # looked up per context, so the test gets a new connection object: tell Django that the
    # ORM calls are still synchronous, and hand the new connection the migrated data that
    # serialized rollback restores after each flush.
    serialized = {
        alias: getattr(connections[alias], "_test_serialized_contents", None)
        for alias in connections
    }
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        for alias, contents in serialized.items():
            if contents is not None:
                connections[alias]._test_serialized_contents = contents
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, env=_without_faketime(os.environ)
        )
        yield browser
        browser.close()


@pytest.fixture
def new_page(browser, live_server, request):
    """Open pages in fresh browser sessions (one per person); each is screenshotted at the end
    of the test into test-artifacts/ for CI to keep. ``page.failed_requests`` lists every
    response of 400 or more the page received, its assets included."""
    contexts = []

    def open_page(**options):
        context = browser.new_context(base_url=live_server.url, **options)
        context.set_default_timeout(15_000)
        context.route(f"**{AXE_URL}", lambda route: route.fulfill(path=AXE))
        contexts.append(context)
        page = context.new_page()
        page.csp_violations = []
        page.failed_requests = []
        page.on(
            "response",
            lambda response: (
                response.status >= 400
                and page.failed_requests.append(f"{response.status} {response.url}")
            ),
        )
        page.on(
            "console",
            lambda message: (
                "Content Security Policy" in message.text
                and page.csp_violations.append(message.text)
            ),
        )
        return page

    yield open_page
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    name = re.sub(r"[^A-Za-z0-9_.-]+", "-", request.node.name)
    for index, context in enumerate(contexts):
        for number, page in enumerate(context.pages):
            page.screenshot(path=ARTIFACTS / f"{name}-{index}-{number}.png", full_page=True)
        context.close()


def sign_in(page, email, password):
    page.goto("/accounts/login/")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()


def accessibility_problems(page):
    """Serious and critical WCAG 2.2 AA problems axe-core finds on the page as it is now.

    A click that navigates returns once the new page is committed, before its
    document has a head: wait for it to load before adding the script.
    """
    page.wait_for_load_state("load")
    page.add_script_tag(url=AXE_URL)
    results = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG
    )
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']}; "
        f"{len(violation['nodes'])} element(s), first {violation['nodes'][0]['target']}"
        for violation in results["violations"]
        if violation["impact"] in ("serious", "critical")
    ]
