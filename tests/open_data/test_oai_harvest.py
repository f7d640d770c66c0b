"""A real harvester, Sickle (from the package index), takes the whole repository from the
running server through its resumption tokens, a few records a page, over GET and POST."""

import datetime as dt

import pytest
from sickle import Sickle

from documents.models import SourceDocument

from ..factories import make_document

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def archive():
    for n in range(23):
        make_document(
            category="Consultations" if n % 2 else "Reports", start_date=dt.date(2000 + n % 5, 1, 1)
        )
    make_document(is_published=False)
    make_document(review_status="rejected")


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_sickle_harvests_every_public_document(live_server, settings, archive, method):
    settings.OAI_PAGE_SIZE = 4
    harvester = Sickle(f"{live_server.url}/oai/", http_method=method, max_retries=0)
    assert harvester.Identify().repositoryName == settings.OAI_REPOSITORY_NAME

    records = list(harvester.ListRecords(metadataPrefix="oai_dc"))

    public = SourceDocument.objects.published()
    assert public.count() == 23
    assert sorted(record.header.identifier.rsplit("/", 1)[1] for record in records) == sorted(
        public.values_list("slug", flat=True)
    )
    assert {record.metadata["title"][0] for record in records} == set(
        public.values_list("title", flat=True)
    )


def test_sickle_lists_identifiers_of_a_set_the_sets_and_one_record(live_server, settings, archive):
    settings.OAI_PAGE_SIZE = 3
    harvester = Sickle(f"{live_server.url}/oai/", max_retries=0)
    headers = list(harvester.ListIdentifiers(metadataPrefix="oai_dc", set="category:consultations"))
    assert len(headers) == 11
    assert all("category:consultations" in header.setSpecs for header in headers)
    specs = {oai_set.setSpec for oai_set in harvester.ListSets()}
    assert {"category:reports", "year:2004"} <= specs
    assert [f.metadataPrefix for f in harvester.ListMetadataFormats()] == ["oai_dc"]
    record = harvester.GetRecord(identifier=headers[0].identifier, metadataPrefix="oai_dc")
    assert record.header.identifier == headers[0].identifier
