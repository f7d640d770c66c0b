"""The search page: bad filters, long queries, facet lists and readable event snippets."""

import datetime as dt

import pytest
from django.conf import settings
from django.urls import reverse

from documents.search import clean_query, search, search_index_rebuild, valid_filters

from ..factories import make_document

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "bad", [{"year": "abc"}, {"organization": "nonexistent"}, {"type": "bogus"}, {"country": "ZZ"}]
)
def test_invalid_filter_values_are_ignored(client, graph, bad):
    unfiltered = search("ATUC").total
    assert search("ATUC", filters=bad).total == unfiltered > 0
    response = client.get(reverse("documents:search"), {"q": "ATUC", **bad})
    assert response.context["results"].total == unfiltered
    ((name, value),) = bad.items()
    assert f'name="{name}" value="{value}"' not in response.content.decode()


def test_valid_filters_keep_what_exists(graph):
    filters = {"year": "2007", "organization": "migrant-forum-in-asia", "type": "event"}
    assert valid_filters({**filters, "tag": "nope", "colour": "red"}) == filters


def test_active_filter_without_matches_can_be_removed(client, graph):
    response = client.get(
        reverse("documents:search"), {"q": "ATUC", "year": "1999", "type": "event"}
    )
    assert response.context["results"].total == 0
    active = {f["name"]: f for f in response.context["active_filters"]}
    assert set(active) == {"year", "type"}
    assert "year" not in active["year"]["remove"]
    assert active["year"]["remove"]["type"] == "event"
    assert "Remove" in response.content.decode()


def test_long_queries_are_cut_at_a_word_boundary():
    words = ["migrant"] * 60  # 479 characters
    query = clean_query(" ".join(words))
    assert len(query) <= 300
    assert query.split() == ["migrant"] * len(query.split())
    assert clean_query("a" * 400) == "a" * 300
    exact = ("x" * 295) + " word"
    assert clean_query(exact + " more") == exact


def test_long_facet_lists_fold_the_rest_under_show_all(client, graph):
    for n in range(12):
        make_document(
            title=f"Report on recruitment {n}",
            text="Recruitment of migrant workers.\n",
            start_date=dt.date(1990 + n, 1, 1),
        )
    search_index_rebuild()
    response = client.get(reverse("documents:search"), {"q": "recruitment", "year": "1990"})
    html = response.content.decode()
    assert "Show all 12 year values" in html
    assert '<details class="facet-more" open>' in html  # the chosen value is folded: show it
    css = (settings.BASE_DIR / "static" / "css" / "site.css").read_text()
    assert "max-height: 16rem" not in css


def test_event_hits_show_a_readable_line_unless_the_description_matches(graph):
    hits = search("ATUC").hits[:50]
    event_hit = next(h for h in hits if h.kind == "event")
    assert event_hit.snippet == "1–3 November 2007 · Consultation · Singapore · ATUC, MFA"
    event = graph["event"]
    event.description = "Delegates drafted a statement on recruitment fees."
    event.save()
    search_index_rebuild()
    hit = next(h for h in search("recruitment fees").hits[:50] if h.kind == "event")
    assert "<mark>recruitment</mark>" in hit.snippet
