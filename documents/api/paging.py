"""Page numbers for the API's lists, and the check that a call names only what it takes."""

from __future__ import annotations

from django.http import QueryDict
from ninja import Schema
from pydantic import Field

from .filters import FilterError

MAX_PAGE_SIZE = 100


class Paging(Schema):
    page: int = Field(1, ge=1, le=1_000_000, description="Page number, from 1.")
    page_size: int = Field(
        20, ge=1, le=MAX_PAGE_SIZE, description=f"Records a page, at most {MAX_PAGE_SIZE}."
    )


def refuse_unknown(request, *schemas) -> None:
    """A query parameter that no schema of the call declares is an error, not ignored."""
    known = {name for schema in schemas for name in schema.model_fields}
    unknown = sorted(set(request.GET) - known)
    if unknown:
        raise FilterError(
            f"unknown parameter {', '.join(unknown)}; this call takes: "
            f"{', '.join(sorted(known)) or 'no parameters'}"
        )


def _page_address(request, links, number: int) -> str:
    params: QueryDict = request.GET.copy()
    params["page"] = str(number)
    return links.absolute(f"{request.path}?{params.urlencode()}")


def paginate(request, records, paging: Paging, links, represent) -> dict:
    """One page of `records` (a queryset or anything with `count()` and slicing), each made
    into a dict by `represent(records_on_page, links)`: two queries plus what `represent`
    makes, however many records there are."""
    count = records.count()
    offset = (paging.page - 1) * paging.page_size
    shown = list(records[offset : offset + paging.page_size]) if offset < count else []
    has_next = offset + paging.page_size < count
    return {
        "count": count,
        "page": paging.page,
        "page_size": paging.page_size,
        "next": _page_address(request, links, paging.page + 1) if has_next else None,
        "previous": _page_address(request, links, paging.page - 1) if paging.page > 1 else None,
        "results": represent(shown, links),
    }
