import datetime as dt

import pytest
from django.db import connection

from documents.search import (
    clean_query,
    fts5_query,
    highlight,
    matching_ids,
    search,
    search_index_rebuild,
)

from ..factories import make_document, make_organization

pytestmark = pytest.mark.django_db


def found(results):
    return [(hit.kind, hit.object.slug) for hit in results.hits[: results.total]]


def test_acronym_finds_the_organization_first(graph):
    results = search("ATUC")
    assert found(results)[0] == ("organization", "asean-trade-union-council")
    assert ("document", "sub-regional-consultation-2007") in found(results)


def test_phrase_search_matches_the_phrase_only(graph):
    make_document(title="Workers at home", text="Domestic rules for migrant workers.\n")
    search_index_rebuild()
    results = search('"domestic workers"')
    kinds = found(results)
    assert ("document", "sub-regional-consultation-2007") in kinds
    assert all(slug != "workers-at-home" for _kind, slug in kinds)


def test_snippets_highlight_terms_and_escape_document_text(graph):
    document = make_document(
        title="Script test", text="<script>alert(1)</script> & kiddies on migrant workers\n"
    )
    search_index_rebuild()
    hits = search("kiddies").hits[:10]
    hit = next(h for h in hits if h.object == document)
    assert "<script>" not in hit.snippet
    assert "<mark>kiddies</mark>" in hit.snippet


def test_highlight_escapes_then_marks():
    assert highlight("a <b> \ue000term\ue001") == "a &lt;b&gt; <mark>term</mark>"


def test_unpublished_and_rejected_records_are_never_found(graph):
    make_organization(name="Hidden Alliance of Secrets", is_published=False)
    make_organization(name="Rejected Alliance of Secrets", review_status="rejected")
    search_index_rebuild()
    assert search("alliance secrets").total == 0


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "x" * 2000,
        "word " * 400,
        "!!! ??? ***",
        "'; DROP TABLE documents_sourcedocument; --",
        '"unbalanced quote',
        "NEAR(a b) AND OR NOT ^ * : -",
        "nul\x00byte",
        "title:secret",
        "\ue000",
    ],
)
def test_garbage_queries_give_results_not_errors(graph, query):
    results = search(query)
    assert results.total >= 0
    list(results.hits[:20])


def test_garbage_queries_render_a_page(client, graph):
    for query in ["", "x" * 2000, "'; DROP TABLE x; --", '"', "a\x00b", "()", "*"]:
        response = client.get("/search/", {"q": query})
        assert response.status_code == 200, query


def test_filters_narrow_results_and_facets_count(graph):
    make_document(
        title="ATUC annual report",
        text="ATUC reports on 2011.\n",
        start_date=dt.date(2011, 5, 1),
        end_date=dt.date(2011, 5, 1),
    )
    search_index_rebuild()
    everything = search("ATUC")
    years = {v["value"]: v["count"] for v in _facet(everything, "year")}
    assert years["2011"] == 1
    narrowed = search("ATUC", filters={"year": "2011"})
    assert [hit.object.title for hit in narrowed.hits[:10]] == ["ATUC annual report"]
    still_offered = {v["value"]: v["selected"] for v in _facet(narrowed, "year")}
    assert still_offered == {"2011": True, "2007": False}
    types = {v["value"] for v in _facet(everything, "type")}
    assert {"organization", "document", "event"} <= types


def test_organization_facet_comes_from_links(graph):
    results = search("consultation")
    orgs = {v["value"] for v in _facet(results, "organization")}
    assert "migrant-forum-in-asia" in orgs
    narrowed = search("consultation", filters={"organization": "migrant-forum-in-asia"})
    assert narrowed.total >= 1


def test_index_follows_saves_in_the_same_transaction(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        org = make_organization(name="Solidarity Centre Kathmandu")
    assert [h.object for h in search("Solidarity").hits[:5]] == [org]
    with django_capture_on_commit_callbacks(execute=True):
        org.is_published = False
        org.save()
    assert search("Solidarity").total == 0


def test_query_cleaning():
    assert clean_query("  a\x00b  ") == "a b"
    assert len(clean_query("x" * 2000)) <= 300
    assert fts5_query('ATUC "domestic workers') == '"ATUC" "domestic workers"'
    assert fts5_query("'; DROP TABLE --") == '"DROP" "TABLE"'
    assert fts5_query("!!!") == ""


@pytest.mark.skipif(connection.vendor != "postgresql", reason="trigram similarity is PG-only")
def test_small_typos_in_names_still_find_them_on_postgres(graph):
    results = search("Migrant Forum in Aisa")
    assert ("organization", "migrant-forum-in-asia") in found(results)


def _facet(results, name):
    return next(f["values"] for f in results.facets if f["name"] == name)


def test_both_engines_rank_title_matches_above_body_matches():
    body = make_document(title="A report", text="Notes about recruitment fees in passing.\n")
    title = make_document(title="Recruitment fees", text="A short text on costs.\n")
    org = make_organization(name="Recruitment Watch", slug="recruitment-watch")
    search_index_rebuild()
    order = [hit.object for hit in search("recruitment").hits[:10]]
    assert order.index(title) < order.index(body)
    assert order.index(org) < order.index(body)
    assert search("recruitment fees").hits[0].object == title


def test_tags_added_later_are_searchable(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        document = make_document(title="Plain title")
    with django_capture_on_commit_callbacks(execute=True):
        document.tags.add("Kafala system")
    assert [h.object for h in search("kafala").hits[:5]] == [document]


def test_reindex_command_rebuilds_after_bulk_writes():
    from django.core.management import call_command

    from organizations.models import Organization

    Organization.objects.bulk_create(
        [Organization(name="Bulk Made", slug="bulk-made", description="Works on sponsorship.")]
    )
    assert search("sponsorship").total == 0
    call_command("reindex", verbosity=0)
    assert [h.object.slug for h in search("sponsorship").hits[:5]] == ["bulk-made"]
    assert matching_ids("sponsorship", Organization) == [
        Organization.objects.get(slug="bulk-made").pk
    ]


def test_a_rejected_instrument_is_not_offered_as_a_facet(graph):
    """Only values the filter accepts are offered: a rejected convention would do nothing."""
    assert "ilo-c189" in {v["value"] for v in _facet(search("consultation"), "convention")}
    graph["c189"].review_status = "rejected"
    graph["c189"].save()
    assert "ilo-c189" not in {v["value"] for v in _facet(search("consultation"), "convention")}


@pytest.mark.parametrize(
    "title",
    [
        "Sub-Regional Consultation of ASEAN CSO - Trade Unions, 1-3 November 2007",
        "Workshop on Fair Recruitment – Bangkok",
        "Training of Trainers -- Phase Two",
    ],
)
def test_a_document_is_found_by_its_own_title_with_a_spaced_dash(title):
    """A dash between spaces is punctuation, not "leave out the next word"."""
    document = make_document(title=title, slug="the-document")
    search_index_rebuild()
    assert ("document", document.slug) in found(search(title))
