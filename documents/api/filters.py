"""The filters of the public lists, as the API and the exports take them: one schema a kind
(what may be asked, checked by pydantic) and one function a kind (the public records asked
for, in the order the public list shows them).

A filter naming a record that is not public (an unknown organization, tag or series) is an
error the caller hears about (`FilterError`), never silently ignored.
"""

from __future__ import annotations

from django.db.models import Case, F, Q, QuerySet, Value, When
from ninja import Schema
from pydantic import ConfigDict, Field
from taggit.models import Tag

from advocacy_site.records import published_through
from organizations.activity import people_with_counts
from organizations.models import Organization, Person

from ..models import (
    Convention,
    Event,
    EventParticipant,
    EventSeries,
    Mention,
    SourceDocument,
)

SLUG = r"^[-a-zA-Z0-9_]+$"
COUNTRY = r"^[A-Z]{2}$"
YEAR = {"ge": 1000, "le": 2999}
PRINTABLE = r"^[^\x00-\x1f\x7f]*$"  # no control characters (PostgreSQL refuses NUL)


class FilterError(ValueError):
    """A filter that is well formed but names nothing public: answered with 400."""


class Filters(Schema):
    """Every filter schema refuses a name it does not know (exports validate with it whole)."""

    model_config = ConfigDict(extra="forbid")


class DocumentFilters(Filters):
    year: int | None = Field(None, **YEAR, description="Year of publication.")
    organization: str | None = Field(None, pattern=SLUG, description="Mentions this body.")
    tag: str | None = Field(None, pattern=SLUG, description="A tag's slug.")


class EventFilters(Filters):
    year: int | None = Field(None, **YEAR, description="Year the event began.")
    kind: Event.Kind | None = None
    country: str | None = Field(None, pattern=COUNTRY, description="ISO 3166-1 alpha-2 code.")
    organization: str | None = Field(None, pattern=SLUG, description="Holds a role at it.")
    series: str | None = Field(None, pattern=SLUG, description="An edition of this series.")
    person: str | None = Field(None, pattern=SLUG, description="This person took part.")
    tag: str | None = Field(None, pattern=SLUG)


class SeriesFilters(Filters):
    pass


class OrganizationFilters(Filters):
    q: str | None = Field(
        None, min_length=1, max_length=200, pattern=PRINTABLE, description="Name or acronym."
    )
    kind: Organization.Kind | None = None
    country: str | None = Field(None, pattern=COUNTRY)
    letter: str | None = Field(None, pattern=r"^[A-Za-z0-9]$", description="First letter.")
    tag: str | None = Field(None, pattern=SLUG)


class PersonFilters(Filters):
    organization: str | None = Field(
        None, pattern=SLUG, description="Affiliated with it, or represented it at an event."
    )
    tag: str | None = Field(None, pattern=SLUG)


class ConventionFilters(Filters):
    body: Convention.Body | None = None
    kind: Convention.Kind | None = None
    tag: str | None = Field(None, pattern=SLUG)


def public_column(relation: str, column: str):
    """A related record's column where that record is public, else "" (for values() rows)."""
    return Case(
        When(published_through(relation), then=F(f"{relation}__{column}")), default=Value("")
    )


def public_pk(model, slug: str, label: str) -> int:
    """The key of the public record of `model` with this slug; a 400 naming `label` if none."""
    pk = model.objects.published().filter(slug=slug).values_list("pk", flat=True).first()
    if pk is None:
        raise FilterError(f"{label}: no public {model._meta.verbose_name} has the slug '{slug}'")
    return pk


def _tagged(records: QuerySet, slug: str | None) -> QuerySet:
    if not slug:
        return records
    if not Tag.objects.filter(slug=slug).exists():
        raise FilterError(f"tag: no tag has the slug '{slug}'")
    return records.filter(tags__slug=slug)


def documents_matching(filters: DocumentFilters) -> QuerySet:
    """Public documents, newest first, as the documents list shows them."""
    documents = SourceDocument.objects.published()
    if filters.year:
        documents = documents.filter(start_date__year=filters.year)
    if filters.organization:
        body = public_pk(Organization, filters.organization, "organization")
        mentioning = Mention.objects.public().filter(organization=body).values("document")
        documents = documents.filter(pk__in=mentioning)
    documents = _tagged(documents, filters.tag)
    return documents.order_by(F("start_date").desc(nulls_last=True), "title", "pk")


def events_matching(filters: EventFilters) -> QuerySet:
    """Public events in date order, as the events pages show them."""
    events = Event.objects.published()
    if filters.year:
        events = events.in_year(filters.year)
    if filters.kind:
        events = events.filter(kind=filters.kind)
    if filters.country:
        events = events.filter(country=filters.country)
    if filters.organization:
        body = public_pk(Organization, filters.organization, "organization")
        events = events.with_organization([body])
    if filters.series:
        events = events.filter(series=public_pk(EventSeries, filters.series, "series"))
    if filters.person:
        person = public_pk(Person, filters.person, "person")
        roles = EventParticipant.objects.visible().filter(person=person)
        events = events.filter(pk__in=roles.values("event"))
    events = _tagged(events, filters.tag)
    return events.order_by(F("start_date").asc(nulls_last=True), "name", "pk")


def series_matching(filters: SeriesFilters) -> QuerySet:
    """Public event series by name, with their numbers of editions and years."""
    return EventSeries.objects.published().with_counts().order_by("name", "pk")


def organizations_matching(filters: OrganizationFilters) -> QuerySet:
    """Public organizations by name, with their numbers of events and documents."""
    published = Organization.objects.published()
    organizations = published  # event_count and document_count are kept on the record
    if filters.q:
        organizations = organizations.filter(pk__in=published.matching_text(filters.q))
    if filters.kind:
        organizations = organizations.filter(kind=filters.kind)
    if filters.country:
        organizations = organizations.filter(country=filters.country)
    if filters.letter:
        organizations = organizations.filter(name_key__startswith=filters.letter.lower())
    organizations = _tagged(organizations, filters.tag)
    return organizations.order_by("name_key", "name", "pk")


def people_matching(filters: PersonFilters) -> QuerySet:
    """Public people by name, with their numbers of events."""
    people = people_with_counts(Person.objects.published())
    if filters.organization:
        body = public_pk(Organization, filters.organization, "organization")
        represented = EventParticipant.objects.visible().filter(
            affiliation=body, event__in=Event.objects.published()
        )
        affiliated = Q(affiliations__organization=body) & ~Q(affiliations__review_status="rejected")
        people = people.filter(
            Q(pk__in=Person.objects.filter(affiliated).values("pk"))
            | Q(pk__in=represented.values("person"))
        )
    people = _tagged(people, filters.tag)
    return people.order_by("name", "pk")


def conventions_matching(filters: ConventionFilters) -> QuerySet:
    """Public instruments in the conventions list's order, with their counts."""
    conventions = Convention.objects.published()  # its counts are kept on the record
    if filters.body:
        conventions = conventions.filter(body=filters.body)
    if filters.kind:
        conventions = conventions.filter(kind=filters.kind)
    conventions = _tagged(conventions, filters.tag)
    return conventions.order_by("body", "kind", "number", "identifier", "pk")
