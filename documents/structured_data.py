"""schema.org descriptions of the record pages, as JSON-LD dicts.

One function per page kind. Each reads only what its view already loaded (the record and the
context's lists), so describing a page costs no query. `url` makes a path absolute.
Every type and property used here is checked against schema.org's vocabulary
(tests/open_data/test_structured_data.py, against the hand-kept list in
tests/open_data/schema_vocabulary.py).
"""

from collections.abc import Callable, Iterable

from advocacy_site.countries import country_name

CONTEXT = "https://schema.org"
SITE_NAME = "Migrant-labour advocacy archive"

# Roles at an event: who made it happen, who paid for it; everyone else attended.
ORGANIZER_ROLES = {"organizer", "co-organizer", "host"}
FUNDER_ROLES = {"funder"}
PERFORMER_ROLES = {"speaker", "chair", "resource person"}

Url = Callable[[str], str]


def _clean(data: dict) -> dict:
    """Drop empty values: schema.org readers take a missing property better than a blank one."""
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


def _one_or_many(values: list):
    return values[0] if len(values) == 1 else values


def _ref(record, url: Url, kind: str) -> dict:
    """A short description of a linked record: its type, name and page."""
    return _clean({"@type": kind, "name": record.name, "url": url(record.get_absolute_url())})


def _organization_ref(organization, url: Url) -> dict:
    reference = _ref(organization, url, "Organization")
    return _clean({**reference, "alternateName": organization.acronym})


def _convention_ref(convention, url: Url) -> dict:
    return _clean(
        {
            "@type": "Legislation",
            "name": convention.title or convention.short_name,
            "legislationIdentifier": convention.identifier,
            "url": url(convention.get_absolute_url()),
        }
    )


def _document_ref(document, url: Url) -> dict:
    return _clean(
        {
            "@type": "Article",
            "headline": document.title,
            "datePublished": document.start_iso,
            "url": url(document.get_absolute_url()),
        }
    )


def _end_iso(record) -> str | None:
    """The end at its precision, left out when it is the start's own period (`2018-07`)."""
    return record.end_iso if record.end_iso != record.start_iso else None


def _event_ref(event, url: Url) -> dict:
    return _clean(
        {
            "@type": "Event",
            "name": event.name,
            "startDate": event.start_iso,
            "endDate": _end_iso(event),
            "url": url(event.get_absolute_url()),
        }
    )


def _person_ref(person, url: Url) -> dict:
    return _clean({**_ref(person, url, "Person"), "honorificPrefix": person.honorific})


def _place(city: str, country: str, latitude=None, longitude=None) -> dict | None:
    if not (city or country):
        return None
    address = _clean({"@type": "PostalAddress", "addressLocality": city, "addressCountry": country})
    geo = None
    if latitude is not None and longitude is not None:
        geo = {"@type": "GeoCoordinates", "latitude": float(latitude)}
        geo["longitude"] = float(longitude)
    name = ", ".join(part for part in (city, country_name(country) if country else "") if part)
    return _clean({"@type": "Place", "name": name, "address": address, "geo": geo})


def _base(kind: str, record, url: Url, name: str) -> dict:
    page = url(record.get_absolute_url())
    return {"@context": CONTEXT, "@type": kind, "@id": page, "name": name, "url": page}


def event_data(
    event,
    url: Url,
    *,
    organization_roles: Iterable = (),
    participants: Iterable = (),
    conventions: Iterable = (),
    documents: Iterable = (),
) -> dict:
    """An Event: dates at their precision, place, organizers, attendees, what it was about."""
    roles = list(organization_roles)
    people = list(participants)
    supers = []
    if event.series_id and event.series.is_public:
        supers.append(_ref(event.series, url, "EventSeries"))
    if event.part_of_id and event.part_of.is_public:
        supers.append(_event_ref(event.part_of, url))
    data = {
        **_base("Event", event, url, event.name),
        "description": event.description,
        "startDate": event.start_iso,
        "endDate": _end_iso(event),
        "location": _place(event.city, event.country, event.latitude, event.longitude),
        "organizer": [
            _organization_ref(r.organization, url) for r in roles if r.role in ORGANIZER_ROLES
        ],
        "funder": [_organization_ref(r.organization, url) for r in roles if r.role in FUNDER_ROLES],
        "performer": [_person_ref(p.person, url) for p in people if p.role in PERFORMER_ROLES],
        "attendee": [
            *(
                _organization_ref(r.organization, url)
                for r in roles
                if r.role not in ORGANIZER_ROLES | FUNDER_ROLES
            ),
            *(_person_ref(p.person, url) for p in people if p.role not in PERFORMER_ROLES),
        ],
        "about": [_convention_ref(c, url) for c in conventions],
        "superEvent": _one_or_many(supers) if supers else None,
        "subjectOf": [_document_ref(d, url) for d in documents],
    }
    return _clean(data)


def organization_data(organization, url: Url, *, aliases: Iterable = ()) -> dict:
    """An Organization: its other names, country, website and the body it belongs to."""
    other_names = [organization.acronym, *(alias.name for alias in aliases)]
    parent = organization.parent if organization.parent_id else None
    data = {
        **_base("Organization", organization, url, organization.name),
        "alternateName": [name for name in dict.fromkeys(other_names) if name],
        "description": organization.description,
        "sameAs": organization.website,
        "location": _place("", organization.country),
        "areaServed": organization.region,
        "parentOrganization": (
            _organization_ref(parent, url) if parent and parent.is_public else None
        ),
    }
    return _clean(data)


def person_data(person, url: Url, *, aliases: Iterable = (), affiliations: Iterable = ()) -> dict:
    """A Person: other spellings, titles and the organizations they belong to."""
    affiliations = list(affiliations)
    organizations = {
        a.organization.pk: _organization_ref(a.organization, url)
        for a in affiliations
        if a.organization_id
    }
    titles = [a.title for a in affiliations if a.title]
    data = {
        **_base("Person", person, url, person.name),
        "honorificPrefix": person.honorific,
        "alternateName": [alias.name for alias in aliases],
        "description": person.description,
        "jobTitle": list(dict.fromkeys(titles)),
        "affiliation": list(organizations.values()),
    }
    return _clean(data)


def convention_data(convention, url: Url) -> dict:
    """A Legislation: the instrument's identifier, titles, adoption date and official text."""
    data = {
        **_base("Legislation", convention, url, convention.title or convention.short_name),
        "alternateName": convention.short_name if convention.short_name != convention.title else "",
        "legislationIdentifier": convention.identifier,
        "legislationDate": convention.start_iso,
        "legislationType": convention.get_kind_display(),
        "description": convention.description,
        "sameAs": convention.official_url,
    }
    return _clean(data)


def document_data(
    document,
    url: Url,
    *,
    events: Iterable = (),
    organizations: Iterable = (),
    people: Iterable = (),
    conventions: Iterable = (),
) -> dict:
    """An Article: the source text's headline, date, the events it reports and whom it names."""
    data = {
        **_base("Article", document, url, document.title),
        "headline": document.title,
        "datePublished": document.start_iso,
        "articleSection": document.category,
        "about": [_event_ref(event, url) for event in events],
        "mentions": [
            *(_organization_ref(o, url) for o in organizations),
            *(_person_ref(p, url) for p in people),
            *(_convention_ref(c, url) for c in conventions),
        ],
        "isBasedOn": document.source_url,
    }
    return _clean(data)


def series_data(series, url: Url, *, editions: Iterable = ()) -> dict:
    """An EventSeries with its editions."""
    data = {
        **_base("EventSeries", series, url, series.name),
        "alternateName": series.acronym,
        "description": series.description,
        "subEvent": [_event_ref(event, url) for event in editions],
    }
    return _clean(data)


def site_data(url: Url) -> dict:
    """The WebSite itself, for the home page."""
    return {"@context": CONTEXT, "@type": "WebSite", "name": SITE_NAME, "url": url("/")}
