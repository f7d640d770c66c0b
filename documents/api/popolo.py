"""Popolo (https://www.popoloproject.com/specs/), the open standard for people and
organizations: the whole archive's public organizations, people, memberships (affiliations
with titles and dates) and events streamed as one document at /api/popolo.json, and one
organization or person with its memberships at /api/popolo/organizations/<slug> and
/api/popolo/people/<slug>.

Ids are the records' slugs. A record that absorbed others in a merge keeps their old slugs in
`identifiers` (scheme `archive-merged`), beside its own (scheme `archive`).
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import OuterRef, Subquery
from django.http import StreamingHttpResponse
from django.shortcuts import get_object_or_404
from ninja import Router, Schema

from advocacy_site.countries import country_name
from advocacy_site.partial_dates import format_iso
from advocacy_site.records import published_through
from organizations.models import (
    Affiliation,
    MergeRecord,
    Organization,
    OrganizationAlias,
    Person,
    PersonAlias,
)

from ..models import Event, EventOrganization
from . import schemas
from .actors import MERGE_CHAIN_MAX, former_slugs
from .filters import public_column
from .links import Links
from .paging import refuse_unknown
from .records import SlugPath

router = Router()
CHUNK_ROWS = 2000
ORGANIZER_ROLES = ("organizer", "co-organizer", "host")
ORGANIZATION_FIELDS = ("pk", "slug", "name", "acronym", "kind", "website", "description")
PERSON_FIELDS = ("pk", "slug", "name", "honorific", "description")
MEMBERSHIP_FIELDS = ("pk", "title", "start_date", "end_date", "date_precision")
EVENT_FIELDS = ("slug", "name", "kind", "description", "city", "country")
EVENT_FIELDS += ("start_date", "end_date", "date_precision")
KIND_LABELS = dict(Organization.Kind.choices)


class Identifier(Schema):
    scheme: str
    identifier: str


class OtherName(Schema):
    name: str
    note: str | None = None


class Link(Schema):
    url: str
    note: str | None = None


class Membership(Schema):
    id: str
    person_id: str
    organization_id: str
    role: str | None
    start_date: str | None
    end_date: str | None
    sources: list[Link]


class PopoloRecord(Schema):
    id: str
    name: str
    identifiers: list[Identifier]
    other_names: list[OtherName]
    links: list[Link]
    sources: list[Link]
    memberships: list[Membership]


class PopoloOrganization(PopoloRecord):
    classification: str
    parent_id: str | None
    description: str | None = None


class PopoloPerson(PopoloRecord):
    honorific_prefix: str | None
    summary: str | None


def _identifiers(slug: str, merged: list[str]) -> list[dict]:
    own = [{"scheme": "archive", "identifier": slug}]
    return own + [{"scheme": "archive-merged", "identifier": old} for old in merged]


def organization_popolo(row: dict, names: list[dict], merged: list[str], links) -> dict:
    other = ([{"name": row["acronym"], "note": "acronym"}] if row["acronym"] else []) + names
    return {
        "id": row["slug"],
        "name": row["name"],
        "classification": KIND_LABELS.get(row["kind"], row["kind"]),
        "identifiers": _identifiers(row["slug"], merged),
        "other_names": other,
        "parent_id": row["parent_slug"] or None,
        "description": row["description"] or None,
        "links": [{"url": row["website"], "note": "website"}] if row["website"] else [],
        "sources": [{"url": links.page("organization", row["slug"]), "note": "archive page"}],
    }


def person_popolo(row: dict, names: list[dict], merged: list[str], links) -> dict:
    return {
        "id": row["slug"],
        "name": row["name"],
        "honorific_prefix": row["honorific"] or None,
        "summary": row["description"] or None,
        "identifiers": _identifiers(row["slug"], merged),
        "other_names": names,
        "links": [],
        "sources": [{"url": links.page("person", row["slug"]), "note": "archive page"}],
    }


def membership_popolo(row: dict, links) -> dict:
    source = links.page("document", row["document_slug"]) if row["document_slug"] else None
    return {
        "id": f"affiliation-{row['pk']}",
        "person_id": row["person__slug"],
        "organization_id": row["organization__slug"],
        "role": row["title"] or None,
        "start_date": format_iso(row["start_date"], row["date_precision"]),
        "end_date": format_iso(row["end_date"], row["date_precision"]),
        "sources": [{"url": source, "note": "source document"}] if source else [],
    }


def event_popolo(row: dict, links) -> dict:
    country = country_name(row["country"])
    place = ", ".join(p for p in (row["city"], country if country != row["city"] else "") if p)
    return {
        "id": row["slug"],
        "name": row["name"],
        "classification": row["kind"],
        "description": row["description"] or None,
        "start_date": format_iso(row["start_date"], row["date_precision"]),
        "end_date": format_iso(row["end_date"], row["date_precision"]),
        "location": place or None,
        "organization_id": row["organizer_slug"],
        "parent_id": row["parent_slug"] or None,
        "identifiers": [{"scheme": "archive", "identifier": row["slug"]}],
        "sources": [{"url": links.page("event", row["slug"]), "note": "archive page"}],
    }


def _organizations():
    return (
        Organization.objects.published()
        .order_by("name_key", "pk")
        .values(*ORGANIZATION_FIELDS, parent_slug=public_column("parent", "slug"))
    )


def _people():
    return Person.objects.published().order_by("name", "pk").values(*PERSON_FIELDS)


def _memberships():
    """Affiliations not rejected, between a public person and a public organization."""
    return (
        Affiliation.objects.visible()
        .filter(published_through("person"), published_through("organization"))
        .order_by("person_id", "start_date", "pk")
        .values(
            *MEMBERSHIP_FIELDS,
            "person__slug",
            "organization__slug",
            document_slug=public_column("source_document", "slug"),
        )
    )


def _events():
    organizer = (
        EventOrganization.objects.visible()
        .filter(published_through("organization"), event=OuterRef("pk"), role__in=ORGANIZER_ROLES)
        .order_by("role", "organization__name")
        .values("organization__slug")[:1]
    )
    return (
        Event.objects.published()
        .order_by("start_date", "name", "pk")
        .values(
            *EVENT_FIELDS,
            organizer_slug=Subquery(organizer),
            parent_slug=public_column("part_of", "slug"),
        )
    )


def _other_names(aliases) -> dict[int, list[dict]]:
    """{record pk: [Popolo other_name, ...]} for every alias (one query)."""
    names: dict[int, list[dict]] = {}
    for owner, name, note in aliases:
        names.setdefault(owner, []).append({"name": name, "note": note})
    return names


def _merged_slugs(kind: str) -> dict[int, list[str]]:
    """{survivor pk: old slugs merged into it}, following chains of merges (one query)."""
    merges = MergeRecord.objects.filter(kind=kind, undone_at__isnull=True)
    into = dict(merges.values_list("source_pk", "target_pk"))
    slugs: dict[int, list[str]] = {}
    for source_pk, slug in merges.order_by("source_slug").values_list("source_pk", "source_slug"):
        target = into[source_pk]
        for _ in range(MERGE_CHAIN_MAX):
            if target not in into:
                break
            target = into[target]
        slugs.setdefault(target, []).append(slug)
    return slugs


def _array(rows: Iterator[dict]) -> Iterator[str]:
    separator = "\n"
    for row in rows:
        yield separator + json.dumps(row, cls=DjangoJSONEncoder, ensure_ascii=False)
        separator = ",\n"


def _dump(links) -> Iterator[str]:
    org_names = _other_names(
        OrganizationAlias.objects.order_by("organization_id", "name").values_list(
            "organization_id", "name", "kind"
        )
    )
    person_names = _other_names(
        PersonAlias.objects.order_by("person_id", "name").values_list("person_id", "name", "name")
    )
    org_merges = _merged_slugs(MergeRecord.Kind.ORGANIZATION)
    person_merges = _merged_slugs(MergeRecord.Kind.PERSON)
    yield '{"organizations": ['
    yield from _array(
        organization_popolo(row, org_names.get(row["pk"], []), org_merges.get(row["pk"], []), links)
        for row in _organizations().iterator(chunk_size=CHUNK_ROWS)
    )
    yield '\n], "persons": ['
    yield from _array(
        person_popolo(
            row,
            [{"name": n["name"]} for n in person_names.get(row["pk"], [])],
            person_merges.get(row["pk"], []),
            links,
        )
        for row in _people().iterator(chunk_size=CHUNK_ROWS)
    )
    yield '\n], "memberships": ['
    yield from _array(
        membership_popolo(row, links) for row in _memberships().iterator(chunk_size=CHUNK_ROWS)
    )
    yield '\n], "events": ['
    yield from _array(event_popolo(row, links) for row in _events().iterator(chunk_size=CHUNK_ROWS))
    yield "\n]}\n"


def popolo_dump(request):
    """/api/popolo.json: every public organization, person, membership and event, streamed."""
    response = StreamingHttpResponse(_dump(Links(request)), content_type="application/json")
    response["Content-Disposition"] = 'inline; filename="popolo.json"'
    return response


@router.get(
    "/popolo/organizations/{slug}",
    response={200: PopoloOrganization, 404: schemas.Error, 400: schemas.Error},
    url_name="popolo-organization",
)
def popolo_organization(request, slug: str = SlugPath):
    """One organization in Popolo, with its memberships."""
    refuse_unknown(request)
    row = get_object_or_404(_organizations(), slug=slug)
    links = Links(request)
    aliases = OrganizationAlias.objects.filter(organization=row["pk"]).order_by("name")
    names = _other_names(aliases.values_list("organization_id", "name", "kind"))
    merged = former_slugs(MergeRecord.Kind.ORGANIZATION, row["pk"])
    memberships = _memberships().filter(organization=row["pk"])
    return {
        **organization_popolo(row, names.get(row["pk"], []), merged, links),
        "memberships": [membership_popolo(m, links) for m in memberships],
    }


@router.get(
    "/popolo/people/{slug}",
    response={200: PopoloPerson, 404: schemas.Error, 400: schemas.Error},
    url_name="popolo-person",
)
def popolo_person(request, slug: str = SlugPath):
    """One person in Popolo, with their memberships."""
    refuse_unknown(request)
    row = get_object_or_404(_people(), slug=slug)
    links = Links(request)
    names = PersonAlias.objects.filter(person=row["pk"]).order_by("name")
    merged = former_slugs(MergeRecord.Kind.PERSON, row["pk"])
    memberships = _memberships().filter(person=row["pk"])
    return {
        **person_popolo(
            row, [{"name": n} for n in names.values_list("name", flat=True)], merged, links
        ),
        "memberships": [membership_popolo(m, links) for m in memberships],
    }
