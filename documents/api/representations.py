"""Records made into the API's dicts (shapes in `schemas.py`). List functions take a page of
records loaded by `for_api_list()` below, so a page costs the same queries at any size."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from organizations.models import Organization

from ..models import Event, SourceDocument


def _tags(record) -> list[str]:
    return [tag.name for tag in record.tags.all()]


def _dates(record) -> dict:
    return {"start": record.start_iso, "end": record.end_iso, "date_text": record.date_text}


def public_ref(links, kind: str, record) -> dict | None:
    """A link to a related record, or None where that record is not public."""
    if record is None or not record.is_public:
        return None
    return links.ref(kind, record.slug, str(getattr(record, "name", record)))


def _record(links, kind: str, record) -> dict:
    return {
        "id": record.slug,
        "url": links.api(kind, record.slug),
        "html_url": links.page(kind, record.slug),
    }


def documents(records, links) -> list[dict]:
    return [
        {
            **_record(links, "document", d),
            **_dates(d),
            "title": d.title,
            "category": d.category,
            "region": d.region,
            "source_url": d.source_url,
            "tags": _tags(d),
        }
        for d in records
    ]


def events(records, links) -> list[dict]:
    return [
        {
            **_record(links, "event", e),
            **_dates(e),
            "name": e.name,
            "kind": e.kind,
            "city": e.city,
            "country": e.country,
            "latitude": float(e.latitude) if e.latitude is not None else None,
            "longitude": float(e.longitude) if e.longitude is not None else None,
            "series": public_ref(links, "series", e.series),
            "edition": e.edition,
            "part_of": public_ref(links, "event", e.part_of),
            "tags": _tags(e),
        }
        for e in records
    ]


def series(records, links) -> list[dict]:
    return [
        {
            **_record(links, "series", s),
            "name": s.name,
            "acronym": s.acronym,
            "description": s.description,
            "edition_count": s.edition_count,
            "first_year": s.first_year,
            "last_year": s.last_year,
        }
        for s in records
    ]


def organizations(records, links) -> list[dict]:
    events_url = links.api_call("events", {"organization": ""})
    return [
        {
            **_record(links, "organization", o),
            "name": o.name,
            "acronym": o.acronym,
            "kind": o.kind,
            "country": o.country,
            "region": o.region,
            "website": o.website,
            "parent": public_ref(links, "organization", o.parent),
            "event_count": o.event_count,
            "document_count": o.document_count,
            "events_url": events_url + o.slug,
            "tags": _tags(o),
        }
        for o in records
    ]


def people(records, links) -> list[dict]:
    return [
        {
            **_record(links, "person", p),
            "name": p.name,
            "honorific": p.honorific,
            "event_count": p.event_count,
            "tags": _tags(p),
        }
        for p in records
    ]


def conventions(records, links) -> list[dict]:
    return [
        {
            **_record(links, "convention", c),
            **_dates(c),
            "identifier": c.identifier,
            "short_name": c.short_name,
            "title": c.title,
            "body": c.body,
            "kind": c.kind,
            "number": c.number,
            "place_adopted": c.place_adopted,
            "official_url": c.official_url,
            "event_count": c.event_count,
            "document_count": c.document_count,
            "tags": _tags(c),
        }
        for c in records
    ]


def affiliations(records, links) -> list[dict]:
    return [
        {
            "person": links.ref("person", a.person.slug, a.person.name),
            "organization": public_ref(links, "organization", a.organization),
            "title": a.title,
            "start": a.start_iso,
            "end": a.end_iso,
            "review_status": a.review_status,
        }
        for a in records
    ]


def refs(links, kind: str, records) -> list[dict]:
    return [links.ref(kind, r.slug, str(getattr(r, "name", r))) for r in records]


def for_api_list(records: QuerySet) -> QuerySet:
    """What a page of these records reads: tags, and the related records it links to; never
    the long fields it does not show (a document's text, the search vector)."""
    model = records.model
    deferred = ["search_vector"]
    if model is SourceDocument:
        deferred.append("text")
    if model is Event:
        records = records.select_related("series", "part_of")
        deferred += ["description", "part_of__description", "part_of__search_vector"]
        deferred += ["series__description", "series__search_vector"]
    if model is Organization:
        records = records.select_related("parent")
        deferred += ["description", "parent__description", "parent__search_vector"]
    if hasattr(model, "tags"):
        records = records.prefetch_related(Prefetch("tags"))
    return records.defer(*deferred)
