"""Long lists on record pages come a page at a time (issue 12: no page over 200 KB)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from documents.models import EventOrganization, EventParticipant
from organizations.models import Affiliation

from ..factories import make_event, make_organization, make_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def crowded_event():
    event = make_event(name="Regional Summit on Migration")
    for n in range(60):
        org = make_organization(name=f"Union {n:02d}")
        EventOrganization.objects.create(event=event, organization=org, role="partner")
        EventParticipant.objects.create(event=event, person=make_person(name=f"Delegate {n:02d}"))
    return event


@pytest.mark.parametrize(
    "param, first_page, second_page",
    [
        ("organizations_page", "Union 49", "Union 50"),
        ("people_page", "Delegate 49", "Delegate 50"),
    ],
)
def test_an_events_organizations_and_people_come_fifty_at_a_time(
    client, crowded_event, param, first_page, second_page
):
    url = crowded_event.get_absolute_url()
    page_one = client.get(url).content.decode()
    assert first_page in page_one and second_page not in page_one
    assert f"?{param}=2" in page_one
    page_two = client.get(url, {param: 2}).content.decode()
    assert second_page in page_two and first_page not in page_two


def test_a_persons_affiliations_come_a_page_at_a_time(client):
    person = make_person(name="Ellen Sana")
    for n in range(30):
        Affiliation.objects.create(
            person=person, organization=make_organization(name=f"Board {n:02d}"), title="Member"
        )
    response = client.get(person.get_absolute_url())
    assert len(response.context["affiliations_page"]) == 25
    assert "?affiliations_page=2" in response.content.decode()
    second = client.get(person.get_absolute_url(), {"affiliations_page": 2})
    assert len(second.context["affiliations_page"]) == 5


def test_a_crowded_events_page_costs_the_same_queries_as_a_small_one(
    client, crowded_event, django_assert_max_num_queries
):
    small = make_event(name="Small Meeting")
    EventOrganization.objects.create(event=small, organization=make_organization(), role="host")
    EventParticipant.objects.create(event=small, person=make_person())
    with CaptureQueriesContext(connection) as queries:
        client.get(small.get_absolute_url())
    with django_assert_max_num_queries(len(queries)):
        client.get(crowded_event.get_absolute_url())


def test_a_years_organization_filter_offers_the_busiest_hundred_and_the_chosen_one(client):
    from documents.views.events import ORGANIZATION_OPTIONS

    event = make_event(name="Big Year Meeting", start_date="2010-05-01", end_date="2010-05-02")
    organizations = []
    for n in range(ORGANIZATION_OPTIONS + 5):
        org = make_organization(name=f"Union {n:03d}", event_count=1000 - n)
        EventOrganization.objects.create(event=event, organization=org, role="partner")
        organizations.append(org)
    url = reverse("documents:event-archive-year", args=[2010])
    options = dict(client.get(url).context["organization_options"])
    assert len(options) == ORGANIZATION_OPTIONS
    assert organizations[0].slug in options and organizations[-1].slug not in options
    chosen = client.get(url, {"organization": organizations[-1].slug})
    assert organizations[-1].slug in dict(chosen.context["organization_options"])
