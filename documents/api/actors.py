"""The API's actors: organizations and people, lists and details. A record that absorbed
others in a merge lists their old slugs (`former_slugs`), and an old slug redirects."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from ninja import Query, Router

from organizations.activity import person_affiliations
from organizations.models import MergeRecord, Organization
from organizations.services import redirect_for_slug

from . import representations as represent
from . import schemas
from .filters import (
    OrganizationFilters,
    PersonFilters,
    organizations_matching,
    people_matching,
)
from .links import Links
from .paging import Paging, paginate, refuse_unknown
from .records import ERRORS, SlugPath

router = Router()
MERGE_CHAIN_MAX = 10  # A merged into B, then B into C: C keeps both old slugs
AFFILIATIONS_SHOWN = 200  # all of them: the people call filtered by organization


def former_slugs(kind: str, pk: int) -> list[str]:
    """Slugs of the records merged (and not unmerged) into record `pk`, through merge chains:
    one query a link of the chain, so usually one."""
    merges = MergeRecord.objects.filter(kind=kind, undone_at__isnull=True)
    found, targets = set(), [pk]
    for _ in range(MERGE_CHAIN_MAX):
        rows = list(merges.filter(target_pk__in=targets).values_list("source_pk", "source_slug"))
        if not rows:
            break
        found.update(slug for _pk, slug in rows)
        targets = [source_pk for source_pk, _slug in rows]
    return sorted(found)


def _get_or_follow_merge(records, model, slug: str):
    """The public record with `slug`; for a merged-away slug, a permanent redirect to the
    survivor's address in the API."""
    try:
        return get_object_or_404(records, slug=slug)
    except Http404:
        survivor = redirect_for_slug(model, slug)
        if survivor is None or not survivor.is_public:
            raise
        kind = "organization" if model is Organization else "person"
        return redirect(Links.api_path(kind, survivor.slug), permanent=True)


@router.get(
    "/organizations", response={200: schemas.OrganizationPage, **ERRORS}, url_name="organizations"
)
def organization_list(request, filters: Query[OrganizationFilters], paging: Query[Paging]):
    """Public organizations by name, with their numbers of events and mentioning documents."""
    refuse_unknown(request, OrganizationFilters, Paging)
    records = represent.for_api_list(organizations_matching(filters))
    return paginate(request, records, paging, Links(request), represent.organizations)


@router.get(
    "/organizations/{slug}",
    response={200: schemas.OrganizationDetail, 301: None, **ERRORS},
    url_name="organization",
)
def organization_detail(request, slug: str = SlugPath):
    """An organization with its other names, old slugs, member bodies and affiliations."""
    refuse_unknown(request)
    records = represent.for_api_list(organizations_matching(OrganizationFilters()))
    found = _get_or_follow_merge(records.defer(None).defer("search_vector"), Organization, slug)
    if not isinstance(found, Organization):
        return found
    links = Links(request)
    affiliations = (
        found.affiliations.visible()
        .filter(person__is_published=True)
        .exclude(person__review_status="rejected")
        .select_related("person", "organization")
        .defer("person__description", "organization__description")
        .defer("person__search_vector", "organization__search_vector")
    )
    return {
        **represent.organizations([found], links)[0],
        "description": found.description,
        "aliases": list(found.aliases.values_list("name", flat=True)),
        "former_slugs": former_slugs(MergeRecord.Kind.ORGANIZATION, found.pk),
        "children": represent.refs(
            links, "organization", found.children.published().only("slug", "name")
        ),
        "affiliations": represent.affiliations(affiliations[:AFFILIATIONS_SHOWN], links),
    }


@router.get("/people", response={200: schemas.PersonPage, **ERRORS}, url_name="people")
def person_list(request, filters: Query[PersonFilters], paging: Query[Paging]):
    """Public people by name, with their numbers of events."""
    refuse_unknown(request, PersonFilters, Paging)
    records = represent.for_api_list(people_matching(filters))
    return paginate(request, records, paging, Links(request), represent.people)


@router.get(
    "/people/{slug}",
    response={200: schemas.PersonDetail, 301: None, **ERRORS},
    url_name="person",
)
def person_detail(request, slug: str = SlugPath):
    """A person with other names, old slugs and affiliations (titles with dates)."""
    refuse_unknown(request)
    records = represent.for_api_list(people_matching(PersonFilters()))
    found = _get_or_follow_merge(records.defer(None).defer("search_vector"), records.model, slug)
    if not isinstance(found, records.model):
        return found
    links = Links(request)
    affiliations = person_affiliations(found).select_related("person")
    return {
        **represent.people([found], links)[0],
        "description": found.description,
        "aliases": list(found.aliases.values_list("name", flat=True)),
        "former_slugs": former_slugs(MergeRecord.Kind.PERSON, found.pk),
        "affiliations": represent.affiliations(affiliations, links),
        "events_url": links.api_call("events", {"person": found.slug}),
    }
