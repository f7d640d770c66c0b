import datetime as dt
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import resolve, reverse
from pytest_django.asserts import assertContains, assertNotContains, assertTemplateUsed

from documents.counts import archive_counts_refresh
from documents.models import EventOrganization, Mention
from documents.search import search_index_rebuild
from organizations.models import OrganizationAlias

from ..factories import (
    make_bulk_archive,
    make_convention,
    make_document,
    make_event,
    make_mention,
    make_organization,
    make_person,
)

pytestmark = pytest.mark.django_db


def public_urls(graph):
    return [
        "/",
        reverse("documents:search") + "?q=ATUC",
        reverse("documents:search") + "?q=ATUC&year=2007",
        reverse("documents:document-list"),
        reverse("documents:event-list"),
        reverse("documents:event-archive-year", kwargs={"year": 2007}),
        reverse("documents:convention-list"),
        reverse("documents:tag-list"),
        reverse("organizations:organization-list"),
        reverse("organizations:organization-list") + "?q=mfa",
        reverse("organizations:person-list"),
        graph["document"].get_absolute_url(),
        graph["event"].get_absolute_url(),
        graph["mfa"].get_absolute_url(),
        graph["gois"].get_absolute_url(),
        graph["c189"].get_absolute_url(),
    ]


def test_every_public_page_answers(client, graph):
    graph["event"].tags.add("domestic work")
    urls = [*public_urls(graph), reverse("documents:tag-detail", kwargs={"slug": "domestic-work"})]
    for url in urls:
        assert client.get(url).status_code == 200, url


def test_home_page_lists_documents_and_counts(client):
    make_document(title="Founding of the caucus")
    make_document(title="Hidden draft", is_published=False)
    response = client.get("/")
    assertTemplateUsed(response, "home.html")
    assertContains(response, "Founding of the caucus")
    assertNotContains(response, "Hidden draft")
    assert response.context["counts"]["documents"] == 1


def test_home_page_shows_timeline_and_entry_points(client, graph):
    response = client.get("/")
    assertContains(response, '<a href="/events/2007/">2007</a>', html=True)
    assertContains(response, graph["mfa"].get_absolute_url())
    assertContains(response, graph["c189"].get_absolute_url())
    assertContains(response, 'role="search"')


def test_events_index_draws_a_chart_with_a_table(client, graph):
    make_event(start_date=dt.date(2011, 3, 1), end_date=dt.date(2011, 3, 1))
    response = client.get(reverse("documents:event-list"))
    assertTemplateUsed(response, "documents/event_archive.html")
    assertContains(response, "<svg", count=1)
    assertContains(response, '<th scope="row"><a href="/events/2011/">2011</a></th>', html=True)


def test_year_page_groups_by_month_and_links_neighbour_years(client, graph):
    make_event(
        name="Workshop in July",
        start_date=dt.date(2007, 7, 1),
        end_date=None,
        date_precision="month",
    )
    make_event(name="Later one", start_date=dt.date(2011, 3, 1), end_date=None)
    make_event(name="Earlier one", start_date=dt.date(2004, 3, 1), end_date=None)
    response = client.get("/events/2007/")
    assertTemplateUsed(response, "documents/event_archive_year.html")
    months = [m["name"] for m in response.context["months"]]
    assert months == ["July", "November"]
    assertContains(response, "July 2007")
    assertContains(response, "1–3 November 2007")
    assert response.context["previous_year"] == 2004
    assert response.context["next_year"] == 2011


def test_year_page_filters_by_kind_country_and_organization(client, graph):
    make_event(name="A training in Manila", kind="training", country="PH")
    response = client.get("/events/2007/", {"kind": "training"})
    assertContains(response, "A training in Manila")
    assertNotContains(response, graph["event"].name)
    response = client.get("/events/2007/", {"country": "SG"})
    assertContains(response, graph["event"].name)
    assertNotContains(response, "A training in Manila")
    response = client.get("/events/2007/", {"organization": "migrant-forum-in-asia"})
    assertContains(response, graph["event"].name)
    assertNotContains(response, "A training in Manila")


def test_year_without_events_is_404(client, graph):
    assert client.get("/events/1950/").status_code == 404


def test_event_page_shows_roles_people_conventions_and_passages(client, graph):
    response = client.get(graph["event"].get_absolute_url())
    assertTemplateUsed(response, "documents/event_detail.html")
    assertContains(response, "<dt>Co-organizer</dt>", html=True)
    assertContains(response, "ASEAN Trade Union Council (ATUC)")
    assertContains(response, "Regional Coordinator")
    assertContains(response, "Domestic Workers Convention")
    assertContains(response, '<blockquote class="passage">The consultation</blockquote>', html=True)
    assertContains(response, "Singapore")


def test_event_page_links_previous_and_next_events_and_related(client, graph):
    before = make_event(name="Earlier meeting", start_date=dt.date(2006, 1, 1), end_date=None)
    after = make_event(name="Later meeting", start_date=dt.date(2008, 1, 1), end_date=None)
    EventOrganization.objects.create(event=after, organization=graph["mfa"], role="organizer")
    response = client.get(graph["event"].get_absolute_url())
    assert response.context["previous_event"] == before
    assert response.context["next_event"] == after
    assert list(response.context["related_events"]) == [after]


def test_document_page_links_mentions_inline_and_escapes_text(client, graph):
    document = make_document(text="<script>alert('x')</script> Migrant Forum in Asia spoke.\n")
    make_mention(document, graph["mfa"])
    response = client.get(document.get_absolute_url())
    assertNotContains(response, "<script>alert")
    assertContains(response, "&lt;script&gt;")
    assertContains(
        response,
        f'<a class="mention mention-organization" href="{graph["mfa"].get_absolute_url()}" '
        'title="Migrant Forum in Asia (MFA)"><mark>Migrant Forum in Asia</mark></a>',
        html=True,
    )
    assertContains(response, "Cite this document")


def test_rejected_mentions_and_unpublished_targets_are_not_linked(client, graph):
    Mention.objects.filter(organization=graph["atuc"]).update(review_status="rejected")
    graph["gois"].is_published = False
    graph["gois"].save()
    response = client.get(graph["document"].get_absolute_url())
    assertNotContains(response, graph["atuc"].get_absolute_url())
    assertNotContains(response, graph["gois"].get_absolute_url())
    assertContains(response, graph["mfa"].get_absolute_url())


def test_unpublished_and_rejected_records_appear_nowhere(client, graph):
    hidden = make_organization(name="Hidden Union", is_published=False)
    rejected = make_organization(name="Rejected Union", review_status="rejected")
    for org in (hidden, rejected):
        EventOrganization.objects.create(event=graph["event"], organization=org)
    search_index_rebuild()
    for url in [*public_urls(graph), reverse("documents:search") + "?q=union"]:
        response = client.get(url)
        assertNotContains(response, "Hidden Union")
        assertNotContains(response, "Rejected Union")
    assert client.get(hidden.get_absolute_url()).status_code == 404
    assert client.get(rejected.get_absolute_url()).status_code == 404


def test_organization_list_counts_events_and_documents(client, graph):
    archive_counts_refresh()  # as it stands once the writes commit (tests never commit)
    response = client.get(reverse("organizations:organization-list"))
    mfa = next(o for o in response.context["page_obj"] if o.slug == "migrant-forum-in-asia")
    assert (mfa.event_count, mfa.document_count) == (1, 1)


@pytest.mark.parametrize("query", ["MFA", "mfa", "Migrant Forum", "migrant-forum", "Forum Migrant"])
def test_organization_search_by_acronym_name_or_alias(client, graph, query):
    OrganizationAlias.objects.create(organization=graph["mfa"], name="Forum Migrant Asie")
    response = client.get(reverse("organizations:organization-list"), {"q": query})
    assert [o.slug for o in response.context["page_obj"]] == ["migrant-forum-in-asia"]


def test_organization_search_ignores_diacritics(client):
    make_organization(name="Fundación Trabajadores", slug="fundacion")
    response = client.get(reverse("organizations:organization-list"), {"q": "fundacion"})
    assert [o.slug for o in response.context["page_obj"]] == ["fundacion"]


def test_organization_list_filters_by_kind_and_country(client, graph):
    make_organization(name="Philippine Union", country="PH", kind="trade_union")
    response = client.get(reverse("organizations:organization-list"), {"country": "PH"})
    assert [o.name for o in response.context["page_obj"]] == ["Philippine Union"]
    response = client.get(reverse("organizations:organization-list"), {"kind": "network"})
    assert [o.name for o in response.context["page_obj"]] == ["Migrant Forum in Asia"]


def test_suggestions_endpoint_returns_json(client, graph):
    response = client.get(reverse("organizations:organization-suggest"), {"q": "migr"})
    data = json.loads(response.content)
    assert data["suggestions"][0] == {
        "name": "Migrant Forum in Asia",
        "acronym": "MFA",
        "url": "/organizations/migrant-forum-in-asia/",
    }
    empty = client.get(reverse("organizations:organization-suggest"), {"q": ""})
    assert json.loads(empty.content)["suggestions"] == []


def test_organization_page_shows_events_documents_and_companions(client, graph):
    response = client.get(graph["mfa"].get_absolute_url())
    assertTemplateUsed(response, "organizations/organization_detail.html")
    assertContains(response, graph["event"].name)
    assertContains(response, "<mark>Migrant Forum in Asia</mark>")
    assert [o.slug for o in response.context["co_appearing"]] == ["asean-trade-union-council"]
    assert [p.slug for p in response.context["people"]] == ["william-gois"]
    assert [c.slug for c in response.context["conventions"]] == ["ilo-c189"]
    assertContains(response, "<svg")


def test_person_and_convention_pages(client, graph):
    response = client.get(graph["gois"].get_absolute_url())
    assertContains(response, "Regional Coordinator")
    assertContains(response, graph["event"].get_absolute_url())
    response = client.get(graph["c189"].get_absolute_url())
    assertContains(response, "ILO-C189")
    assertContains(response, graph["event"].get_absolute_url())
    assert [o.slug for o in response.context["organizations"]] == [
        "asean-trade-union-council",
        "migrant-forum-in-asia",
    ]


def test_tag_pages(client, graph):
    graph["document"].tags.add("Domestic work")
    response = client.get(reverse("documents:tag-list"))
    assertContains(response, "Domestic work")
    response = client.get(reverse("documents:tag-detail", kwargs={"slug": "domestic-work"}))
    assertContains(response, graph["document"].title)


def test_unknown_address_gives_a_helpful_404(client):
    response = client.get("/organizations/no-such-body/")
    assert response.status_code == 404
    assertContains(response, "Page not found", status_code=404)
    assertContains(response, 'role="search"', status_code=404)


def test_urls_resolve_both_ways():
    assert reverse("documents:event-detail", kwargs={"slug": "x"}) == "/events/x/"
    assert resolve("/events/x/").view_name == "documents:event-detail"
    assert resolve("/events/2007/").view_name == "documents:event-archive-year"
    assert resolve("/organizations/migrant-forum-in-asia/").view_name == (
        "organizations:organization-detail"
    )
    assert resolve("/search/").view_name == "documents:search"


def _query_counts(client, urls):
    counts = {}
    for url in urls:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200, url
        counts[url] = len(queries)
    return counts


def test_every_page_makes_a_constant_number_of_queries(client):
    """The same pages cost the same queries with 3 or 40 linked records per organization."""
    hub = make_bulk_archive(3)
    search_index_rebuild()
    from documents.models import Event, SourceDocument

    event = Event.objects.first()
    document = SourceDocument.objects.first()
    person = event.people.first()
    convention = event.conventions.first()
    urls = [
        "/",
        "/search/?q=hub",
        "/search/?q=hub&year=2001",
        "/documents/",
        "/events/",
        "/events/2001/",
        "/conventions/",
        "/tags/",
        "/tags/recruitment/",
        "/organizations/",
        "/organizations/?q=hub",
        "/people/",
        hub.get_absolute_url(),
        event.get_absolute_url(),
        document.get_absolute_url(),
        person.get_absolute_url(),
        convention.get_absolute_url(),
    ]
    small = _query_counts(client, urls)
    make_bulk_archive(40, hub=hub)
    search_index_rebuild()
    large = _query_counts(client, urls)
    # Search loads each record type on the page once: bounded by the five types, not by size.
    assert {u: n for u, n in large.items() if "search" not in u} == {
        u: n for u, n in small.items() if "search" not in u
    }
    # Search: up to 8 match queries (5 types, 3 trigram), 10 for facets, 2 per type shown.
    assert max(n for u, n in large.items() if "search" in u) <= 30, large
    assert max(n for u, n in large.items() if "search" not in u) <= 15, large


def test_home_page_query_count_is_constant(client, django_assert_max_num_queries):
    for _ in range(30):
        make_document()
    with django_assert_max_num_queries(12):
        client.get("/")


def test_convention_and_person_lists(client, graph):
    make_convention(identifier="ILO-C097", short_name="Migration for Employment Convention")
    make_person(name="Ellen Sana")
    assertContains(client.get(reverse("documents:convention-list")), "ILO-C097")
    assertContains(client.get(reverse("organizations:person-list")), "Ellen Sana")


GARBAGE = ["", "x" * 2000, "a\x00b", "'; DROP TABLE x; --", '"', "%", "日本語", "\ue000"]


@pytest.mark.parametrize("value", GARBAGE)
def test_garbage_parameters_never_break_a_page(client, graph, value):
    pages = {
        reverse("organizations:organization-list"): ["q", "kind", "country", "letter", "page"],
        reverse("organizations:organization-suggest"): ["q"],
        reverse("documents:event-archive-year", kwargs={"year": 2007}): [
            "kind",
            "country",
            "organization",
            "page",
        ],
        reverse("documents:search"): ["q", "type", "year", "organization", "tag", "page"],
        graph["mfa"].get_absolute_url(): ["events_page", "documents_page"],
        reverse("documents:document-list"): ["page"],
    }
    for url, params in pages.items():
        for param in params:
            response = client.get(url, {param: value})
            assert response.status_code == 200, (url, param)


def test_every_document_that_mentions_a_convention_shows_its_passages(client):
    """A document naming the convention hundreds of times must not crowd the others out."""
    from ..factories import make_convention, make_document

    convention = make_convention(short_name="Domestic Workers Convention", identifier="ILO-C189")
    long_text = "C189 was cited. " * 200
    crowded = make_document(text=long_text, start_date=dt.date(2020, 1, 1))
    Mention.objects.bulk_create(
        Mention(document=crowded, convention=convention, start=i * 16, end=i * 16 + 4, text="C189")
        for i in range(200)
    )
    quiet = make_document(
        text="Unions asked for C189 to be ratified.", start_date=dt.date(2019, 1, 1)
    )
    start = quiet.text.index("C189")
    Mention.objects.create(
        document=quiet, convention=convention, start=start, end=start + 4, text="C189"
    )
    groups = client.get(convention.get_absolute_url()).context["passages"]
    assert [g["document"] for g in groups] == [crowded, quiet]
    assert [len(g["passages"]) for g in groups] == [3, 1]
