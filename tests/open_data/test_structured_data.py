"""schema.org JSON-LD and Open Graph in the record pages: valid vocabulary, safe escaping,
no extra queries."""

import datetime as dt
import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from documents.templatetags import linked_data
from organizations.models import OrganizationAlias, PersonAlias

from ..factories import make_organization, make_series
from .schema_vocabulary import CLASSES, PROPERTIES, problems

JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def json_ld(response) -> dict:
    scripts = JSON_LD.findall(response.content.decode())
    assert len(scripts) == 1
    return json.loads(scripts[0])


@pytest.fixture
def pages(graph):
    """Every record page of the graph, with a series and aliases so every property shows."""
    series = make_series(name="ASEAN Forum on Migrant Labour", acronym="AFML", slug="afml")
    event = graph["event"]
    event.series, event.edition, event.latitude, event.longitude = series, 1, 1.29, 103.85
    event.save()
    atuc = graph["atuc"]
    atuc.parent = graph["mfa"]
    atuc.website = "https://aseantuc.org/"
    atuc.save()
    OrganizationAlias.objects.create(organization=atuc, name="ASEAN TUC")
    PersonAlias.objects.create(person=graph["gois"], name="W. Gois")
    graph["gois"].affiliations.create(organization=graph["mfa"], title="Regional Coordinator")
    return {
        "home": reverse("home"),
        "event": event.get_absolute_url(),
        "organization": atuc.get_absolute_url(),
        "person": graph["gois"].get_absolute_url(),
        "convention": graph["c189"].get_absolute_url(),
        "document": graph["document"].get_absolute_url(),
        "series": series.get_absolute_url(),
    }


@pytest.mark.parametrize(
    "page", ["home", "event", "organization", "person", "convention", "document", "series"]
)
def test_json_ld_uses_only_schema_org_terms_allowed_on_their_types(client, pages, page):
    data = json_ld(client.get(pages[page]))
    assert data["@context"] == "https://schema.org"
    assert problems(data) == []


def test_event_describes_dates_place_organizers_people_conventions_and_sources(client, pages):
    data = json_ld(client.get(pages["event"]))
    assert data["@type"] == "Event"
    assert (data["startDate"], data["endDate"]) == ("2007-11-01", "2007-11-03")
    assert data["location"]["address"] == {
        "@type": "PostalAddress",
        "addressLocality": "Singapore",
        "addressCountry": "SG",
    }
    assert data["location"]["geo"]["latitude"] == pytest.approx(1.29)
    assert {o["alternateName"] for o in data["organizer"]} == {"ATUC", "MFA"}
    assert data["performer"][0]["name"] == "William Gois"
    assert data["about"][0]["legislationIdentifier"] == "ILO-C189"
    assert data["superEvent"]["@type"] == "EventSeries"
    assert data["subjectOf"][0]["datePublished"] == "2007-11-15"
    assert data["url"] == "http://testserver" + pages["event"]


def test_dates_keep_their_precision(client, graph):
    event = graph["event"]
    event.start_date, event.end_date, event.date_precision = (
        dt.date(2018, 7, 1),
        dt.date(2018, 7, 31),
        "month",
    )
    event.save()
    data = json_ld(client.get(event.get_absolute_url()))
    assert data["startDate"] == "2018-07"
    assert "endDate" not in data


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ("organization", {"@type": "Organization", "alternateName": ["ATUC", "ASEAN TUC"]}),
        ("person", {"@type": "Person", "jobTitle": ["Regional Coordinator"]}),
        ("convention", {"@type": "Legislation", "legislationIdentifier": "ILO-C189"}),
        ("document", {"@type": "Article", "datePublished": "2007-11-15"}),
        ("series", {"@type": "EventSeries", "alternateName": "AFML"}),
        ("home", {"@type": "WebSite"}),
    ],
)
def test_each_kind_says_what_it_is(client, pages, page, expected):
    data = json_ld(client.get(pages[page]))
    assert {key: data[key] for key in expected} == expected


def test_relations_are_described(client, pages):
    organization = json_ld(client.get(pages["organization"]))
    assert organization["parentOrganization"]["name"] == "Migrant Forum in Asia"
    assert organization["sameAs"] == "https://aseantuc.org/"
    person = json_ld(client.get(pages["person"]))
    assert person["affiliation"][0]["alternateName"] == "MFA"
    assert person["alternateName"] == ["W. Gois"]
    document = json_ld(client.get(pages["document"]))
    assert {m["@type"] for m in document["mentions"]} == {"Organization", "Person", "Legislation"}
    assert document["about"][0]["@type"] == "Event"
    series = json_ld(client.get(pages["series"]))
    assert series["subEvent"][0]["startDate"] == "2007-11-01"


def test_a_script_end_tag_in_a_name_cannot_break_out(client, db):
    name = 'Union </script><script>alert("x")</script> & Co'
    organization = make_organization(name=name, slug="union-script")
    body = client.get(organization.get_absolute_url()).content.decode()
    assert "</script><script>alert" not in body
    assert json_ld(client.get(organization.get_absolute_url()))["name"] == name


@pytest.mark.parametrize(
    ("page", "og_type"),
    [
        ("home", "website"),
        ("event", "website"),
        ("organization", "website"),
        ("person", "profile"),
        ("convention", "website"),
        ("document", "article"),
        ("series", "website"),
    ],
)
def test_open_graph_and_canonical_link(client, pages, page, og_type):
    response = client.get(pages[page] + "?page=2&documents_page=3")
    address = "http://testserver" + pages[page]
    html = response.content.decode()
    assert f'<link rel="canonical" href="{address}">' in html
    assert f'<meta property="og:url" content="{address}">' in html
    assert f'<meta property="og:type" content="{og_type}">' in html
    for prop in ("og:title", "og:description", "og:site_name"):
        assert re.search(rf'<meta property="{prop}" content="[^"]+">', html), prop


@pytest.mark.parametrize("page", ["event", "organization", "person", "document", "series"])
def test_describing_a_page_costs_no_query(client, pages, page, monkeypatch):
    with CaptureQueriesContext(connection) as described:
        client.get(pages[page])
    monkeypatch.setattr(linked_data, "_builders", lambda context: {page: lambda url: {}})
    with CaptureQueriesContext(connection) as bare:
        client.get(pages[page])
    assert len(described) == len(bare)


@pytest.mark.parametrize(
    "node",
    [
        {"@type": "Gathering", "name": "x"},
        {"@type": "Event", "colour": "red"},
        {"@type": "Event", "legislationIdentifier": "ILO-C189"},
        {"@type": "Event", "organizer": {"@type": "Place", "name": "Singapore"}},
        {"@type": "Organization", "jobTitle": "Coordinator"},
        {"@type": "Person", "parentOrganization": {"@type": "Organization", "name": "x"}},
        {"@type": "Article", "startDate": "2007-11-01"},
        {"@type": "WebSite", "articleSection": "News"},
        {"@type": "Event", "location": {"@type": "Place", "address": {"@type": "Person"}}},
    ],
)
def test_the_vocabulary_check_refuses_what_schema_org_does_not_define(node):
    assert problems(node)


def test_the_hand_kept_vocabulary_names_only_classes_it_defines():
    named = {c for supers in CLASSES.values() for c in supers}
    named |= {c for domains, ranges in PROPERTIES.values() for c in (*domains, *ranges)}
    assert named - CLASSES.keys() == set()
