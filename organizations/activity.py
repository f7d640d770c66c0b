"""What organizations and people did, as the archive's records tell it.

These reads need the documents' models (events, roles, mentions). Model modules import
downward only (`organizations.models` never imports `documents`), so they live here, above
both apps' models, beside the views that call them.
"""

from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from advocacy_site.records import ReviewStatus, published_through
from documents.models import Event, EventOrganization, EventParticipant, Mention

from .models import Organization, Person


def organizations_at_events(organizations: QuerySet, events: QuerySet) -> QuerySet:
    """Organizations holding a role, not rejected by a curator, at any of `events`.

    A later `Count("event_roles__event")` counts only those roles (the join is reused).
    """
    roles = EventOrganization.objects.visible().filter(event__in=events)
    return organizations.filter(event_roles__in=roles)


def organizations_most_present_at(organizations: QuerySet, events: QuerySet) -> QuerySet:
    """Organizations at `events`, most events first (`shared`), then by name."""
    return (
        organizations_at_events(organizations, events)
        .annotate(shared=Count("event_roles__event", distinct=True))
        .order_by("-shared", "name")
    )


def organization_count_expressions() -> dict:
    """What an organization's stored `event_count` and `document_count` hold (its published
    events, its mentioning published documents), as expressions over `OuterRef("pk")`."""
    events = (
        EventOrganization.objects.visible()
        .filter(published_through("event"), organization=OuterRef("pk"))
        .values("organization")
        .annotate(n=Count("event", distinct=True))
        .values("n")
    )
    documents = (
        Mention.objects.public()
        .filter(organization=OuterRef("pk"))
        .values("organization")
        .annotate(n=Count("document", distinct=True))
        .values("n")
    )
    return {
        "event_count": Coalesce(Subquery(events), 0),
        "document_count": Coalesce(Subquery(documents), 0),
    }


def people_with_counts(people: QuerySet) -> QuerySet:
    """Each person with the number of published events they took part in."""
    return people.annotate(
        event_count=Count(
            "event_roles__event",
            filter=published_through("event_roles__event")
            & ~Q(event_roles__review_status=ReviewStatus.REJECTED),
            distinct=True,
        )
    )


def organization_people(organization: Organization) -> QuerySet:
    """Public people affiliated with `organization`, or who represented it at a public event."""
    affiliated = organization.affiliations.visible().values("person")
    represented = (
        EventParticipant.objects.visible()
        .filter(affiliation=organization, event__in=Event.objects.published())
        .values("person")
    )
    return (
        Person.objects.published()
        .filter(Q(pk__in=affiliated) | Q(pk__in=represented))
        .order_by("name")
    )


def person_roles(person: Person) -> QuerySet:
    """A person's visible roles at published events, in date order, each with its event and
    the organization represented (None where that one is not public)."""
    return (
        EventParticipant.objects.visible()
        .filter(published_through("event"), person=person)
        .select_related("event")
        .prefetch_related(Prefetch("affiliation", queryset=Organization.objects.published()))
        .order_by("event__start_date", "event__name")
    )


def person_affiliations(person: Person) -> QuerySet:
    """A person's visible affiliations, with public organizations (or none) only."""
    return (
        person.affiliations.visible()
        .filter(Q(organization=None) | Q(organization__in=Organization.objects.published()))
        .select_related("organization")
    )
