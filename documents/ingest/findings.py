"""What the importer finds in one text, before anything is written: plain data, JSON-ready."""

from __future__ import annotations

from dataclasses import dataclass, field

from advocacy_site.partial_dates import PartialDate


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str
    rule: str
    confidence: float


@dataclass
class OrganizationFinding:
    key: str  # one finding per real-world body within a document
    name: str
    acronym: str = ""
    kind: str = "other"
    country: str = ""
    parent: str = ""
    website: str = ""
    aliases: set[str] = field(default_factory=set)
    known: bool = False  # from the shipped gazetteer
    spans: list[Span] = field(default_factory=list)

    @property
    def confidence(self) -> float:
        return max((s.confidence for s in self.spans), default=0.0)


@dataclass
class PersonFinding:
    key: str
    name: str
    honorific: str = ""
    title: str = ""
    organization_key: str = ""
    spans: list[Span] = field(default_factory=list)


@dataclass
class ConventionFinding:
    id: str
    title: str
    spans: list[Span] = field(default_factory=list)


@dataclass
class EventFinding:
    key: str
    name: str
    kind: str
    date: PartialDate | None
    city: str = ""
    country: str = ""
    latitude: float | None = None
    longitude: float | None = None
    organizations: list[tuple[str, str]] = field(default_factory=list)  # (organization key, role)
    people: list[tuple[str, str]] = field(default_factory=list)  # (person key, role)
    conventions: list[str] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    is_document_event: bool = False
    # A recurring gathering's series ("ASEAN Forum on Migrant Labour") and this edition's number
    # ("the 10th ..."): the series is a record of its own, never an organization.
    series: str = ""
    edition: int | None = None
    description: str = ""  # the passages it was found in, for readers and curators
    tags: list[str] = field(default_factory=list)


@dataclass
class DocumentAnalysis:
    file: str
    title: str
    text: str
    date: PartialDate | None
    category: str
    region: str
    organizations: dict[str, OrganizationFinding] = field(default_factory=dict)
    people: dict[str, PersonFinding] = field(default_factory=dict)
    conventions: dict[str, ConventionFinding] = field(default_factory=dict)
    events: list[EventFinding] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    # Where recurring gatherings are named (`series.SeriesMention`): events read them, and the
    # overlap rule keeps organizations off them. Not written as such: events carry their series.
    series_mentions: list = field(default_factory=list)

    def as_json(self) -> dict:
        """The dry-run shape documented in the README."""
        orgs = self.organizations
        people = self.people

        def iso(d, which):
            return d.iso(which) if d else None

        return {
            "file": self.file,
            "title": self.title,
            "date": iso(self.date, "start"),
            "category": self.category or None,
            "region": self.region or None,
            "events": [
                {
                    "name": e.name,
                    "kind": e.kind,
                    "start": iso(e.date, "start"),
                    "end": iso(e.date, "end")
                    if e.date and e.date.end != _period_end(e.date)
                    else None,
                    "city": e.city or None,
                    "country": e.country or None,
                    "organizations": [
                        {"name": orgs[k].name, "role": role}
                        for k, role in e.organizations
                        if k in orgs
                    ],
                    "people": [
                        {"name": people[k].name, "role": role}
                        for k, role in e.people
                        if k in people
                    ],
                    "conventions": list(e.conventions),
                    "series": {"name": e.series, "edition": e.edition} if e.series else None,
                }
                for e in self.events
            ],
            "organizations": [
                {"name": o.name, "acronym": o.acronym or None} for o in orgs.values()
            ],
            "people": [
                {
                    "name": p.name,
                    "role": p.title or None,
                    "organization": orgs[p.organization_key].name
                    if p.organization_key in orgs
                    else None,
                }
                for p in people.values()
            ],
            "conventions": [{"id": c.id, "title": c.title} for c in self.conventions.values()],
            "tags": list(self.tags),
            "errors": list(self.errors),
        }


def _period_end(date: PartialDate):
    """The end a single period at the date's precision would have: a range ends elsewhere."""
    return PartialDate.from_parts(
        date.start.year,
        date.start.month if date.precision != "year" else None,
        date.start.day if date.precision == "day" else None,
    ).end
