"""A search and its results: `search(query, filters=...)` over every public record kind.

Both engines give one result shape, `SearchResults`: ranked `(kind, pk, rank)` matches, facet
counts, and a lazily loaded hit list (records plus XSS-safe highlighted snippets) to paginate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from taggit.models import Tag

from advocacy_site.countries import country_name
from organizations.models import Organization

from ..facets import FACET_LABELS, NO_IDS, facet_counts, match_attributes
from ..kinds import KINDS, RECORD_KINDS, kind_of
from ..models import Convention, EventOrganization
from .index import engine
from .ranking import MAX_MATCHES, START_SEL, STOP_SEL

ORGANIZER_ROLES = ("organizer", "co-organizer", "host")
MAX_QUERY_CHARS = 300


def clean_query(query: str | None) -> str:
    """The user's text, made safe for any engine: no control characters, bounded length."""
    text = " ".join(re.sub(r"[\x00-\x1f\x7f\ue000\ue001]", " ", query or "").split())
    if len(text) > MAX_QUERY_CHARS:
        cut = text[: MAX_QUERY_CHARS + 1]  # a space just past the limit ends a whole word
        text = cut.rsplit(" ", 1)[0] if " " in cut else cut[:MAX_QUERY_CHARS]
    return text.strip()


def highlight(snippet: str) -> SafeString:
    """Escape a snippet, then turn the sentinel markers into <mark>: document text stays text."""
    escaped = escape(snippet.replace("\n", " "))
    return mark_safe(escaped.replace(START_SEL, "<mark>").replace(STOP_SEL, "</mark>"))


# --- Results ---------------------------------------------------------------------------------


@dataclass
class Hit:
    kind: str
    object: object
    rank: float
    snippet: SafeString

    @property
    def kind_label(self) -> str:
        return KINDS[self.kind].singular


class HitList:
    """The ranked matches, sliced by the Paginator; only the shown page is loaded."""

    def __init__(self, matches: list[tuple[str, int, float]], terms: str):
        self.matches, self.terms = matches, terms

    def __len__(self):
        return len(self.matches)

    def count(self):
        return len(self.matches)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return _load_hits(self.matches[index], self.terms)
        return _load_hits([self.matches[index]], self.terms)[0]


@dataclass
class SearchResults:
    query: str
    hits: HitList
    facets: list[dict]
    total: int
    filters: dict[str, str]
    capped: bool = False  # more records may match than the best `bound` kept and counted
    bound: int = 0


# --- Entry point -----------------------------------------------------------------------------


def search(query: str | None, *, filters: dict[str, str] | None = None) -> SearchResults:
    """Ranked public records matching `query`, narrowed by facet `filters`, with facet counts."""
    terms = clean_query(query)
    filters = valid_filters(filters or {})
    matches = engine().matches(terms) if terms else []
    capped = len(matches) >= MAX_MATCHES
    attributes, labels = match_attributes(matches)
    matches = [m for m in matches if (m[0], m[1]) in attributes]  # drops unpublished stragglers
    kept = [m for m in matches if _passes(attributes[(m[0], m[1])], filters)]
    facets = facet_counts([attributes[(m[0], m[1])] for m in matches], labels, filters)
    return SearchResults(
        terms, HitList(kept, terms), facets, len(kept), filters, capped, MAX_MATCHES
    )


def valid_filters(filters: dict) -> dict[str, str]:
    """The facet filters that name something that exists; a mistyped one is ignored, not fatal."""
    kept = {k: str(v).strip() for k, v in filters.items() if v and k in FACET_LABELS}
    slugs = {
        "organization": Organization.objects.published(),
        "convention": Convention.objects.published(),
        "tag": Tag.objects.all(),
    }
    valid = {
        "type": lambda v: v in KINDS,
        "year": lambda v: re.fullmatch(r"[12]\d{3}", v) is not None,
        "country": lambda v: re.fullmatch(r"[A-Z]{2}", v) is not None and country_name(v) != v,
        **{
            k: (lambda v, qs=qs: re.fullmatch(r"[-\w]+", v) and qs.filter(slug=v).exists())
            for k, qs in slugs.items()
        },
    }
    return {k: v for k, v in kept.items() if len(v) <= 200 and valid[k](v)}


def matching_ids(query: str | None, model) -> list[int]:
    """Ids of public `model` records the search index matches to `query`, best first: what
    `search()` ranks, without facets or loading records (tests read the index with it)."""
    kind = kind_of(model).code
    terms = clean_query(query)
    return [pk for k, pk, _rank in (engine().matches(terms) if terms else []) if k == kind]


def _passes(attrs: dict[str, set[str]], filters: dict[str, str]) -> bool:
    return all(value in attrs.get(name, ()) for name, value in filters.items())


def _load_hits(matches, terms: str) -> list[Hit]:
    """The records and snippets of one page of matches, for every kind whether or not the
    page holds it (one statement a kind on PostgreSQL, two on SQLite), so every page of
    every search costs the same queries."""
    if not matches:
        return []
    by_kind: dict[str, list[int]] = {kind.code: [] for kind in RECORD_KINDS}
    for kind, pk, _rank in matches:
        by_kind[kind].append(pk)
    objects, snippets = {}, {}
    for kind, pks in by_kind.items():
        queryset = KINDS[kind].model.objects.published().for_listing().filter(pk__in=pks or NO_IDS)
        records, found = engine().with_snippets(queryset, kind, terms)
        objects.update({(kind, obj.pk): obj for obj in records})
        snippets.update({(kind, pk): text for pk, text in found.items()})
    events = [obj for (kind, _pk), obj in objects.items() if kind == "event"]
    for pk, line in _event_lines(events).items():
        if START_SEL not in snippets.get(("event", pk), ""):
            snippets[("event", pk)] = line
    return [
        Hit(kind, objects[(kind, pk)], rank, highlight(snippets.get((kind, pk), "")))
        for kind, pk, rank in matches
        if (kind, pk) in objects
    ]


def _event_lines(events) -> dict[int, str]:
    """`1–3 November 2007 · Consultation · Singapore · ATUC, MFA` for events whose description
    does not hold the match: readable, where the index's run of names is not."""
    organizers: dict[int, list[str]] = {}
    roles = (
        EventOrganization.objects.visible()
        .filter(
            event__in=[event.pk for event in events] or NO_IDS,
            role__in=ORGANIZER_ROLES,
            organization__in=Organization.objects.published(),
        )
        .order_by("organization__name")
        .values_list("event_id", "organization__acronym", "organization__name")
    )
    for event_id, acronym, name in roles:
        names = organizers.setdefault(event_id, [])
        if (acronym or name) not in names:
            names.append(acronym or name)
    lines = {}
    for event in events:
        date = event.date_display if event.start_date else ""
        organized = ", ".join(organizers.get(event.pk, []))
        parts = (date, event.get_kind_display(), event.place_display, organized)
        lines[event.pk] = " · ".join(p for p in parts if p)
    return lines
