"""Organizations' and instruments' stored counts stay equal to a fresh count (issue 12)."""

from contextlib import contextmanager

import pytest
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse

from documents.counts import archive_counts_refresh, counts_fresh
from documents.models import Convention, Event, EventOrganization, Mention, SourceDocument
from organizations.models import Organization
from organizations.services import organization_merge

from ..factories import make_event, make_mention, make_organization

pytestmark = pytest.mark.django_db

COUNTS = ("event_count", "document_count")


def stale_counts() -> list:
    """Rows whose stored counts differ from a count made now."""
    return [
        (model.__name__, row.pk, field, getattr(row, field), getattr(row, f"fresh_{field}"))
        for model in (Organization, Convention)
        for row in counts_fresh(model)
        for field in COUNTS
        if getattr(row, field) != getattr(row, f"fresh_{field}")
    ]


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """A block of writes in a transaction of its own that commits (its callbacks run)."""

    @contextmanager
    def block():
        with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
            yield

    return block


@pytest.fixture
def counted(graph):
    """The graph with its counts as they stand after a commit (tests never commit)."""
    archive_counts_refresh()
    assert Organization.objects.get(pk=graph["mfa"].pk).event_count == 1
    return graph


def test_an_import_leaves_the_counts_fresh(db, tmp_path, committed):
    from documents.services import archive_ingest

    (tmp_path / "a.txt").write_text(
        "Migrant Forum in Asia and the ASEAN Trade Union Council held a regional consultation "
        "in Manila on 3 May 2018 on ILO Convention No. 189.\n"
    )
    with committed():
        archive_ingest(paths=[tmp_path])
    assert Organization.objects.filter(document_count__gt=0).exists()
    assert stale_counts() == []


def test_rejecting_an_event_in_the_admin_leaves_the_counts_fresh(
    curator_client, counted, committed
):
    with committed():
        curator_client.post(
            reverse("admin:documents_event_changelist"),
            {"action": "reject_selected", "_selected_action": [counted["event"].pk]},
        )
    assert Organization.objects.get(pk=counted["mfa"].pk).event_count == 0
    assert stale_counts() == []


def test_rejecting_a_mention_in_the_admin_leaves_the_counts_fresh(
    curator_client, counted, committed
):
    mention = Mention.objects.get(organization=counted["atuc"])
    with committed():
        curator_client.post(
            reverse("admin:documents_mention_changelist"),
            {"action": "reject_selected", "_selected_action": [mention.pk]},
        )
    assert stale_counts() == []


def test_a_merge_leaves_the_counts_fresh(counted, committed):
    duplicate = make_organization(name="Migrant Forum Asia")
    event = make_event(name="Second Consultation")
    EventOrganization.objects.create(event=event, organization=duplicate, role="organizer")
    make_mention(counted["document"], duplicate, text="Migrant Forum in Asia")
    archive_counts_refresh()
    with committed():
        organization_merge(source=duplicate, target=counted["mfa"])
    assert Organization.objects.get(pk=counted["mfa"].pk).event_count == 2
    assert stale_counts() == []


@pytest.mark.parametrize("model", [Event, SourceDocument, Mention, EventOrganization])
def test_a_delete_leaves_the_counts_fresh(counted, committed, model):
    with committed():
        model.objects.order_by("pk").first().delete()
    assert stale_counts() == []


def test_a_curator_moving_a_role_recounts_both_organizations(counted, committed):
    role = EventOrganization.objects.get(organization=counted["atuc"])
    with committed():
        role.organization = make_organization(name="Building and Wood Workers' International")
        role.save()
    assert Organization.objects.get(pk=counted["atuc"].pk).event_count == 0
    assert stale_counts() == []


def test_unlinking_an_instrument_from_an_event_recounts_it(counted, committed):
    with committed():
        counted["event"].conventions.clear()
    assert stale_counts() == []


def test_refresh_counts_recounts_everything(graph):
    Organization.objects.update(event_count=99)
    call_command("refresh_counts", verbosity=0)
    assert stale_counts() == []
