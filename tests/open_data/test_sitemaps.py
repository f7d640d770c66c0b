"""sitemap.xml: an index of one sitemap a record kind, public records only, with lastmod,
split past the limit; robots.txt keeps search and facet addresses out and names it."""

import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from documents.sitemaps import SITEMAPS

from ..factories import make_bulk_archive, make_document

SM = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def locations(response) -> list[str]:
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    return [loc.text for loc in root.iterfind(".//sm:loc", SM)]


def test_the_index_names_a_sitemap_for_every_kind_of_public_record(client, graph):
    sections = locations(client.get("/sitemap.xml"))
    for kind in (
        "pages",
        "document",
        "event",
        "organization",
        "person",
        "convention",
        "series",
        "tags",
    ):
        assert f"http://testserver/sitemap-{kind}.xml" in sections


def test_a_section_lists_public_records_with_their_last_change(client, graph):
    hidden = make_document(slug="hidden-draft", is_published=False)
    response = client.get("/sitemap-document.xml")
    urls = locations(response)
    assert "http://testserver/documents/sub-regional-consultation-2007/" in urls
    assert f"http://testserver{hidden.get_absolute_url()}" not in urls
    lastmod = ET.fromstring(response.content).find(".//sm:lastmod", SM).text
    assert lastmod.startswith(graph["document"].updated_at.strftime("%Y-%m-%d"))
    assert "http://testserver/organizations/migrant-forum-in-asia/" in locations(
        client.get("/sitemap-organization.xml")
    )


def test_a_section_past_its_limit_is_split_into_pages(client, graph, monkeypatch):
    for _ in range(3):
        make_document()
    monkeypatch.setattr(SITEMAPS["document"], "limit", 2)
    sections = locations(client.get("/sitemap.xml"))
    assert "http://testserver/sitemap-document.xml?p=2" in sections
    assert len(locations(client.get("/sitemap-document.xml?p=2"))) == 2


@pytest.mark.parametrize(
    "url", ["/sitemap-nothing.xml", "/sitemap-document.xml?p=abc", "/sitemap-document.xml?p=99"]
)
def test_a_garbage_section_or_page_is_404(client, graph, url):
    assert client.get(url).status_code == 404


def queries_for(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.django_db
def test_sitemaps_cost_the_same_queries_however_many_records(client):
    hub = make_bulk_archive(2)
    urls = ["/sitemap.xml", "/sitemap-document.xml", "/sitemap-event.xml", "/sitemap-tags.xml"]
    small = [queries_for(client, url) for url in urls]
    make_bulk_archive(8, hub=hub)
    assert [queries_for(client, url) for url in urls] == small


@pytest.mark.django_db
def test_robots_txt_keeps_search_and_facets_out_and_names_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "Disallow: /search/" in lines
    assert "Disallow: /*?" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
