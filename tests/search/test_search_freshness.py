"""The search index follows organizations, people and conventions into the records naming them."""

import pytest

from documents.search import search
from documents.signals import reindex_related, search_index_deferred
from organizations.models import Organization

pytestmark = pytest.mark.django_db


def found(query):
    results = search(query)
    return {(hit.kind, hit.object.slug) for hit in results.hits[: results.total]}


def test_renaming_an_organization_reindexes_its_events_and_documents(
    graph, django_capture_on_commit_callbacks
):
    atuc = graph["atuc"]
    with django_capture_on_commit_callbacks(execute=True):
        atuc.name, atuc.acronym = "Zebrafinch Labour Council", "ZLC"
        atuc.save()
    hits = found("Zebrafinch")
    assert ("event", graph["event"].slug) in hits
    assert ("document", graph["document"].slug) in hits


def test_bulk_unpublishing_then_reindex_related_drops_the_name_everywhere(
    graph, django_capture_on_commit_callbacks
):
    atuc = graph["atuc"]
    with django_capture_on_commit_callbacks(execute=True):
        atuc.name = "Zebrafinch Labour Council"
        atuc.save()
    assert found("Zebrafinch")
    with django_capture_on_commit_callbacks(execute=True):
        atuc.is_published = False
        Organization.objects.bulk_update([atuc], ["is_published"])  # sends no signals
        reindex_related(Organization, [atuc.pk])
    assert found("Zebrafinch") == set()


def test_reindex_related_joins_a_deferred_batch(graph, django_capture_on_commit_callbacks):
    mfa = graph["mfa"]
    with django_capture_on_commit_callbacks(execute=True), search_index_deferred() as batch:
        mfa.name = "Quokka Solidarity Network"
        mfa.save()
        assert (type(graph["event"]), graph["event"].pk) in batch.touched
        assert (type(graph["document"]), graph["document"].pk) in batch.touched
    assert ("event", graph["event"].slug) in found("Quokka")


def test_a_rejected_role_drops_the_organization_from_the_events_index(
    graph, django_capture_on_commit_callbacks
):
    from documents.models import EventOrganization

    event = ("event", graph["event"].slug)
    assert event in found("ATUC")
    role = EventOrganization.objects.get(event=graph["event"], organization=graph["atuc"])
    with django_capture_on_commit_callbacks(execute=True):
        role.review_status = "rejected"
        role.save()
    assert event not in found("ATUC")
    assert event in found("MFA")


def test_a_save_that_changes_no_name_leaves_related_records_alone(graph):
    mfa = graph["mfa"]
    with search_index_deferred() as batch:
        mfa.description = "A regional network."
        mfa.save()
        assert (type(graph["event"]), graph["event"].pk) not in batch.touched
        mfa.acronym = "MFA-Asia"
        mfa.save()
        assert (type(graph["event"]), graph["event"].pk) in batch.touched


def test_rejecting_a_documents_mentions_in_the_admin_drops_the_name_from_its_entry(
    graph, curator_client, django_capture_on_commit_callbacks
):
    from django.urls import reverse

    from documents.models import Mention

    atuc = graph["atuc"]
    with django_capture_on_commit_callbacks(execute=True):
        atuc.name = "Zebrafinch Labour Council"
        atuc.save()
    assert ("document", graph["document"].slug) in found("Zebrafinch")
    mentions = Mention.objects.filter(document=graph["document"], organization=atuc)
    assert mentions.exists()
    with django_capture_on_commit_callbacks(execute=True):
        curator_client.post(
            reverse("admin:documents_mention_changelist"),
            {
                "action": "reject_selected",
                "_selected_action": list(mentions.values_list("pk", flat=True)),
            },
        )
    assert ("document", graph["document"].slug) not in found("Zebrafinch")


def test_a_mention_a_curator_rejects_on_its_own_page_leaves_the_documents_entry(
    graph, django_capture_on_commit_callbacks
):
    from documents.models import Mention

    atuc = graph["atuc"]
    with django_capture_on_commit_callbacks(execute=True):
        atuc.name = "Zebrafinch Labour Council"
        atuc.save()
    with django_capture_on_commit_callbacks(execute=True):
        for mention in Mention.objects.filter(document=graph["document"], organization=atuc):
            mention.review_status = "rejected"
            mention.save()
    assert ("document", graph["document"].slug) not in found("Zebrafinch")


@pytest.mark.django_db(transaction=True)
def test_an_import_in_many_batches_leaves_every_record_searchable(sources_dir, monkeypatch):
    """Outside a transaction, PostgreSQL stores each batch's vectors from a second connection
    while the next batch is analysed; the last batch is indexed as the import ends."""
    from django.db import connection

    from documents import services
    from documents.models import Event, SourceDocument
    from documents.search import BackgroundVectorWriter

    monkeypatch.setattr(services, "INGEST_BATCH", 2)  # the five seeds: batches of 2, 2 and 1
    submitted = []
    submit = BackgroundVectorWriter.submit
    monkeypatch.setattr(
        BackgroundVectorWriter, "submit", lambda self, write: submitted.append(submit(self, write))
    )
    services.archive_ingest(paths=[sources_dir])
    assert bool(submitted) == (connection.vendor == "postgresql")
    for document in SourceDocument.objects.all():
        assert ("document", document.slug) in found(f'"{document.title}"')
    events = Event.objects.published()
    assert events.count() > 5
    for event in events:
        assert ("event", event.slug) in found(f'"{event.name}"')


def test_saving_fields_that_hold_no_name_does_not_read_the_stored_names(graph):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    atuc = graph["atuc"]
    atuc.description = "A regional council of trade unions."
    with CaptureQueriesContext(connection) as queries:
        atuc.save(update_fields=["description"])
    names_read = 'SELECT "organizations_organization"."name" AS "name", "organizations_'

    assert not any(q["sql"].startswith(names_read) for q in queries)
    with CaptureQueriesContext(connection) as queries:
        atuc.save()  # a save that may rename it still compares names
    assert any(q["sql"].startswith(names_read) for q in queries)


def test_deleting_a_document_does_not_reindex_it_once_a_mention(
    django_capture_on_commit_callbacks,
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from documents.models import Mention
    from tests.factories import make_document, make_organization

    quokka = make_organization(name="Quokka Union")

    def deleted_with(n):
        document = make_document(text="The Quokka Union met. " * n)
        Mention.objects.bulk_create(
            Mention(
                document=document,
                start=22 * i + 4,
                end=22 * i + 16,
                text="Quokka Union",
                rule="t",
                organization=quokka,
            )
            for i in range(n)
        )
        with (
            CaptureQueriesContext(connection) as queries,
            django_capture_on_commit_callbacks(execute=True),
        ):
            document.delete()
        # Each reindex reads the document back; history writes a row a mention, as it should.
        return sum('FROM "documents_sourcedocument"' in q["sql"] for q in queries)

    few = deleted_with(3)
    assert deleted_with(30) <= few


@pytest.mark.django_db(transaction=True)
def test_when_the_background_writer_fails_the_vectors_are_stored_in_place(
    sources_dir, monkeypatch, caplog
):
    from django.db import connection

    from documents import services
    from documents.models import SourceDocument
    from documents.search import BackgroundVectorWriter

    def fail(write):
        raise RuntimeError("the second connection was lost")

    monkeypatch.setattr(services, "INGEST_BATCH", 2)
    monkeypatch.setattr(BackgroundVectorWriter, "_in_transaction", staticmethod(fail))
    report = services.archive_ingest(paths=[sources_dir])
    assert (report.new, report.failed) == (5, 0)
    for document in SourceDocument.objects.all():
        assert ("document", document.slug) in found(f'"{document.title}"')
    background_failed = "Storing search vectors in the background failed" in caplog.text
    assert background_failed == (connection.vendor == "postgresql")
