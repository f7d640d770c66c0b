"""Every public list and search result as a CSV or JSON download, with the list's filters.

Rows stream out as they are read: `values()` rows over `.iterator(chunk_size=...)`, one query
(plus the few that check the filters), so 100,000 rows never sit in memory together. The
filters are the API's (`documents.api.filters`); a filter that is garbage or names nothing
public answers 400 saying why.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponseBadRequest, StreamingHttpResponse
from pydantic import ValidationError

from .api import filters as api_filters
from .api.filters import public_column
from .api.links import Links
from .api.mentions import SearchFilters, hit_name, search_matching
from .kinds import KINDS

CHUNK_ROWS = 2000


@dataclass(frozen=True)
class Export:
    kind: str  # the record kind whose pages the `url` column points at
    filters: type
    records: Callable
    columns: tuple[str, ...]
    more_columns: tuple[str, ...] = ()
    related: dict = field(default_factory=dict)  # column -> expression


DATES = ("start_date", "end_date", "date_precision", "date_text")
EXPORTS = {
    "documents": Export(
        "document",
        api_filters.DocumentFilters,
        api_filters.documents_matching,
        ("slug", "title", *DATES, "category", "region", "source_url"),
    ),
    "events": Export(
        "event",
        api_filters.EventFilters,
        api_filters.events_matching,
        ("slug", "name", "kind", *DATES, "city", "country", "latitude", "longitude", "edition"),
        (),
        {
            "series_slug": public_column("series", "slug"),
            "part_of_slug": public_column("part_of", "slug"),
        },
    ),
    "series": Export(
        "series",
        api_filters.SeriesFilters,
        api_filters.series_matching,
        ("slug", "name", "acronym", "edition_count", "first_year", "last_year"),
    ),
    "organizations": Export(
        "organization",
        api_filters.OrganizationFilters,
        api_filters.organizations_matching,
        ("slug", "name", "acronym", "kind", "country", "region", "website"),
        ("event_count", "document_count"),
        {"parent_slug": public_column("parent", "slug")},
    ),
    "people": Export(
        "person",
        api_filters.PersonFilters,
        api_filters.people_matching,
        ("slug", "name", "honorific", "event_count"),
    ),
    "conventions": Export(
        "convention",
        api_filters.ConventionFilters,
        api_filters.conventions_matching,
        ("slug", "identifier", "short_name", "title", "body", "kind", "number", *DATES),
        ("place_adopted", "official_url", "event_count", "document_count"),
    ),
}
SEARCH_COLUMNS = ("type", "slug", "name", "rank", "url")


def _rows(export: Export, filters, links: Links) -> tuple[list[str], Iterator[dict]]:
    """The export's column names, and its rows as they are read from the database."""
    columns = [*export.columns, *export.more_columns]
    names = [*columns, *export.related, "url"]
    records = export.records(filters).values(*columns, **export.related)

    def rows():
        for row in records.iterator(chunk_size=CHUNK_ROWS):
            row["url"] = links.page(export.kind, row["slug"])
            yield row

    return names, rows()


def _search_rows(filters: SearchFilters, links: Links) -> tuple[list[str], Iterator[dict]]:
    """Search results in rank order: at most the thousand best, one query a kind to name them."""
    matches = search_matching(filters).hits.matches
    by_kind: dict[str, list[int]] = {}
    for kind, pk, _rank in matches:
        by_kind.setdefault(kind, []).append(pk)
    named = {}
    for kind, pks in by_kind.items():
        for record in KINDS[kind].model.objects.published().filter(pk__in=pks).for_listing():
            named[(kind, record.pk)] = (record.slug, hit_name(kind, record))

    def rows():
        for kind, pk, rank in matches:
            if (kind, pk) in named:
                slug, name = named[(kind, pk)]
                url = links.page(kind, slug)
                yield {"type": kind, "slug": slug, "name": name, "rank": rank, "url": url}

    return list(SEARCH_COLUMNS), rows()


class _Line:
    """What csv.writer writes to: each row handed back as a string, nothing kept."""

    def write(self, value: str) -> str:
        return value


def _csv(names: list[str], rows: Iterator[dict]) -> Iterator[str]:
    writer = csv.writer(_Line())
    yield writer.writerow(names)
    for row in rows:
        yield writer.writerow(["" if row[n] is None else row[n] for n in names])


def _json(names: list[str], rows: Iterator[dict]) -> Iterator[str]:
    yield "["
    separator = "\n"
    for row in rows:
        values = {
            n: float(row[n]) if n in ("latitude", "longitude") and row[n] else row[n] for n in names
        }
        yield separator + json.dumps(values, cls=DjangoJSONEncoder, ensure_ascii=False)
        separator = ",\n"
    yield "\n]\n"


FORMATS = {"csv": ("text/csv; charset=utf-8", _csv), "json": ("application/json", _json)}
NAVIGATION = {"page", "events_page", "documents_page"}  # a page's place, not a filter


def export(request, name: str, fmt: str):
    """`/export/<name>.<fmt>`: the list `name` with the query's filters, streamed."""
    if name not in EXPORTS and name != "search":
        raise Http404("No such list.")
    schema = SearchFilters if name == "search" else EXPORTS[name].filters
    params = {k: v for k, v in request.GET.dict().items() if k not in NAVIGATION}
    links = Links(request)
    try:
        filters = schema.model_validate(params)
        if name == "search":
            names, rows = _search_rows(filters, links)
        else:
            names, rows = _rows(EXPORTS[name], filters, links)
    except ValidationError as error:
        message = "; ".join(
            f"{'.'.join(map(str, e['loc'])) or 'request'}: {e['msg']}" for e in error.errors()
        )
        return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
    except api_filters.FilterError as error:
        return HttpResponseBadRequest(str(error), content_type="text/plain; charset=utf-8")
    content_type, write = FORMATS[fmt]
    response = StreamingHttpResponse(write(names, rows), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


def export_csv(request, name: str):
    return export(request, name, "csv")


def export_json(request, name: str):
    return export(request, name, "json")
