"""The API's provenance and search: mentions (the passage each record came from, with its
review status) and `search()` over every public record kind."""

from __future__ import annotations

import html
from typing import Literal

from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.utils.html import strip_tags
from ninja import Field, Path, Query, Router

from organizations.models import Organization, Person

from ..kinds import KINDS
from ..models import MENTION_TARGETS, Convention, Event, Mention, SourceDocument
from ..search import search
from . import schemas
from .filters import COUNTRY, SLUG, YEAR, FilterError, Filters, public_pk
from .links import Links
from .paging import Paging, paginate, refuse_unknown
from .records import ERRORS

router = Router()
TARGET_MODELS = {
    "organization": Organization,
    "person": Person,
    "event": Event,
    "convention": Convention,
}


class MentionFilters(Filters):
    document: str | None = Field(None, pattern=SLUG, description="In this document.")
    record_type: Literal[MENTION_TARGETS] | None = Field(None, description="Of this kind.")
    review_status: Literal["proposed", "confirmed"] | None = None
    organization: str | None = Field(None, pattern=SLUG, description="Of this organization.")
    person: str | None = Field(None, pattern=SLUG)
    event: str | None = Field(None, pattern=SLUG)
    convention: str | None = Field(None, pattern=SLUG)


def _public_targets() -> Q:
    """Mentions whose record is public: rejected or unpublished records never show."""
    public = Q()
    for field, model in TARGET_MODELS.items():
        public |= Q(**{f"{field}__in": model.objects.published()})
    return public


def mentions_matching(filters: MentionFilters):
    mentions = Mention.objects.public().filter(_public_targets())
    if filters.document:
        document = SourceDocument.objects.published().filter(slug=filters.document)
        if not document.exists():
            raise FilterError(f"document: no public document has the slug '{filters.document}'")
        mentions = mentions.filter(document__in=document)
    if filters.record_type:
        mentions = mentions.filter(**{f"{filters.record_type}__isnull": False})
    if filters.review_status:
        mentions = mentions.filter(review_status=filters.review_status)
    for field, model in TARGET_MODELS.items():
        slug = getattr(filters, field)
        if slug:
            mentions = mentions.filter(**{field: public_pk(model, slug, field)})
    related = ["document", *MENTION_TARGETS]
    light = [f"{name}__{field}" for name in related for field in ("text", "description")]
    light = [f for f in light if _has(f)] + [f"{name}__search_vector" for name in related]
    return mentions.select_related(*related).defer(*light).order_by("document_id", "start", "pk")


def _has(path: str) -> bool:
    relation, field = path.split("__")
    model = Mention._meta.get_field(relation).related_model
    return field in {f.name for f in model._meta.concrete_fields}


def _represent_mentions(mentions, links) -> list[dict]:
    rows = []
    for m in mentions:
        kind = next(field for field in MENTION_TARGETS if getattr(m, f"{field}_id"))
        target = getattr(m, kind)
        rows.append(
            {
                "id": m.pk,
                "url": links.api_call("mention", pk=m.pk),
                "document": links.ref("document", m.document.slug, m.document.title),
                "start": m.start,
                "end": m.end,
                "text": m.text,
                "record_type": kind,
                "record": links.ref(kind, target.slug, str(getattr(target, "name", target))),
                "rule": m.rule,
                "confidence": m.confidence,
                "review_status": m.review_status,
            }
        )
    return rows


@router.get("/mentions", response={200: schemas.MentionPage, **ERRORS}, url_name="mentions")
def mention_list(request, filters: Query[MentionFilters], paging: Query[Paging]):
    """Where each record was found: the exact passage of a public document, the importer's
    rule and confidence, and whether a curator has confirmed it (rejected ones never show)."""
    refuse_unknown(request, MentionFilters, Paging)
    mentions = mentions_matching(filters)
    return paginate(request, mentions, paging, Links(request), _represent_mentions)


@router.get("/mentions/{pk}", response={200: schemas.Mention, **ERRORS}, url_name="mention")
def mention_detail(request, pk: int = Path(..., ge=1, le=2**62)):
    """One mention."""
    refuse_unknown(request)
    mention = get_object_or_404(mentions_matching(MentionFilters()), pk=pk)
    return _represent_mentions([mention], Links(request))[0]


class SearchFilters(Filters):
    q: str = Field("", max_length=300, description='Words, "a phrase", or -excluded words.')
    type: Literal[tuple(KINDS)] | None = Field(None, description="Only records of this kind.")
    year: int | None = Field(None, **YEAR)
    organization: str | None = Field(None, pattern=SLUG)
    country: str | None = Field(None, pattern=COUNTRY)
    convention: str | None = Field(None, pattern=SLUG)
    tag: str | None = Field(None, pattern=SLUG)


def search_matching(filters: SearchFilters):
    """`search()` with these filters; one that names nothing public is refused, not dropped."""
    asked = {k: str(v) for k, v in filters.dict(exclude={"q"}).items() if v is not None}
    results = search(filters.q, filters=asked)
    dropped = sorted(set(asked) - set(results.filters))
    if dropped:
        names = ", ".join(f"{name}={asked[name]}" for name in dropped)
        raise FilterError(f"{names}: names no public record")
    return results


def _represent_hits(hits, links) -> list[dict]:
    return [
        {
            "type": hit.kind,
            "id": hit.object.slug,
            "name": hit_name(hit.kind, hit.object),
            "rank": float(hit.rank),
            "snippet": html.unescape(strip_tags(hit.snippet)),
            "url": links.api(hit.kind, hit.object.slug),
            "html_url": links.page(hit.kind, hit.object.slug),
        }
        for hit in hits
    ]


def hit_name(kind: str, record) -> str:
    return record.title if kind == "document" else str(getattr(record, "name", record))


@router.get("/search", response={200: schemas.SearchPage, **ERRORS}, url_name="search")
def search_list(request, filters: Query[SearchFilters], paging: Query[Paging]):
    """Ranked public records of every kind matching `q`, through the site's one search; the
    best thousand matches are ranked and filtered."""
    refuse_unknown(request, SearchFilters, Paging)
    results = search_matching(filters)
    page = paginate(request, results.hits, paging, Links(request), _represent_hits)
    return {**page, "query": results.query}
