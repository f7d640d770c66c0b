"""Public pages cached for anonymous visitors under the archive's version (issue 12)."""

from contextlib import contextmanager

import pytest
from django.db import transaction
from django.test import Client
from django.urls import reverse

from documents.models import ArchiveVersion, Event
from documents.page_cache import archive_version
from organizations.models import Organization
from organizations.services import organization_merge

from ..factories import make_organization

pytestmark = pytest.mark.django_db

# Every public page a visitor reaches from the graph (search is another module's).
PAGES = ["home", "events", "event", "organization", "person", "convention", "document"]


def _url(graph, page):
    names = {"home": "home", "events": "documents:event-list"}
    if page in names:
        return reverse(names[page])
    record = {"organization": "mfa", "person": "gois", "convention": "c189"}.get(page, page)
    return graph[record].get_absolute_url()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """A block of writes in a transaction of its own that commits (its callbacks run)."""

    @contextmanager
    def block():
        with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
            yield

    return block


@pytest.mark.parametrize("page", PAGES)
def test_a_second_visit_with_the_etag_gets_304(client, graph, page_cache, page):
    first = client.get(_url(graph, page))
    assert first.status_code == 200
    assert "public" in first["Cache-Control"] and "max-age=60" in first["Cache-Control"]
    again = client.get(_url(graph, page), headers={"if-none-match": first["ETag"]})
    assert again.status_code == 304
    assert again.content == b""


@pytest.mark.parametrize("page", ["home", "organization", "event"])
def test_the_cached_page_answers_with_one_query(
    client, graph, page_cache, django_assert_num_queries, page
):
    first = client.get(_url(graph, page))
    with django_assert_num_queries(1):  # the archive's version
        again = client.get(_url(graph, page))
    assert again.content == first.content


def test_a_curator_save_changes_the_page(curator_client, graph, page_cache, committed):
    mfa = graph["mfa"]
    url = mfa.get_absolute_url()
    visitor = Client()  # `client` is the curator's, logged in
    etag = visitor.get(url)["ETag"]
    change = reverse("admin:organizations_organization_change", args=[mfa.pk])
    assert curator_client.get(change).status_code == 200  # the admin, never from the cache
    with committed():
        mfa.description = "Renamed by a curator: regional network."
        mfa.save()
    response = visitor.get(url, headers={"if-none-match": etag})
    assert response.status_code == 200
    assert b"Renamed by a curator" in response.content


def test_an_admin_bulk_rejection_changes_the_version(curator_client, graph, page_cache, committed):
    before = archive_version()
    changelist = reverse("admin:organizations_organization_changelist")
    with committed():
        curator_client.post(
            changelist, {"action": "reject_selected", "_selected_action": [graph["mfa"].pk]}
        )
    assert archive_version() != before


def test_a_merge_and_a_delete_change_the_version(graph, page_cache, committed):
    other = make_organization(name="Migrant Forum Asia")
    versions = [archive_version()]
    with committed():
        organization_merge(source=other, target=graph["mfa"])
    versions.append(archive_version())
    with committed():
        Event.objects.get(pk=graph["event"].pk).delete()
    versions.append(archive_version())
    assert len(set(versions)) == 3


def test_many_writes_in_one_transaction_bump_the_version_once(db, page_cache, committed):
    before = ArchiveVersion.objects.get().number
    with committed():
        for n in range(5):
            make_organization(name=f"Union {n}")
    assert ArchiveVersion.objects.get().number == before + 1


def test_curators_and_the_admin_are_never_cached_publicly(curator_client, graph, page_cache):
    for url in (graph["mfa"].get_absolute_url(), reverse("admin:index")):
        response = curator_client.get(url)
        assert "public" not in response.get("Cache-Control", ""), url
        assert not response.has_header("ETag"), url


def test_the_cache_is_off_when_its_max_age_is_zero(client, graph):
    response = client.get(reverse("home"))
    assert not response.has_header("ETag")
    assert Organization.objects.exists()


def test_an_import_changes_the_version(db, tmp_path, committed):
    from documents.services import archive_ingest

    (tmp_path / "report.txt").write_text(
        "Migrant Forum in Asia met the ASEAN Trade Union Council in Manila on 3 May 2018.\n"
    )
    before = archive_version()
    with committed():
        archive_ingest(paths=[tmp_path])
    assert archive_version() != before


def test_the_cache_watches_the_archive_only_so_other_deletes_stay_fast():
    """A post_delete receiver for every model would make each delete load its rows first."""
    from django.contrib.sessions.models import Session
    from django.db.models.deletion import Collector

    assert Collector(using="default").can_fast_delete(Session.objects.all())
