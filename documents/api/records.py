"""The API's records: documents, events, event series and conventions, lists and details."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from ninja import Path, Query, Router

from organizations.models import Organization, Person

from ..models import (
    Convention,
    Event,
    EventOrganization,
    EventParticipant,
    Mention,
    SourceDocument,
)
from . import representations as represent
from . import schemas
from .filters import (
    SLUG,
    ConventionFilters,
    DocumentFilters,
    EventFilters,
    SeriesFilters,
    conventions_matching,
    documents_matching,
    events_matching,
    series_matching,
)
from .links import Links
from .paging import Paging, paginate, refuse_unknown

router = Router()
ERRORS = {400: schemas.Error, 404: schemas.Error}
SlugPath = Path(..., pattern=SLUG, max_length=200, description="The record's slug.")


@router.get("/documents", response={200: schemas.DocumentPage, **ERRORS}, url_name="documents")
def document_list(request, filters: Query[DocumentFilters], paging: Query[Paging]):
    """Public source documents, newest first."""
    refuse_unknown(request, DocumentFilters, Paging)
    records = represent.for_api_list(documents_matching(filters))
    return paginate(request, records, paging, Links(request), represent.documents)


@router.get(
    "/documents/{slug}", response={200: schemas.DocumentDetail, **ERRORS}, url_name="document"
)
def document_detail(request, slug: str = SlugPath):
    """A document with its text, and the public records it mentions or describes."""
    refuse_unknown(request)
    documents = represent.for_api_list(SourceDocument.objects.published()).defer(None)
    document = get_object_or_404(documents.defer("search_vector"), slug=slug)
    links = Links(request)
    mentioned = Mention.objects.visible().filter(document=document)
    targets = {
        "organizations": ("organization", Organization, "name"),
        "people": ("person", Person, "name"),
        "conventions": ("convention", Convention, "identifier"),
    }
    related = {
        key: represent.refs(
            links,
            kind,
            model.objects.published()
            .filter(pk__in=mentioned.values(kind))
            .only("slug", *{"name", "identifier", "short_name"} & _fields(model))
            .order_by(order),
        )
        for key, (kind, model, order) in targets.items()
    }
    events = document.events.published().for_listing().only("slug", "name", "start_date")
    return {
        **represent.documents([document], links)[0],
        "text": document.text,
        "events": represent.refs(links, "event", events),
        **related,
        "mentions_url": links.api_call("mentions", {"document": document.slug}),
    }


def _fields(model) -> set[str]:
    return {field.name for field in model._meta.concrete_fields}


@router.get("/events", response={200: schemas.EventPage, **ERRORS}, url_name="events")
def event_list(request, filters: Query[EventFilters], paging: Query[Paging]):
    """Public events in date order."""
    refuse_unknown(request, EventFilters, Paging)
    records = represent.for_api_list(events_matching(filters))
    return paginate(request, records, paging, Links(request), represent.events)


@router.get("/events/{slug}", response={200: schemas.EventDetail, **ERRORS}, url_name="event")
def event_detail(request, slug: str = SlugPath):
    """An event with the organizations and people there, its instruments and documents."""
    refuse_unknown(request)
    events = represent.for_api_list(Event.objects.published()).defer(None)
    event = get_object_or_404(events.defer("search_vector"), slug=slug)
    links = Links(request)
    participants = [
        {
            "role": p.role,
            "title": p.title,
            "person": links.ref("person", p.person.slug, p.person.name),
            "affiliation": represent.public_ref(links, "organization", p.affiliation),
        }
        for p in EventParticipant.objects.public_at(event)
    ]
    roles = [
        {
            "role": r.role,
            "organization": links.ref("organization", r.organization.slug, r.organization.name),
        }
        for r in EventOrganization.objects.public_at(event)
    ]
    listed = ("slug", "name", "start_date")
    return {
        **represent.events([event], links)[0],
        "description": event.description,
        "organizations": roles,
        "participants": participants,
        "conventions": represent.refs(
            links, "convention", event.conventions.published().order_by("identifier")
        ),
        "documents": [
            links.ref("document", d.slug, d.title)
            for d in event.documents.published().for_listing().only("slug", "title")
        ],
        "sub_events": represent.refs(
            links, "event", event.sub_events.published().for_listing().only(*listed)
        ),
    }


@router.get("/series", response={200: schemas.SeriesPage, **ERRORS}, url_name="series-list")
def series_list(request, paging: Query[Paging]):
    """Public event series (recurring gatherings) by name, with their editions' span."""
    refuse_unknown(request, SeriesFilters, Paging)
    records = series_matching(SeriesFilters()).defer("search_vector")
    return paginate(request, records, paging, Links(request), represent.series)


@router.get("/series/{slug}", response={200: schemas.SeriesDetail, **ERRORS}, url_name="series")
def series_detail(request, slug: str = SlugPath):
    """A series with its public editions in date order."""
    refuse_unknown(request)
    series = get_object_or_404(series_matching(SeriesFilters()), slug=slug)
    links = Links(request)
    editions = (
        Event.objects.published()
        .filter(series=series)
        .for_listing()
        .only("slug", "name", "edition", "start_date", "date_precision")
    )
    return {
        **represent.series([series], links)[0],
        "editions": [
            {**links.ref("event", e.slug, e.name), "edition": e.edition, "start": e.start_iso}
            for e in editions
        ],
    }


@router.get(
    "/conventions", response={200: schemas.ConventionPage, **ERRORS}, url_name="conventions"
)
def convention_list(request, filters: Query[ConventionFilters], paging: Query[Paging]):
    """Public instruments: ILO conventions, protocols and recommendations, UN and ASEAN texts."""
    refuse_unknown(request, ConventionFilters, Paging)
    records = represent.for_api_list(conventions_matching(filters))
    return paginate(request, records, paging, Links(request), represent.conventions)


@router.get(
    "/conventions/{slug}",
    response={200: schemas.ConventionDetail, **ERRORS},
    url_name="convention",
)
def convention_detail(request, slug: str = SlugPath):
    """An instrument with its description and counts."""
    refuse_unknown(request)
    conventions = represent.for_api_list(conventions_matching(ConventionFilters()))
    convention = get_object_or_404(conventions, slug=slug)
    links = Links(request)
    return {
        **represent.conventions([convention], links)[0],
        "description": convention.description,
    }
