"""Atom feeds: the archive's new documents and events, and one feed per organization,
convention, event series, tag and country; public records only, constant queries, 404 for
a record that is not there, and autodiscovery links in the pages' head."""

import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import resolve, reverse
from pytest_django.asserts import assertContains

from documents import feeds

from ..factories import make_bulk_archive, make_document, make_event, make_series

ATOM = {"atom": "http://www.w3.org/2005/Atom"}


def entry_titles(response) -> list[str]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    return [
        entry.findtext("atom:title", namespaces=ATOM) for entry in root.findall("atom:entry", ATOM)
    ]


@pytest.fixture
def archive(graph):
    """The graph, with its event an edition of a series, tagged, and hidden records besides."""
    series = make_series(slug="afml", name="ASEAN Forum on Migrant Labour")
    event = graph["event"]
    event.series = series
    event.save()
    event.tags.add("domestic-work")
    graph["document"].tags.add("domestic-work")
    hidden_document = make_document(title="Unpublished draft", is_published=False)
    hidden_document.tags.add("domestic-work")
    hidden_event = make_event(
        name="Rejected event", review_status="rejected", series=series, country="SG"
    )
    hidden_event.tags.add("domestic-work")
    return graph | {"series": series}


def feed_urls(archive) -> dict[str, str]:
    return {
        "documents": reverse("documents:document-feed"),
        "events": reverse("documents:event-feed"),
        "organization": reverse(
            "organizations:organization-feed", kwargs={"slug": "migrant-forum-in-asia"}
        ),
        "convention": reverse("documents:convention-feed", kwargs={"slug": "ilo-c189"}),
        "series": reverse("documents:series-feed", kwargs={"slug": "afml"}),
        "tag": reverse("documents:tag-feed", kwargs={"slug": "domestic-work"}),
        "country": reverse("documents:country-feed", kwargs={"code": "SG"}),
    }


DOCUMENT = "Sub-Regional Consultation of ASEAN CSO and Trade Unions"
EVENT = "Sub-Regional Consultation on the ASEAN Declaration"


@pytest.mark.parametrize(
    ("feed", "expected"),
    [
        ("documents", [DOCUMENT]),
        ("events", [EVENT]),
        ("organization", [DOCUMENT, EVENT]),
        ("convention", [DOCUMENT, EVENT]),
        ("series", [DOCUMENT, EVENT]),
        ("tag", [DOCUMENT, EVENT]),
        ("country", [DOCUMENT, EVENT]),
    ],
)
def test_feeds_list_public_records_only(client, archive, feed, expected):
    titles = entry_titles(client.get(feed_urls(archive)[feed]))
    assert sorted(title.split(" (")[0] for title in titles) == sorted(expected)


@pytest.mark.parametrize(
    "url",
    [
        "/organizations/no-such-body/feed/",
        "/conventions/no-such-treaty/feed/",
        "/series/no-such-series/feed/",
        "/tags/no-such-tag/feed/",
        "/feeds/countries/ZZ/",
        "/feeds/countries/singapore/",
    ],
)
def test_a_feed_of_nothing_is_404(client, archive, url):
    assert client.get(url).status_code == 404


def test_an_unpublished_organization_has_no_feed(client, archive):
    archive["mfa"].is_published = False
    archive["mfa"].save()
    url = reverse("organizations:organization-feed", kwargs={"slug": "migrant-forum-in-asia"})
    assert client.get(url).status_code == 404


def test_feed_urls_resolve_to_their_feeds(archive):
    urls = feed_urls(archive)
    assert resolve(urls["organization"]).func.__class__ is feeds.OrganizationFeed
    assert resolve(urls["country"]).kwargs == {"code": "SG"}


def queries_for(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.django_db
def test_feeds_cost_the_same_queries_however_many_records(client):
    hub = make_bulk_archive(3)
    urls = [
        reverse("documents:document-feed"),
        reverse("documents:event-feed"),
        reverse("organizations:organization-feed", kwargs={"slug": hub.slug}),
        reverse("documents:tag-feed", kwargs={"slug": "recruitment"}),
        reverse("documents:country-feed", kwargs={"code": "PH"}),
    ]
    small = [queries_for(client, url) for url in urls]
    make_bulk_archive(12, hub=hub)
    assert [queries_for(client, url) for url in urls] == small
    assert max(small) <= 3


def test_pages_name_their_feeds_in_the_head(client, archive):
    home = client.get("/")
    assertContains(
        home,
        '<link rel="alternate" type="application/atom+xml" href="/feeds/documents/" '
        'title="New documents">',
        html=True,
    )
    page = client.get(archive["mfa"].get_absolute_url())
    assertContains(page, 'href="/organizations/migrant-forum-in-asia/feed/"')
    for record, feed in [
        (archive["c189"], "/conventions/ilo-c189/feed/"),
        (archive["series"], "/series/afml/feed/"),
    ]:
        assertContains(client.get(record.get_absolute_url()), f'href="{feed}"')
    assertContains(client.get("/tags/domestic-work/"), 'href="/tags/domestic-work/feed/"')
    events = client.get("/events/?country=SG")
    assertContains(events, 'href="/feeds/countries/SG/"')
    assertContains(client.get("/events/?country=%00x"), 'href="/feeds/events/"')
