"""Real browser checks: a researcher's and a visitor's journeys, axe-core and the Nu Html Checker.

Headless Debian Chromium through Playwright against pytest-django's live server. Each check is
skipped, saying why, when its tool is missing; `.ci/run` installs them all.
"""

import json
import os
import shutil
import subprocess
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

ROOT = Path(settings.BASE_DIR)
CHROMIUM = Path("/usr/bin/chromium")
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--proxy-server=http://127.0.0.1:9",
    "--proxy-bypass-list=127.0.0.1;localhost",
]
SCREENSHOTS = Path(os.environ.get("SCREENSHOT_DIR", "/tmp/archive-screenshots"))

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

try:
    from playwright.sync_api import expect, sync_playwright
except ImportError:  # pragma: no cover - the dev extra installs it
    sync_playwright = None

needs_chromium = pytest.mark.skipif(
    sync_playwright is None or not CHROMIUM.exists(),
    reason="needs Playwright (pip install -e .[dev]) and Debian's /usr/bin/chromium (apt)",
)
needs_axe = pytest.mark.skipif(not AXE.exists(), reason="needs axe-core: run `npm ci`")
needs_vnu = pytest.mark.skipif(
    not VNU.exists() or shutil.which("java") is None,
    reason="needs java and vnu-jar: apt-get install default-jre-headless; npm ci",
)


@pytest.fixture(autouse=True)
def _archive(transactional_db, settings):
    # Playwright's sync API runs an event loop in this thread; Django's ORM calls here are sync.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    settings.DEBUG = False
    call_command("ingest", verbosity=0)
    call_command("reindex", verbosity=0)
    yield
    from documents.search import search_index_rebuild

    search_index_rebuild()  # the flush leaves the FTS5 table alone: empty it with the records


@pytest.fixture
def page_urls(live_server) -> dict[str, str]:
    """`page_types` for the live server, read before Playwright starts: ORM calls made while
    its event loop runs get a database connection of their own, which nobody closes (on
    PostgreSQL the test database then could not be dropped)."""
    return page_types(live_server.url)


@pytest.fixture
def browser():
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    yield page
    page.close()


def page_types(base: str) -> dict[str, str]:
    """One address for every kind of public page, taken from the live archive."""
    from documents.models import Convention, Event, EventSeries, SourceDocument
    from organizations.models import Organization, Person

    event = Event.objects.published().exclude(organization_roles=None).first()
    organization = Organization.objects.published().filter(acronym="ATUC").first()
    document = SourceDocument.objects.published().first()
    person = Person.objects.published().exclude(event_roles=None).first()
    convention = Convention.objects.published().first()
    tag = document.tags.first() or event.tags.first()
    series = EventSeries.objects.published().first()
    paths = {
        "home": "/",
        "search": "/search/?q=ATUC",
        "search-filtered": "/search/?q=%22domestic+workers%22&type=document",
        "events": "/events/",
        "events-year": f"/events/{event.start_date.year}/",
        "event": event.get_absolute_url(),
        "series-list": "/series/",
        "organizations": "/organizations/?q=mfa",
        "organization": organization.get_absolute_url(),
        "people": "/people/",
        "person": person.get_absolute_url(),
        "conventions": "/conventions/",
        "convention": convention.get_absolute_url(),
        "documents": "/documents/",
        "document": document.get_absolute_url(),
        "tags": "/tags/",
        "not-found": "/organizations/no-such-body/",
    }
    if tag:
        paths["tag"] = f"/tags/{tag.slug}/"
    if series:
        paths["series"] = series.get_absolute_url()
    return {name: base + path for name, path in paths.items()}


@needs_chromium
def test_a_researcher_follows_links_from_home_to_a_document(live_server, page):
    page.goto(live_server.url)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Events").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Events by year")
    page.locator("main .year-grid").get_by_role("link", name="2007").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Events in 2007")
    page.locator("main .record-list a").first.click()
    expect(page.get_by_role("heading", name="Organizations")).to_be_visible()
    page.locator("main .roles a").first.click()
    expect(page.get_by_role("heading", name="Documents that mention it")).to_be_visible()
    document_link = page.locator("main .passages > li > a").first
    title = document_link.inner_text()
    document_link.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    expect(page.locator(".fulltext a.mention mark").first).to_be_visible()
    _screenshot(page, "journey-document")


@needs_chromium
def test_a_visitor_searches_and_filters_by_year(live_server, page):
    page.goto(live_server.url)
    box = page.get_by_role("searchbox", name="Search documents, events, organizations")
    box.fill("ATUC")
    box.press("Enter")
    expect(page.locator(".result").first).to_contain_text("ATUC")
    expect(page.locator(".snippet mark").first).to_have_text("ATUC")
    page.get_by_role("searchbox", name="Words, names, acronyms").fill('"domestic workers"')
    page.get_by_role("button", name="Search", exact=True).last.click()
    expect(page.get_by_role("status")).to_contain_text("result")
    year = page.locator("#facet-list-year a").first
    chosen = year.inner_text().split()[0]
    year.click()
    expect(page.locator("#facet-list-year a.selected")).to_contain_text(chosen)
    expect(page.locator(".result .snippet mark").first).to_be_visible()
    assert page.locator(".result").count() >= 1
    _screenshot(page, "search-filtered")


@needs_chromium
def test_organization_suggestions_appear_as_you_type(live_server, page):
    page.goto(live_server.url + "/organizations/")
    page.get_by_role("combobox", name="Name, acronym or other name").press_sequentially("Migr")
    expect(page.locator('#org-suggestions option[value="Migrant Forum in Asia"]')).to_have_count(1)


@needs_chromium
@needs_axe
def test_every_page_type_has_no_serious_accessibility_violations(page_urls, browser):
    problems = {}
    for width in (360, 1280):
        # axe-core is the test's script, injected inline: the site's CSP rightly refuses it.
        page = browser.new_page(viewport={"width": width, "height": 900}, bypass_csp=True)
        for name, url in page_urls.items():
            page.goto(url)
            page.add_script_tag(path=str(AXE))
            result = page.evaluate(
                """() => axe.run(document, {runOnly: {type: 'tag',
                    values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa',
                             'best-practice']}})"""
            )
            serious = [
                f"{v['id']}: {v['help']} ({len(v['nodes'])}x, e.g. {v['nodes'][0]['target']})"
                for v in result["violations"]
                if v["impact"] in ("serious", "critical")
            ]
            if serious:
                problems[f"{name}@{width}"] = serious
            _screenshot(page, f"{name}-{width}")
        page.close()
    assert problems == {}


@needs_vnu
def test_every_page_type_is_valid_html(page_urls, tmp_path):
    files = []
    for name, url in page_urls.items():
        try:
            html = urllib.request.urlopen(url).read()
        except urllib.error.HTTPError as error:  # the 404 page is a page too
            html = error.read()
        path = tmp_path / f"{name}.html"
        path.write_bytes(html)
        files.append(str(path))
    run = subprocess.run(
        ["java", "-jar", str(VNU), "--format", "json", "--errors-only", *files],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    messages = json.loads(run.stderr or run.stdout or '{"messages": []}')["messages"]
    errors = [
        f"{Path(m.get('url', '')).name}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if m["type"] == "error"
    ]
    assert errors == []


def _screenshot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
