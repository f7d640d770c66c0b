"""The documents OAI-PMH serves: public source documents only, read a page at a time by
primary key (keyset pagination), never the whole archive at once."""

import datetime as dt
import re

from django.db.models import Min
from django.db.models.functions import ExtractYear, Substr
from django.utils.text import slugify

from ..models import SourceDocument
from .arguments import DateRange, OaiError

SET_KINDS = {"category": "Category", "region": "Region", "year": "Year of publication"}
DESCRIPTION_CHARS = 500
_YEAR = re.compile(r"[1-9]\d{3}")


def public_documents():
    return SourceDocument.objects.published()


def earliest_datestamp() -> dt.datetime | None:
    return public_documents().aggregate(first=Min("updated_at"))["first"]


def set_specs_of(document) -> list[str]:
    """The sets a document belongs to: `category:consultations`, `region:regional`, `year:2007`."""
    specs = [
        f"{kind}:{slugify(value)}"
        for kind, value in (("category", document.category), ("region", document.region))
        if slugify(value)
    ]
    if document.start_date:
        specs.append(f"year:{document.start_date.year}")
    return specs


def all_sets() -> list[tuple[str, str]]:
    """(setSpec, setName) of every set some public document is in: three queries."""
    documents = public_documents().order_by()
    sets = {}
    for kind in ("category", "region"):
        values = documents.exclude(**{kind: ""}).values_list(kind, flat=True).distinct()
        for value in values:
            if slugify(value):
                sets.setdefault(f"{kind}:{slugify(value)}", f"{SET_KINDS[kind]}: {value}")
    years = (
        documents.filter(start_date__isnull=False)
        .annotate(year=ExtractYear("start_date"))
        .values_list("year", flat=True)
        .distinct()
    )
    for year in years:
        sets[f"year:{year}"] = f"{SET_KINDS['year']}: {year}"
    return sorted(sets.items())


def filtered(set_spec: str, dates: DateRange):
    """Public documents in `set_spec` (empty: all) updated within `dates`, by primary key."""
    documents = public_documents().order_by("pk")
    if set_spec:
        documents = _in_set(documents, set_spec)
    if dates.start:
        documents = documents.filter(updated_at__gte=dates.start)
    if dates.stop:
        documents = documents.filter(updated_at__lt=dates.stop)
    return documents


def _in_set(documents, set_spec: str):
    kind, _, value = set_spec.partition(":")
    if kind == "year" and _YEAR.fullmatch(value):
        return documents.filter(start_date__year=int(value))
    if kind in ("category", "region") and value and slugify(value) == value:
        # The stored values are free text; a set is every spelling that slugifies alike.
        spellings = [
            text
            for text in documents.order_by().values_list(kind, flat=True).distinct()
            if slugify(text) == value
        ]
        return documents.filter(**{f"{kind}__in": spellings})
    raise OaiError("noRecordsMatch", f"There is no set {set_spec!r}; ListSets names them.")


def page_after(documents, after_pk: int, size: int, *, with_metadata: bool) -> list:
    """Up to `size` documents after primary key `after_pk`, loaded with what a header (and
    with `with_metadata`, a Dublin Core record) shows: one query, two with tags."""
    fields = ["pk", "slug", "updated_at", "category", "region", "start_date"]
    page = documents.filter(pk__gt=after_pk)
    if with_metadata:
        fields += ["title", "source_url", "date_precision", "end_date", "date_approximate"]
        page = page.annotate(excerpt=Substr("text", 1, DESCRIPTION_CHARS)).prefetch_related("tags")
    return list(page.only(*fields)[:size])


def document_by_slug(slug: str):
    return public_documents().annotate(excerpt=Substr("text", 1, DESCRIPTION_CHARS)).get(slug=slug)
