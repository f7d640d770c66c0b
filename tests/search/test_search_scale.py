"""Search stays bounded as the archive grows: the same queries at every size, title matches
kept among many body matches, capped results said so, facets listing their top values."""

from collections import Counter

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import documents.search.postgres as postgres_engine
import documents.search.query as search_query
import documents.search.sqlite as sqlite_engine
from documents.facets import FACET_VALUES, facet_counts
from documents.search import search, search_index_rebuild

from ..factories import make_document, make_event, make_organization, make_person

pytestmark = pytest.mark.django_db

SEARCHES = [
    {"q": "migrant"},  # every record
    {"q": "sericulture"},  # one document
    {"q": '"migrant workers"'},
    {"q": "migrant", "type": "document"},
    {"q": "migrant", "page": "2"},
]


def _grow_archive(n: int) -> None:
    for _ in range(n):
        make_document()
        make_event(description="A meeting on migrant workers.")
        make_organization()
        make_person(description="Organiser of migrant workers.")


def _queries_per_search(client) -> list[int]:
    search_index_rebuild()
    counts = []
    for params in SEARCHES:
        client.get(reverse("documents:search"), params)  # caches (content types) warmed
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("documents:search"), params).status_code == 200
        counts.append(len(queries))
    return counts


def test_a_search_costs_the_same_queries_at_every_size(client):
    make_document(title="Silk", text="On sericulture and migrant workers.\n")
    _grow_archive(3)
    small = _queries_per_search(client)
    _grow_archive(27)
    assert _queries_per_search(client) == small


@pytest.fixture
def small_bounds(monkeypatch):
    """Bounds of five, so a test archive of thirty records is a 'common word' archive."""
    monkeypatch.setattr(postgres_engine, "CANDIDATES", 5)
    monkeypatch.setattr(postgres_engine, "TITLE_CANDIDATES", 5)
    for module in (postgres_engine, sqlite_engine, search_query):
        monkeypatch.setattr(module, "MAX_MATCHES", 5)
    monkeypatch.setattr("documents.search.ranking.MAX_MATCHES", 5)


def test_a_title_match_ranks_first_among_many_body_matches(small_bounds):
    for n in range(30):
        make_document(title=f"Field notes {n}", text="Recruitment fees and recruitment agents.\n")
    title = make_document(title="Recruitment", text="A short note.\n")
    search_index_rebuild()
    results = search("recruitment")
    assert results.hits[0].object == title
    assert results.total == 5 and results.capped


def test_a_capped_search_says_it_shows_the_best_only(client, small_bounds):
    for _ in range(30):
        make_document()
    search_index_rebuild()
    page = client.get(reverse("documents:search"), {"q": "migrant"}).content.decode()
    assert "The best 5 results" in page
    assert "Counted over the best 5 matches" in page
    few = client.get(reverse("documents:search"), {"q": "report number 7"}).content.decode()
    assert "The best" not in few


@pytest.mark.parametrize(
    ("selected", "expected_values"),
    [
        (None, FACET_VALUES),  # the most frequent only
        ("tag-29", FACET_VALUES + 1),  # and the chosen one, however rare
        ("tag-0", FACET_VALUES),  # the chosen one among the most frequent: no repeat
    ],
)
def test_facets_list_their_most_frequent_values(selected, expected_values):
    # tag-0 on 30 records, tag-1 on 29, ... tag-29 on 1.
    records = [{"tag": {f"tag-{t}" for t in range(30 - r)}} for r in range(30)]
    labels = {"tag": {f"tag-{t}": f"Tag {t}" for t in range(30)}}
    for name in ("type", "year", "organization", "country", "convention"):
        labels[name] = {}
    filters = {"tag": selected} if selected else {}
    tags = next(f for f in facet_counts(records, labels, filters) if f["name"] == "tag")
    values = [v["value"] for v in tags["values"]]
    assert len(values) == expected_values
    assert values[:3] == ["tag-0", "tag-1", "tag-2"]
    if selected:
        assert Counter(values)[selected] == 1
