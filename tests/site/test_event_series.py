"""Event series: a recurring gathering with numbered editions, stored by the importer from its
findings, shown on its own public page and linked from each edition."""

import datetime as dt
import hashlib
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import resolve, reverse
from pytest_django.asserts import assertContains, assertNotContains, assertTemplateUsed

from advocacy_site.partial_dates import PartialDate
from advocacy_site.records import ReviewStatus
from documents.ingest.findings import DocumentAnalysis, EventFinding, Span
from documents.ingest.resolver import ArchiveResolver
from documents.ingest.sources import SourceText
from documents.ingest.store import DocumentBatch
from documents.models import Event, EventSeries
from documents.models.events import ordinal
from documents.search import matching_ids

from ..admin.admin_forms import admin_form_data
from ..factories import make_document, make_event, make_series

pytestmark = pytest.mark.django_db

AFML = "ASEAN Forum on Migrant Labour"


def edition_found(
    series: str, edition: int | None, year: int, city: str, *, country="PH", kind="forum"
):
    """A hand-built analysis of one text reporting one edition of `series`."""
    number = f"{ordinal(edition)} " if edition else ""
    name = f"{number}{series}" or "Regional workshop"
    text = f"The {name} was held in {city} in October {year}.\n"
    span = Span(text.index(name), text.index(name) + len(name), name, "test-series", 0.9)
    event = EventFinding(
        key="event-1",
        name=name,
        kind=kind,
        date=PartialDate.from_parts(year, 10),
        city=city,
        country=country,
        spans=[span],
        is_document_event=True,
        series=series,
        edition=edition,
    )
    file = f"{name.lower().replace(' ', '-')}-{year}.txt"
    analysis = DocumentAnalysis(
        file=file,
        title=f"Report of the {name}",
        text=text,
        date=PartialDate.from_parts(year, 11),
        category="Reports",
        region="Regional",
        events=[event],
    )
    source = SourceText(
        path=Path(file),
        name=file,
        text=text,
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        kind="txt",
    )
    return source, analysis


def store(*items, resolver=None):
    batch = DocumentBatch(resolver or ArchiveResolver())
    batch.write(list(items))
    return batch


# --- The write path --------------------------------------------------------------------------


def test_two_documents_about_two_editions_make_one_series_with_two_editions():
    batch = store(
        edition_found(AFML, 9, 2016, "Vientiane", country="LA"),
        edition_found(AFML, 10, 2017, "Manila"),
    )
    series = EventSeries.objects.get()
    assert series.name == AFML
    assert series.review_status == ReviewStatus.PROPOSED
    assert series.slug == "asean-forum-on-migrant-labour"
    editions = list(series.editions.order_by("edition").values_list("edition", "city", "country"))
    assert editions == [(9, "Vientiane", "LA"), (10, "Manila", "PH")]
    assert batch.created["event series"] == 1
    assert EventSeries.history.filter(history_type="+").count() == 1


def test_names_differing_in_case_resolve_to_one_series_across_batches():
    store(edition_found(AFML, 9, 2016, "Vientiane", country="LA"))
    store(edition_found(AFML.upper(), 10, 2017, "Manila"))
    store(edition_found("asean forum on migrant labour", 11, 2018, "Singapore", country="SG"))
    assert EventSeries.objects.count() == 1
    assert sorted(EventSeries.objects.get().editions.values_list("edition", flat=True)) == [
        9,
        10,
        11,
    ]


@pytest.mark.parametrize(
    ("found", "stored"),
    [
        (None, None),  # "an edition of", no number
        (0, None),
        (2017, None),  # a year read as a number is no edition
        (3, 3),
    ],
)
def test_an_edition_number_is_kept_only_when_it_can_be_one(found, stored):
    store(edition_found("Colombo Process Ministerial Consultation", found, 2016, "Colombo"))
    event = Event.objects.get()
    assert event.series.name == "Colombo Process Ministerial Consultation"
    assert event.edition == stored


def test_an_event_without_a_series_finding_joins_none():
    store(edition_found("", None, 2016, "Bangkok", country="TH", kind="workshop"))
    assert Event.objects.get().series is None
    assert not EventSeries.objects.exists()


def test_an_event_already_in_the_archive_joins_its_series_with_a_history_row():
    existing = make_event(
        name="10th ASEAN Forum on Migrant Labour",
        kind="forum",
        city="Manila",
        start_date=PartialDate.from_parts(2017, 10).start,
        end_date=PartialDate.from_parts(2017, 10).end,
        date_precision="month",
    )
    store(edition_found(AFML, 10, 2017, "Manila"))
    existing.refresh_from_db()
    assert existing.series.name == AFML
    assert existing.edition == 10
    assert existing.history.latest().series_id == existing.series_id


def test_a_confirmed_event_keeps_what_the_curator_decided():
    curated = make_event(
        kind="forum",
        city="Manila",
        start_date=PartialDate.from_parts(2017, 10).start,
        end_date=None,
        date_precision="month",
        review_status=ReviewStatus.CONFIRMED,
    )
    store(edition_found(AFML, 10, 2017, "Manila"))
    curated.refresh_from_db()
    assert curated.series is None


def test_storing_editions_costs_no_query_per_event():
    def queries_for(years, *, existing: int) -> int:
        for year in years[:existing]:  # events already written, found again with their series
            october = PartialDate.from_parts(year, 10)
            make_event(kind="forum", city=f"City {year}", start_date=october.start, end_date=None)
        with CaptureQueriesContext(connection) as queries:
            store(*(edition_found(AFML, year - 2000, year, f"City {year}") for year in years))
        return len(queries)

    few = queries_for(range(2010, 2012), existing=1)
    many = queries_for(range(2020, 2031), existing=5)
    assert Event.objects.filter(series__name=AFML).count() == 13
    assert many <= few


# --- Public pages ----------------------------------------------------------------------------


@pytest.fixture
def afml():
    """A series of three editions; one edition is unpublished, one document is rejected."""
    series = make_series(name=AFML, slug="afml", acronym="AFML")
    report = make_document(title="Report of the 10th AFML")
    hidden_report = make_document(title="A rejected report", review_status=ReviewStatus.REJECTED)
    tenth = make_event(
        name="10th ASEAN Forum on Migrant Labour",
        city="Manila",
        country="PH",
        series=series,
        edition=10,
        start_date=PartialDate.from_parts(2017, 10, 25).start,
        end_date=None,
    )
    tenth.documents.add(report, hidden_report)
    ninth = make_event(
        name="9th ASEAN Forum on Migrant Labour",
        city="Vientiane",
        country="LA",
        series=series,
        edition=9,
        start_date=PartialDate.from_parts(2016, 10, 26).start,
        end_date=None,
    )
    make_event(
        name="Unpublished 11th forum",
        series=series,
        edition=11,
        is_published=False,
        start_date=PartialDate.from_parts(2018, 10, 29).start,
        end_date=None,
    )
    return {"series": series, "tenth": tenth, "ninth": ninth, "report": report}


def test_series_urls_resolve_both_ways():
    assert reverse("documents:series-list") == "/series/"
    assert reverse("documents:series-detail", kwargs={"slug": "afml"}) == "/series/afml/"
    assert resolve("/series/afml/").url_name == "series-detail"


def test_series_page_lists_each_public_edition_by_year_with_its_place_and_documents(client, afml):
    response = client.get(afml["series"].get_absolute_url())
    assertTemplateUsed(response, "documents/eventseries_detail.html")
    assert response.context["editions"] == [afml["ninth"], afml["tenth"]]
    html = response.content.decode()
    assert html.index("Vientiane") < html.index("Manila")  # by year
    assertContains(response, "<td>10th</td>", html=True)
    assertContains(response, "<td>Laos</td>", html=True)
    report = afml["report"]
    link = f'<a href="{report.get_absolute_url()}">Report of the 10th AFML</a>'
    assertContains(response, link, html=True)
    assertNotContains(response, "A rejected report")
    assertNotContains(response, "Unpublished 11th forum")
    assertContains(response, "<dd>2</dd>", html=True)


def test_series_list_counts_public_editions_and_their_years(client, afml):
    make_series(name="Hidden series", is_published=False)
    response = client.get(reverse("documents:series-list"))
    assertTemplateUsed(response, "documents/eventseries_list.html")
    (row,) = response.context["page_obj"]
    assert (row.edition_count, row.first_year, row.last_year) == (2, 2016, 2017)
    assertContains(response, "2016–2017")
    assertNotContains(response, "Hidden series")


def test_event_page_links_to_its_series(client, afml):
    response = client.get(afml["tenth"].get_absolute_url())
    url = afml["series"].get_absolute_url()
    expected = f'<a href="{url}">10th edition of the ASEAN Forum on Migrant Labour</a>'
    assertContains(response, expected, html=True)


def test_a_hidden_series_is_not_shown_nor_linked(client, afml):
    EventSeries.objects.filter(pk=afml["series"].pk).update(review_status=ReviewStatus.REJECTED)
    assert client.get(afml["series"].get_absolute_url()).status_code == 404
    assertNotContains(client.get(afml["tenth"].get_absolute_url()), "edition of the")
    assertNotContains(client.get(reverse("documents:series-list")), AFML)


@pytest.mark.parametrize("editions", [2, 12])
def test_series_pages_cost_a_constant_number_of_queries(
    client, django_assert_max_num_queries, editions
):
    series = make_series(name=AFML, slug="afml")
    for n in range(1, editions + 1):
        make_event(series=series, edition=n, start_date=dt.date(2000 + n, 5, 1), end_date=None)
        make_document().events.add(Event.objects.get(series=series, edition=n))
    make_series()
    with django_assert_max_num_queries(3):
        assert client.get(series.get_absolute_url()).status_code == 200
    with django_assert_max_num_queries(2):
        assert client.get(reverse("documents:series-list")).status_code == 200


def test_edition_wording():
    series = EventSeries(pk=1, name="The Bali Process Ministerial Conference")
    assert Event(series=series, edition=8).edition_display == (
        "8th edition of The Bali Process Ministerial Conference"
    )
    assert Event(series=series).edition_display == (
        "An edition of The Bali Process Ministerial Conference"
    )
    assert [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111)] == [
        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st", "111th",
    ]  # fmt: skip


# --- Search ----------------------------------------------------------------------------------


def test_an_edition_is_found_by_its_series_name_and_follows_a_rename(
    afml, django_capture_on_commit_callbacks
):
    tenth = afml["tenth"]
    with django_capture_on_commit_callbacks(execute=True):  # PostgreSQL indexes on commit
        tenth.save()  # indexed with its series
    assert tenth.pk in matching_ids("AFML", Event)
    series = afml["series"]
    series.acronym, series.name = "", "Regional Labour Gathering"
    with django_capture_on_commit_callbacks(execute=True):
        series.save()
    assert tenth.pk in matching_ids("gathering", Event)
    assert tenth.pk not in matching_ids("AFML", Event)


def test_a_series_is_a_search_result_of_its_own(client, afml, django_capture_on_commit_callbacks):
    series = afml["series"]
    with django_capture_on_commit_callbacks(execute=True):
        series.save()
    response = client.get(reverse("documents:search"), {"q": "AFML", "type": "series"})
    assertContains(response, series.get_absolute_url())
    assertContains(response, "Event series")


# --- Admin -----------------------------------------------------------------------------------


def test_curators_keep_series_in_the_admin(curator_client, afml):
    series = afml["series"]
    response = curator_client.get(reverse("admin:documents_eventseries_changelist"))
    assertContains(response, AFML)
    response = curator_client.get(reverse("admin:documents_eventseries_change", args=[series.pk]))
    assertContains(response, "9th ASEAN Forum on Migrant Labour")  # its editions, read-only
    assertContains(response, "Unpublished 11th forum")  # curators see hidden editions too
    response = curator_client.get(reverse("admin:documents_event_change", args=[afml["tenth"].pk]))
    assertContains(response, 'name="edition"')
    assertContains(response, 'name="series"')
    response = curator_client.get(
        reverse("admin:autocomplete"),
        {
            "term": "migrant",
            "app_label": "documents",
            "model_name": "event",
            "field_name": "series",
        },
    )
    assert [r["text"] for r in response.json()["results"]] == [f"{AFML} (AFML)"]


def test_curators_rename_a_series_from_its_change_form(curator_client, afml):
    series = afml["series"]
    url = reverse("admin:documents_eventseries_change", args=[series.pk])
    data = admin_form_data(curator_client.get(url))
    data["name"] = "ASEAN Forum on Migrant Workers"
    response = curator_client.post(url, data)
    assert response.status_code == 302, response.context and response.context["errors"]
    series.refresh_from_db()
    assert series.name == "ASEAN Forum on Migrant Workers"
    assert series.history.count() == 2
    assert series.editions.count() == 3  # the read-only list of editions changed nothing


def test_a_series_name_is_unique_whatever_its_case(afml):
    with pytest.raises(ValidationError, match="An event series with this name already exists"):
        EventSeries(name=AFML.lower(), slug="another-afml").full_clean()


def test_an_imported_edition_makes_its_series_with_the_acronym_it_is_known_by(tmp_path):
    from documents.services import archive_ingest

    (tmp_path / "afml.txt").write_text(
        "Unions at the 10th ASEAN Forum on Migrant Labour\n\n"
        "The 10th ASEAN Forum on Migrant Labour was held in Manila on 25 October 2017.\n",
        encoding="utf-8",
    )
    archive_ingest(paths=[tmp_path])
    series = EventSeries.objects.get()
    assert (series.name, series.acronym) == (AFML, "AFML")
    assert series.editions.get().edition == 10
