"""What the API answers, as pydantic schemas: the OpenAPI description is made from these, and
every response is checked against them before it leaves."""

from __future__ import annotations

from ninja import Field, Schema

DATE = r"^[0-9]{4}(-[0-9]{2}){0,2}$"  # a date at its precision: 2007, 2007-11, 2007-11-01


class Error(Schema):
    detail: str = Field(..., description="What was wrong with the request, in plain words.")


class Ref(Schema):
    """A link to another record."""

    id: str = Field(..., description="The record's slug: its stable identifier.")
    name: str
    url: str = Field(..., description="The record in this API.")
    html_url: str = Field(..., description="The record's page on the public site.")


class Page(Schema):
    count: int = Field(..., description="Records matching the filters, on all pages.")
    page: int
    page_size: int
    next: str | None = Field(..., description="The next page's address; null on the last.")
    previous: str | None


class Record(Schema):
    id: str = Field(..., description="The record's slug: its stable identifier.")
    url: str
    html_url: str
    tags: list[str] = []


class Dated(Schema):
    start: str | None = Field(..., pattern=DATE, description="At the precision the source gives.")
    end: str | None = Field(..., pattern=DATE)
    date_text: str = Field(..., description="The date as the source wrote it.")


class Document(Record, Dated):
    title: str
    category: str
    region: str
    source_url: str


class Role(Schema):
    role: str
    organization: Ref


class Participant(Schema):
    role: str
    title: str
    person: Ref
    affiliation: Ref | None


class DocumentDetail(Document):
    text: str
    events: list[Ref]
    organizations: list[Ref]
    people: list[Ref]
    conventions: list[Ref]
    mentions_url: str = Field(..., description="The passages this document's records came from.")


class Event(Record, Dated):
    name: str
    kind: str
    city: str
    country: str = Field(..., description="ISO 3166-1 alpha-2 code; empty when not known.")
    latitude: float | None
    longitude: float | None
    series: Ref | None
    edition: int | None
    part_of: Ref | None


class EventDetail(Event):
    description: str
    organizations: list[Role]
    participants: list[Participant]
    conventions: list[Ref]
    documents: list[Ref]
    sub_events: list[Ref]


class Series(Schema):
    id: str
    url: str
    html_url: str
    name: str
    acronym: str
    description: str
    edition_count: int
    first_year: int | None
    last_year: int | None


class Edition(Ref):
    edition: int | None
    start: str | None = Field(..., pattern=DATE)


class SeriesDetail(Series):
    editions: list[Edition]


class Affiliation(Schema):
    person: Ref
    organization: Ref | None
    title: str
    start: str | None = Field(..., pattern=DATE)
    end: str | None = Field(..., pattern=DATE)
    review_status: str


class Organization(Record):
    name: str
    acronym: str
    kind: str
    country: str
    region: str
    website: str
    parent: Ref | None
    event_count: int
    document_count: int
    events_url: str = Field(..., description="Its events in this API.")


class OrganizationDetail(Organization):
    description: str
    aliases: list[str]
    former_slugs: list[str] = Field(..., description="Slugs of records merged into this one.")
    children: list[Ref]
    affiliations: list[Affiliation]


class Person(Record):
    name: str
    honorific: str
    event_count: int


class PersonDetail(Person):
    description: str
    aliases: list[str]
    former_slugs: list[str]
    affiliations: list[Affiliation]
    events_url: str


class Convention(Record, Dated):
    identifier: str
    short_name: str
    title: str
    body: str
    kind: str
    number: int | None
    place_adopted: str
    official_url: str
    event_count: int
    document_count: int


class ConventionDetail(Convention):
    description: str


class Mention(Schema):
    id: int = Field(..., description="The mention's number: its stable identifier.")
    url: str
    document: Ref
    start: int = Field(..., description="Offset of the passage's first character in the text.")
    end: int
    text: str
    record_type: str
    record: Ref
    rule: str
    confidence: float
    review_status: str = Field(..., description="proposed or confirmed; rejected never shown.")


class Hit(Schema):
    type: str
    id: str
    name: str
    rank: float
    snippet: str = Field(..., description="Text around the match, as plain text.")
    url: str
    html_url: str


class DocumentPage(Page):
    results: list[Document]


class EventPage(Page):
    results: list[Event]


class SeriesPage(Page):
    results: list[Series]


class OrganizationPage(Page):
    results: list[Organization]


class PersonPage(Page):
    results: list[Person]


class ConventionPage(Page):
    results: list[Convention]


class MentionPage(Page):
    results: list[Mention]


class SearchPage(Page):
    query: str
    results: list[Hit]
