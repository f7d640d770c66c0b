"""OAI-PMH at /oai/: every verb and error, valid against the OAI-PMH 2.0 and oai_dc schemas,
public documents only, pages of constant cost, and a real harvester (pyoai) taking it all."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from documents.models import SourceDocument

from ..factories import make_document
from .oai_schema import NS, parse_valid

pytestmark = pytest.mark.django_db

OAI_URL = "/oai/"
IDENTIFIER = "oai:testserver:document/{}"


def oai_get(client, **params):
    response = client.get(OAI_URL, params)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/xml; charset=utf-8"
    return parse_valid(response.content)


def error_code(root) -> str | None:
    errors = root.findall("oai:error", NS)
    return errors[0].get("code") if errors else None


@pytest.fixture
def documents():
    """Three public documents in two categories and years, one unpublished, one rejected."""
    return {
        "a": make_document(
            slug="a", category="Consultations", region="Regional", start_date=dt.date(2007, 11, 1)
        ),
        "b": make_document(slug="b", category="Consultations", start_date=dt.date(2009, 1, 5)),
        "c": make_document(slug="c", category="Press releases", region="Cambodia"),
        "hidden": make_document(slug="hidden", is_published=False, category="Consultations"),
        "rejected": make_document(slug="rejected", review_status="rejected"),
    }


def test_the_url_resolves():
    assert reverse("oai:endpoint") == OAI_URL


def test_identify_declares_seconds_granularity_and_no_deleted_records(client, documents):
    root = oai_get(client, verb="Identify")
    identify = root.find("oai:Identify", NS)
    assert identify.findtext("oai:protocolVersion", namespaces=NS) == "2.0"
    assert identify.findtext("oai:granularity", namespaces=NS) == "YYYY-MM-DDThh:mm:ssZ"
    assert identify.findtext("oai:deletedRecord", namespaces=NS) == "no"
    assert identify.findtext("oai:baseURL", namespaces=NS) == "http://testserver/oai/"


def test_identify_over_post(client, documents):
    response = client.post(OAI_URL, {"verb": "Identify"})
    assert parse_valid(response.content).find("oai:Identify", NS) is not None


def test_list_metadata_formats_offers_oai_dc(client, documents):
    root = oai_get(client, verb="ListMetadataFormats", identifier=IDENTIFIER.format("a"))
    prefixes = root.findall(".//oai:metadataPrefix", NS)
    assert [p.text for p in prefixes] == ["oai_dc"]


def test_list_sets_by_category_region_and_year_of_public_documents(client, documents):
    root = oai_get(client, verb="ListSets")
    specs = [s.text for s in root.findall(".//oai:setSpec", NS)]
    assert specs == [
        "category:consultations",
        "category:press-releases",
        "region:cambodia",
        "region:regional",
        "year:2007",
        "year:2009",
    ]


def test_an_empty_archive_has_no_set_hierarchy_and_no_records(client):
    make_document(is_published=False, category="Consultations")
    assert error_code(oai_get(client, verb="ListSets")) == "noSetHierarchy"
    assert error_code(oai_get(client, verb="ListRecords", metadataPrefix="oai_dc")) == (
        "noRecordsMatch"
    )
    assert oai_get(client, verb="Identify").find("oai:Identify", NS) is not None


def test_get_record_is_dublin_core_with_its_sets(client, documents):
    documents["a"].tags.add("recruitment")
    root = oai_get(
        client, verb="GetRecord", identifier=IDENTIFIER.format("a"), metadataPrefix="oai_dc"
    )
    header = root.find(".//oai:header", NS)
    assert header.findtext("oai:identifier", namespaces=NS) == IDENTIFIER.format("a")
    assert [s.text for s in header.findall("oai:setSpec", NS)] == [
        "category:consultations",
        "region:regional",
        "year:2007",
    ]
    dc = {e.tag.split("}")[1]: e.text for e in root.find(".//oai:metadata", NS)[0]}
    assert dc["title"] == documents["a"].title
    assert dc["date"] == "2007-11-01"
    assert dc["identifier"] == "http://testserver/documents/a/"
    subjects = [e.text for e in root.findall(".//dc:subject", NS)]
    assert subjects == ["Consultations", "recruitment"]


@pytest.mark.parametrize(
    ("params", "code"),
    [
        ({}, "badVerb"),
        ({"verb": "Harvest"}, "badVerb"),
        ({"verb": ["Identify", "ListSets"]}, "badVerb"),
        ({"verb": "Identify", "set": "x"}, "badArgument"),
        ({"verb": "ListRecords"}, "badArgument"),
        ({"verb": "GetRecord", "identifier": IDENTIFIER.format("a")}, "badArgument"),
        ({"verb": "ListRecords", "metadataPrefix": ["oai_dc", "oai_dc"]}, "badArgument"),
        ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2007-13-01"}, "badArgument"),
        ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "yesterday"}, "badArgument"),
        (
            {
                "verb": "ListRecords",
                "metadataPrefix": "oai_dc",
                "from": "2009-01-01",
                "until": "2008-01-01T00:00:00Z",
            },
            "badArgument",
        ),
        (
            {
                "verb": "ListRecords",
                "metadataPrefix": "oai_dc",
                "from": "2009-01-02",
                "until": "2009-01-01",
            },
            "badArgument",
        ),
        (
            {"verb": "ListRecords", "resumptionToken": "x", "metadataPrefix": "oai_dc"},
            "badArgument",
        ),
        ({"verb": "ListRecords", "resumptionToken": "forged"}, "badResumptionToken"),
        ({"verb": "ListSets", "resumptionToken": "forged"}, "badResumptionToken"),
        ({"verb": "ListRecords", "metadataPrefix": "marc21"}, "cannotDisseminateFormat"),
        (
            {"verb": "GetRecord", "identifier": IDENTIFIER.format("a"), "metadataPrefix": "mods"},
            "cannotDisseminateFormat",
        ),
        ({"verb": "GetRecord", "identifier": "a", "metadataPrefix": "oai_dc"}, "idDoesNotExist"),
        (
            {
                "verb": "GetRecord",
                "identifier": IDENTIFIER.format("hidden"),
                "metadataPrefix": "oai_dc",
            },
            "idDoesNotExist",
        ),
        (
            {
                "verb": "GetRecord",
                "identifier": IDENTIFIER.format("rejected"),
                "metadataPrefix": "oai_dc",
            },
            "idDoesNotExist",
        ),
        ({"verb": "ListMetadataFormats", "identifier": "oai:x:y"}, "idDoesNotExist"),
        ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "set": "year:1990"}, "noRecordsMatch"),
        ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "set": "garbage"}, "noRecordsMatch"),
        (
            {"verb": "ListIdentifiers", "metadataPrefix": "oai_dc", "from": "2999-01-01"},
            "noRecordsMatch",
        ),
        ({"verb": "ListIdentifiers", "metadataPrefix": "oai_dc", "set": "x\x01"}, "badArgument"),
        (
            {"verb": "ListIdentifiers", "metadataPrefix": "oai_dc", "set": "year:0000"},
            "noRecordsMatch",
        ),
        (
            {"verb": "ListIdentifiers", "metadataPrefix": "oai_dc", "set": "category:"},
            "badArgument",
        ),
        ({"verb": "ListIdentifiers", "metadataPrefix": "oai dc"}, "badArgument"),
        (
            {"verb": "ListIdentifiers", "metadataPrefix": "oai_dc", "until": "9999-12-31"},
            None,
        ),
        (
            {
                "verb": "GetRecord",
                "identifier": "oai:testserver:document/a\x00",
                "metadataPrefix": "oai_dc",
            },
            "badArgument",
        ),
        (
            {
                "verb": "GetRecord",
                "identifier": "oai:testserver:document/%",
                "metadataPrefix": "oai_dc",
            },
            "badArgument",
        ),
    ],
)
def test_errors_are_valid_answers_with_their_code(client, documents, params, code):
    root = oai_get(client, **params)
    assert error_code(root) == code
    request = root.find("oai:request", NS)
    if code in ("badVerb", "badArgument"):
        assert request.attrib == {}


def test_post_answers_as_get(client, documents):
    params = {"verb": "ListIdentifiers", "metadataPrefix": "oai_dc", "set": "year:2009"}
    root = parse_valid(client.post(OAI_URL, params).content)
    assert [e.text for e in root.findall(".//oai:identifier", NS)] == [IDENTIFIER.format("b")]


@pytest.mark.parametrize(
    ("set_spec", "slugs"),
    [
        ("category:consultations", ["a", "b"]),
        ("category:press-releases", ["c"]),
        ("region:regional", ["a"]),
        ("year:2007", ["a"]),
    ],
)
def test_sets_select_public_documents(client, documents, set_spec, slugs):
    root = oai_get(client, verb="ListIdentifiers", metadataPrefix="oai_dc", set=set_spec)
    assert [e.text for e in root.findall(".//oai:identifier", NS)] == [
        IDENTIFIER.format(slug) for slug in slugs
    ]


def test_from_and_until_select_by_datestamp_at_both_granularities(client, documents):
    old = timezone.now() - dt.timedelta(days=30)
    SourceDocument.objects.filter(slug="a").update(updated_at=old)
    day = old.strftime("%Y-%m-%d")
    second = old.strftime("%Y-%m-%dT%H:%M:%SZ")
    for params, slugs in [
        ({"until": day}, ["a"]),
        ({"until": second}, ["a"]),
        ({"from": second, "until": second}, ["a"]),
        ({"from": (old + dt.timedelta(days=1)).strftime("%Y-%m-%d")}, ["b", "c"]),
    ]:
        root = oai_get(client, verb="ListIdentifiers", metadataPrefix="oai_dc", **params)
        identifiers = [e.text for e in root.findall(".//oai:identifier", NS)]
        assert identifiers == [IDENTIFIER.format(slug) for slug in slugs], params
        datestamps = [e.text for e in root.findall(".//oai:datestamp", NS)]
        assert all(len(stamp) == 20 for stamp in datestamps)


def follow(client, verb, **params):
    """Every page of a list, through its resumption tokens: (records' identifiers, tokens)."""
    root = oai_get(client, verb=verb, **params)
    identifiers, tokens = [], []
    while True:
        identifiers += [e.text for e in root.findall(".//oai:header/oai:identifier", NS)]
        token = root.find(f"oai:{verb}/oai:resumptionToken", NS)
        if token is None or not token.text:
            return identifiers, [*tokens, token]
        tokens.append(token)
        root = oai_get(client, verb=verb, resumptionToken=token.text)


def test_resumption_tokens_walk_every_page_and_close_with_an_empty_one(client, documents, settings):
    settings.OAI_PAGE_SIZE = 2
    identifiers, tokens = follow(client, "ListRecords", metadataPrefix="oai_dc")
    assert identifiers == [IDENTIFIER.format(slug) for slug in ("a", "b", "c")]
    assert [(t.get("cursor"), t.get("completeListSize")) for t in tokens] == [
        ("0", "3"),
        ("2", "3"),
    ]
    assert tokens[0].get("expirationDate")


def test_a_token_keeps_the_set_and_dates(client, documents, settings):
    settings.OAI_PAGE_SIZE = 1
    identifiers, _ = follow(
        client, "ListIdentifiers", metadataPrefix="oai_dc", set="category:consultations"
    )
    assert identifiers == [IDENTIFIER.format("a"), IDENTIFIER.format("b")]


def test_a_token_of_another_verb_or_expired_is_refused(client, documents, settings):
    settings.OAI_PAGE_SIZE = 1
    root = oai_get(client, verb="ListIdentifiers", metadataPrefix="oai_dc")
    token = root.find(".//oai:resumptionToken", NS).text
    assert error_code(oai_get(client, verb="ListRecords", resumptionToken=token)) == (
        "badResumptionToken"
    )
    settings.OAI_TOKEN_MAX_AGE = -1
    assert error_code(oai_get(client, verb="ListIdentifiers", resumptionToken=token)) == (
        "badResumptionToken"
    )


def test_control_characters_in_text_leave_the_xml_valid(client, documents):
    SourceDocument.objects.filter(slug="a").update(title="Report\x0b one", text="Body\x02 text")
    root = oai_get(
        client, verb="GetRecord", identifier=IDENTIFIER.format("a"), metadataPrefix="oai_dc"
    )
    assert root.findtext(".//dc:title", namespaces=NS) == "Report one"
    assert root.findtext(".//dc:description", namespaces=NS) == "Body text"


@pytest.mark.parametrize("verb", ["ListRecords", "ListIdentifiers"])
def test_a_page_costs_the_same_queries_however_large_the_archive(
    client, settings, django_assert_num_queries, verb
):
    settings.OAI_PAGE_SIZE = 5
    for n in range(12):
        make_document(category="Consultations").tags.add(f"tag-{n}")
    first_page = 2 if verb == "ListIdentifiers" else 3  # count, page (and its tags)
    with django_assert_num_queries(first_page):
        root = oai_get(client, verb=verb, metadataPrefix="oai_dc")
    token = root.find(".//oai:resumptionToken", NS).text
    with django_assert_num_queries(first_page - 1):
        oai_get(client, verb=verb, resumptionToken=token)
