"""The read-only JSON API: records and their links, filters, paging, what the public may see,
garbage answered with 400, and a constant number of queries whatever the archive's size."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from documents.models import Mention
from documents.search import search_index_rebuild

from ..factories import make_bulk_archive, make_document, make_event, make_organization


def get(client, url, params=None, status=200):
    response = client.get(url, params or {})
    assert response.status_code == status, (url, params, response.content[:500])
    return response.json()


def slugs(body):
    return [row["id"] for row in body["results"]]


def test_every_list_answers_with_a_page_of_records(client, graph):
    for path in ["documents", "events", "series", "organizations", "people", "conventions"]:
        body = get(client, f"/api/{path}")
        assert set(body) >= {"count", "page", "page_size", "next", "previous", "results"}
    assert slugs(get(client, "/api/organizations")) == [
        "asean-trade-union-council",
        "migrant-forum-in-asia",
    ]


def test_records_link_to_each_other_by_slug(client, graph):
    event = get(client, f"/api/events/{graph['event'].slug}")
    assert event["country"] == "SG"
    assert event["start"] == "2007-11-01"
    roles = {(r["role"], r["organization"]["id"]) for r in event["organizations"]}
    assert roles == {
        ("co-organizer", "asean-trade-union-council"),
        ("co-organizer", "migrant-forum-in-asia"),
    }
    speaker = event["participants"][0]
    assert speaker["person"]["id"] == "william-gois"
    assert speaker["affiliation"]["url"].endswith("/api/organizations/migrant-forum-in-asia")
    assert [c["id"] for c in event["conventions"]] == ["ilo-c189"]
    document = get(client, event["documents"][0]["url"])
    assert [o["id"] for o in document["organizations"]] == [
        "asean-trade-union-council",
        "migrant-forum-in-asia",
    ]
    assert document["html_url"].endswith(graph["document"].get_absolute_url())


def test_mentions_show_their_passage_and_review_status(client, graph):
    body = get(client, "/api/mentions", {"document": graph["document"].slug})
    assert body["count"] == 5
    assert {row["review_status"] for row in body["results"]} == {"proposed"}
    gois = get(client, "/api/mentions", {"person": "william-gois"})["results"][0]
    assert gois["text"] == "William Gois"
    assert get(client, gois["url"])["record"]["id"] == "william-gois"


def test_rejected_and_unpublished_records_never_appear(client, graph):
    Mention.objects.filter(person=graph["gois"]).update(review_status="rejected")
    make_organization(name="Hidden Union", slug="hidden-union", is_published=False)
    make_organization(name="Rejected Union", slug="rejected-union", review_status="rejected")
    assert get(client, "/api/mentions", {"record_type": "person"})["count"] == 0
    assert "hidden-union" not in slugs(get(client, "/api/organizations"))
    assert "rejected-union" not in slugs(get(client, "/api/organizations"))
    get(client, "/api/organizations/hidden-union", status=404)
    get(client, "/api/mentions", {"review_status": "rejected"}, status=400)


def test_filters_apply(client, graph):
    make_event(name="Workshop in Manila", slug="workshop-manila", country="PH", kind="workshop")
    assert slugs(get(client, "/api/events", {"country": "PH"})) == ["workshop-manila"]
    assert slugs(get(client, "/api/events", {"kind": "workshop"})) == ["workshop-manila"]
    by_org = get(client, "/api/events", {"organization": "migrant-forum-in-asia"})
    assert slugs(by_org) == [graph["event"].slug]
    assert slugs(get(client, "/api/organizations", {"q": "MFA"})) == ["migrant-forum-in-asia"]
    assert slugs(get(client, "/api/people", {"organization": "migrant-forum-in-asia"})) == [
        "william-gois"
    ]


def test_search_goes_through_the_one_search(client, graph):
    body = get(client, "/api/search", {"q": "Migrant Forum"})
    assert ("organization", "migrant-forum-in-asia") in {
        (r["type"], r["id"]) for r in body["results"]
    }
    only = get(client, "/api/search", {"q": "Migrant Forum", "type": "organization"})
    assert {r["type"] for r in only["results"]} == {"organization"}


def test_paging_links_and_the_largest_page(client, db):
    for n in range(5):
        make_document(title=f"Report {n}")
    body = get(client, "/api/documents", {"page_size": 2, "page": 2})
    assert len(body["results"]) == 2 and body["count"] == 5
    assert "page=3" in body["next"] and "page=1" in body["previous"]
    get(client, "/api/documents", {"page_size": 101}, status=400)


@pytest.mark.parametrize(
    ("url", "params", "said"),
    [
        ("/api/events", {"year": "last"}, "year"),
        ("/api/events", {"country": "Philippines"}, "country"),
        ("/api/events", {"kind": "party"}, "kind"),
        ("/api/events", {"organization": "no-such-body"}, "no public organization"),
        ("/api/events", {"colour": "red"}, "unknown parameter colour"),
        ("/api/documents", {"page": "0"}, "page"),
        ("/api/documents", {"page": "x" * 2000}, "page"),
        ("/api/organizations", {"q": "a\x00b"}, "q"),
        ("/api/organizations", {"q": "x" * 201}, "q"),
        ("/api/search", {"q": "forum", "tag": "no-such-tag"}, "tag=no-such-tag"),
        ("/api/search", {"type": "spaceship"}, "type"),
        ("/api/mentions", {"document": "'; DROP TABLE x; --"}, "document"),
    ],
)
def test_garbage_parameters_get_400_and_say_why(client, graph, url, params, said):
    body = get(client, url, params, status=400)
    assert said in body["detail"]


def test_a_merged_away_slug_redirects_and_is_kept_as_a_former_slug(client, graph):
    from organizations.services import organization_merge

    twin = make_organization(name="Migrant Forum Asia", slug="migrant-forum-asia")
    organization_merge(source=twin, target=graph["mfa"])
    response = client.get("/api/organizations/migrant-forum-asia")
    assert response.status_code == 301
    assert response["Location"].endswith("/api/organizations/migrant-forum-in-asia")
    detail = get(client, "/api/organizations/migrant-forum-in-asia")
    assert detail["former_slugs"] == ["migrant-forum-asia"]
    assert "Migrant Forum Asia" in detail["aliases"]


def test_docs_and_schema_are_served(client, db):
    schema = get(client, "/api/schema")
    assert "/api/events" in schema["paths"]
    docs = client.get("/api/docs")
    assert docs.status_code == 200
    assert b"swagger-ui-bundle.js" in docs.content and b"cdn" not in docs.content


def _api_urls(hub):
    from documents.models import Convention, Event, SourceDocument

    event = Event.objects.order_by("pk").first()
    return [
        "/api/documents?page_size=100",
        "/api/documents?organization=hub-network",
        f"/api/documents/{SourceDocument.objects.order_by('pk').first().slug}",
        "/api/events?page_size=100&tag=recruitment",
        "/api/events?organization=hub-network&page_size=100",
        f"/api/events/{event.slug}",
        "/api/organizations?page_size=100",
        f"/api/organizations/{hub.slug}",
        "/api/people?page_size=100",
        f"/api/people/{event.people.first().slug}",
        "/api/conventions",
        f"/api/conventions/{Convention.objects.first().slug}",
        "/api/series",
        "/api/mentions?page_size=100",
        "/api/search?q=hub&page_size=100",
    ]


def _counts(client, urls):
    counts = {}
    for url in urls:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200, url
        counts[url] = len(queries)
    return counts


def test_every_call_makes_a_constant_number_of_queries(client, db):
    hub = make_bulk_archive(3)
    search_index_rebuild()
    small = _counts(client, _api_urls(hub))
    make_bulk_archive(30, hub=hub)
    search_index_rebuild()
    large = _counts(client, _api_urls(hub))
    assert large == small
    assert max(large.values()) <= 30, large
