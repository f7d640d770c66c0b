"""New rows the write path builds from findings and reference data: an event from its
finding, an instrument from the shipped list, and tags added to many records at once."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db import models
from taggit.models import Tag, TaggedItem

from advocacy_site.partial_dates import PartialDate
from advocacy_site.records import ReviewStatus, unique_slug
from documents.models import Convention, Event

from .findings import EventFinding
from .reference import instruments
from .resolver import ArchiveResolver


def event_from_finding(finding: EventFinding, resolver: ArchiveResolver) -> Event:
    event = Event(
        name=finding.name[:500],
        slug=unique_slug(Event, finding.name, taken=resolver.slugs(Event)),
        kind=finding.kind,
        city=finding.city[:120],
        country=finding.country,
        review_status=ReviewStatus.PROPOSED,
        description=finding.description,
        latitude=round(finding.latitude, 5) if finding.latitude is not None else None,
        longitude=round(finding.longitude, 5) if finding.longitude is not None else None,
    )
    event.set_partial_date(finding.date)
    return event


def convention_from_reference(identifier: str, taken_slugs: set[str]) -> Convention:
    inst = instruments()[identifier]
    convention = Convention(
        identifier=inst.id,
        slug=unique_slug(Convention, inst.id, taken=taken_slugs),
        short_name=inst.short_name[:200],
        title=inst.title[:500],
        body=inst.body if inst.body in Convention.Body.values else "other",
        kind=inst.kind if inst.kind in Convention.Kind.values else "convention",
        number=inst.number,
        place_adopted=inst.place[:100],
        official_url=inst.url,
        review_status=ReviewStatus.CONFIRMED,  # facts from the shipped reference list, not from a text
    )
    if inst.adopted_on:
        date = PartialDate.parse_iso(inst.adopted_on)
        convention.set_partial_date(PartialDate(date.start, date.end, date.precision))
    elif inst.year_adopted:
        convention.set_partial_date(PartialDate.from_parts(inst.year_adopted))
    return convention


def tags_add(tagged: list[tuple[models.Model, list[str]]], tag_cache: dict[str, Tag]) -> None:
    """Tag many records at once; taggit's `add` costs several queries a call."""
    if not tagged:
        return
    names = {n for _, ns in tagged for n in ns}
    for name in names - tag_cache.keys():
        tag_cache[name], _ = Tag.objects.get_or_create(name=name)
    rows = [
        TaggedItem(
            content_type=ContentType.objects.get_for_model(obj),
            object_id=obj.pk,
            tag=tag_cache[name],
        )
        for obj, ns in tagged
        for name in ns
    ]
    TaggedItem.objects.bulk_create(rows, ignore_conflicts=True)
