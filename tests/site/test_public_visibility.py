"""Public pages: no unpublished organizations or rejected roles; how the year page files events."""

import datetime as dt

import pytest
from django.urls import reverse

from documents.counts import archive_counts_refresh
from documents.models import EventOrganization, EventParticipant
from organizations.models import Organization

from ..factories import make_archive_graph, make_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def graph():
    return make_archive_graph()


def test_unpublished_affiliation_is_hidden_on_event_and_person_pages(client, graph):
    Organization.objects.filter(pk=graph["mfa"].pk).update(is_published=False)
    event_page = client.get(graph["event"].get_absolute_url())
    person_page = client.get(graph["gois"].get_absolute_url())
    assert [p.affiliation for p in event_page.context["people_page"]] == [None]
    assert [r.affiliation for r in person_page.context["roles_page"]] == [None]
    for response in (event_page, person_page):
        assert "· Migrant Forum in Asia (MFA)" not in response.content.decode()
    assert "Regional Coordinator" in event_page.content.decode()


def test_published_affiliation_is_shown(client, graph):
    event_page = client.get(graph["event"].get_absolute_url())
    assert "· Migrant Forum in Asia (MFA)" in event_page.content.decode()


def test_rejected_affiliation_organization_is_hidden_on_person_page(client, graph):
    from organizations.models import Affiliation

    Affiliation.objects.create(person=graph["gois"], organization=graph["mfa"], title="Chair")
    Organization.objects.filter(pk=graph["mfa"].pk).update(review_status="rejected")
    response = client.get(graph["gois"].get_absolute_url())
    assert [a.organization for a in response.context["affiliations_page"]] == []


@pytest.fixture
def rejected_role(graph):
    role = EventOrganization.objects.get(event=graph["event"], organization=graph["atuc"])
    role.review_status = "rejected"
    role.save()
    return graph


def test_rejected_role_does_not_count_on_the_organization_page(client, rejected_role):
    response = client.get(rejected_role["atuc"].get_absolute_url())
    assert response.context["events_page"].paginator.count == 0
    assert rejected_role["event"].name not in response.content.decode()
    assert list(response.context["co_appearing"]) == []
    assert list(response.context["conventions"]) == []


def test_rejected_role_does_not_count_in_lists_or_year_filters(client, rejected_role):
    atuc, mfa = rejected_role["atuc"], rejected_role["mfa"]
    archive_counts_refresh()  # as it stands once the writes commit (tests never commit)
    listing = client.get(reverse("organizations:organization-list"))
    counts = {org.slug: org.event_count for org in listing.context["page_obj"]}
    assert counts[atuc.slug] == 0
    assert counts[mfa.slug] == 1
    home = client.get(reverse("home"))
    assert {o.slug: o.event_count for o in home.context["top_organizations"]}[atuc.slug] == 0
    year = reverse("documents:event-archive-year", args=[2007])
    response = client.get(year, {"organization": atuc.slug})
    assert response.context["page_obj"].paginator.count == 0
    options = dict(client.get(year).context["organization_options"])
    assert atuc.slug not in options
    assert mfa.slug in options
    event_page = client.get(rejected_role["event"].get_absolute_url())
    assert atuc.name not in event_page.content.decode()


def test_rejected_role_elsewhere_does_not_hide_the_organizations_other_events(client, graph):
    other = make_event(name="Another meeting", slug="another-meeting")
    EventOrganization.objects.create(
        event=other, organization=graph["mfa"], role="host", review_status="rejected"
    )
    response = client.get(graph["atuc"].get_absolute_url())
    assert response.context["events_page"].paginator.count == 1


def test_rejected_participation_is_not_counted_or_charted(client, graph):
    EventParticipant.objects.filter(person=graph["gois"]).update(review_status="rejected")
    listing = client.get(reverse("organizations:person-list"))
    assert {p.slug: p.event_count for p in listing.context["page_obj"]}[graph["gois"].slug] == 0
    response = client.get(graph["gois"].get_absolute_url())
    assert response.context["roles_page"].paginator.count == 0
    assert response.context["chart"].total == 0


def test_year_page_files_year_only_events_after_the_months(client, graph):
    make_event(
        name="Sometime in 2007",
        slug="sometime-2007",
        start_date=dt.date(2007, 1, 1),
        end_date=dt.date(2007, 12, 31),
        date_precision="year",
    )
    make_event(
        name="Workshop in March",
        slug="workshop-march-2007",
        start_date=dt.date(2007, 3, 1),
        end_date=dt.date(2007, 3, 31),
        date_precision="month",
    )
    response = client.get(reverse("documents:event-archive-year", args=[2007]))
    months = [(m["name"], [e.name for e in m["events"]]) for m in response.context["months"]]
    assert months[0] == ("March", ["Workshop in March"])
    assert months[-1] == ("Date within the year not known", ["Sometime in 2007"])
    assert "January" not in [name for name, _events in months]


def test_a_rejected_parent_event_is_not_linked(client):
    """A link to a rejected event would lead to a 404: the 'Part of' line is left out."""
    parent = make_event(name="Regional Summit", review_status="rejected")
    child = make_event(name="Side session", part_of=parent)
    page = client.get(child.get_absolute_url()).content.decode()
    assert "Regional Summit" not in page and "Part of" not in page
    parent.review_status = "proposed"
    parent.save()
    assert parent.get_absolute_url() in client.get(child.get_absolute_url()).content.decode()
