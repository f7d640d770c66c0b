"""Exports: every public list and search result as CSV and JSON, with the page's filters,
streamed in a constant number of queries, and linked from the list pages."""

import csv
import io
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from pytest_django.asserts import assertContains

from documents.search import search_index_rebuild

from ..factories import make_bulk_archive, make_event, make_organization, make_series

LISTS = ["documents", "events", "series", "organizations", "people", "conventions"]


def download(client, url, params=None):
    response = client.get(url, params or {})
    assert response.status_code == 200, (url, response.content[:300])
    assert response.streaming
    return b"".join(response.streaming_content).decode()


def csv_rows(client, url, params=None):
    return list(csv.DictReader(io.StringIO(download(client, url, params))))


@pytest.mark.parametrize("name", LISTS)
def test_every_list_exports_as_csv_and_json_alike(client, graph, name):
    rows = csv_rows(client, f"/export/{name}.csv")
    records = json.loads(download(client, f"/export/{name}.json"))
    assert [row["slug"] for row in rows] == [record["slug"] for record in records]
    assert all(record["url"].startswith("http://testserver/") for record in records)


def test_filters_apply_to_exports(client, graph):
    make_event(name="Workshop in Manila", slug="workshop-manila", country="PH", kind="workshop")
    by_country = csv_rows(client, "/export/events.csv", {"country": "PH", "page": "3"})
    assert [row["slug"] for row in by_country] == ["workshop-manila"]
    by_body = json.loads(
        download(client, "/export/events.json", {"organization": "migrant-forum-in-asia"})
    )
    assert [event["slug"] for event in by_body] == [graph["event"].slug]
    assert by_body[0]["country"] == "SG" and by_body[0]["start_date"] == "2007-11-01"
    found = csv_rows(client, "/export/search.csv", {"q": "Migrant Forum", "type": "organization"})
    assert {row["type"] for row in found} == {"organization"}
    assert "migrant-forum-in-asia" in {row["slug"] for row in found}


def test_exports_leave_out_what_the_public_may_not_see(client, graph):
    make_organization(name="Hidden Union", slug="hidden-union", is_published=False)
    slugs = {row["slug"] for row in csv_rows(client, "/export/organizations.csv")}
    assert slugs == {"asean-trade-union-council", "migrant-forum-in-asia"}


@pytest.mark.parametrize(
    ("url", "params", "said"),
    [
        ("/export/events.csv", {"year": "soon"}, "year"),
        ("/export/events.csv", {"colour": "red"}, "colour"),
        ("/export/documents.json", {"organization": "no-such-body"}, "no public organization"),
        ("/export/search.csv", {"q": "x", "tag": "no-such-tag"}, "tag=no-such-tag"),
    ],
)
def test_garbage_filters_get_400_and_say_why(client, graph, url, params, said):
    response = client.get(url, params)
    assert response.status_code == 400
    assert said in response.content.decode()


def test_an_unknown_list_is_not_found(client, db):
    assert client.get("/export/secrets.csv").status_code == 404


def _export_queries(client, urls):
    counts, lengths = {}, {}
    for url in urls:
        with CaptureQueriesContext(connection) as queries:
            lengths[url] = len(csv_rows(client, url))
        counts[url] = len(queries)
    return counts, lengths


def test_an_export_of_twice_the_rows_makes_the_same_queries(client, db):
    hub = make_bulk_archive(10)
    search_index_rebuild()
    urls = [f"/export/{name}.csv" for name in LISTS]
    urls += ["/export/events.csv?organization=hub-network", "/export/search.csv?q=hub"]
    small, small_lengths = _export_queries(client, urls)
    make_bulk_archive(10, hub=hub)
    search_index_rebuild()
    large, large_lengths = _export_queries(client, urls)
    assert large_lengths["/export/events.csv"] == 2 * small_lengths["/export/events.csv"]
    assert large == small
    assert max(large.values()) <= 25, large


def test_list_pages_link_to_their_exports_with_their_filters(client, graph):
    make_event(series=make_series(), edition=1)
    response = client.get("/organizations/", {"kind": "network", "page": "1"})
    assertContains(response, 'href="/export/organizations.csv?kind=network"')
    year_page = client.get("/events/2007/", {"country": "SG"})
    assertContains(year_page, 'href="/export/events.json?country=SG&amp;year=2007"')
    assertContains(client.get("/search/", {"q": "forum"}), 'href="/export/search.csv?q=forum"')
    for url in ["/documents/", "/conventions/", "/series/", "/people/"]:
        assertContains(client.get(url), "/export/")
