"""What every public record of the archive shares: slug, publication, review, search, dates."""

from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import F, Q
from django.utils.text import slugify
from simple_history.manager import HistoryManager
from simple_history.models import HistoricalRecords
from taggit.models import TaggedItem
from unidecode import unidecode

from .partial_dates import DatePrecision, PartialDate, format_iso, format_period


class ArchiveHistoryManager(HistoryManager):
    """simple-history's descriptor calls `from_queryset` on every `.history` access, building a
    new manager class each time (inspect.getmembers over the queryset); an import touches
    history thousands of times, so the class is built once per queryset class."""

    _classes: dict = {}

    @classmethod
    def from_queryset(cls, queryset_class, class_name=None):
        key = (cls, queryset_class, class_name)
        if key not in cls._classes:
            cls._classes[key] = super().from_queryset(queryset_class, class_name)
        return cls._classes[key]


# A history table is read by record (`id`) and by date. The indexes simple-history would copy
# from the record's own table (slugs, names, dates, foreign keys) are never used there, and
# every history row an import writes had to update up to a dozen of them.
HISTORY_UNINDEXED = [
    "acronym",
    "affiliation",
    "content_sha256",
    "convention",
    "country",
    "document",
    "event",
    "kind",
    "name_key",
    "organization",
    "parent",
    "part_of",
    "person",
    "review_status",
    "series",
    "slug",
    "source_document",
    "source_file",
    "start_date",
]


def archive_history(**options) -> HistoricalRecords:
    """Who changed what and when, with revert; the one way records here keep their history."""
    return HistoricalRecords(
        history_manager=ArchiveHistoryManager, no_db_index=HISTORY_UNINDEXED, **options
    )


class ReviewStatus(models.TextChoices):
    PROPOSED = "proposed", "Proposed by the importer"
    CONFIRMED = "confirmed", "Confirmed by a curator"
    REJECTED = "rejected", "Rejected by a curator"


class ReviewedQuerySet(models.QuerySet):
    """Rows a curator reviews (records, roles, mentions, affiliations): the review vocabulary."""

    def visible(self):
        """What a reader may follow: not rejected by a curator."""
        return self.exclude(review_status=ReviewStatus.REJECTED)

    def pending_review(self):
        """What the importer proposed and nobody has decided yet."""
        return self.filter(review_status=ReviewStatus.PROPOSED)


def published_through(relation: str) -> Q:
    """What `published()` lets through, seen across a relation: `published_through("event")`
    keeps rows whose event is published and not rejected."""
    return Q(**{f"{relation}__is_published": True}) & ~Q(
        **{f"{relation}__review_status": ReviewStatus.REJECTED}
    )


class RecordQuerySet(ReviewedQuerySet):
    def published(self):
        """What the public may see: published and not rejected by a curator."""
        return self.filter(is_published=True).visible()

    def for_listing(self):
        """What lists of these records load; kinds with long fields leave them out."""
        return self

    def for_search_index(self) -> list:
        """These records, loaded with what `index_components()` reads (`index_tags`, and what
        `_load_index_extras` adds): a few queries however many records. prefetch_related
        would build a queryset a record, which made indexing an import's records slow.
        The stored vector itself, as long as the text, is left in the database."""
        records = list(self.defer("search_vector"))
        if records:
            by_pk = {record.pk: record for record in records}
            tags = values_by_pk(
                TaggedItem.objects.filter(
                    content_type=ContentType.objects.get_for_model(self.model),
                    object_id__in=list(by_pk),
                )
                .order_by("tag__name")
                .values_list("object_id", "tag__name")
            )
            for record in records:
                record.index_tags = tags.get(record.pk, [])
            self._load_index_extras(by_pk)
        return records

    def _load_index_extras(self, by_pk: dict) -> None:
        """Set what else a record's search entry shows as attributes of its record."""


def values_by_pk(rows) -> dict:
    """`(pk, value)` rows as {pk: [value, ...]}, each value once, in the order given."""
    grouped: dict = {}
    for pk, value in rows:
        grouped.setdefault(pk, {})[value] = None
    return {pk: list(values) for pk, values in grouped.items()}


class SearchVectorIndex(GinIndex):
    """GIN index on a stored search vector: PostgreSQL only (SQLite searches through FTS5).

    Django has no per-backend index, so on other engines this creates nothing.
    """

    def create_sql(self, model, schema_editor, using="", **kwargs):
        if schema_editor.connection.vendor != "postgresql":
            return ""
        return super().create_sql(model, schema_editor, using=using, **kwargs)

    def remove_sql(self, model, schema_editor, **kwargs):
        if schema_editor.connection.vendor != "postgresql":
            return ""
        return super().remove_sql(model, schema_editor, **kwargs)


class RecordBase(models.Model):
    """Slug, publication and review flags, timestamps and the stored search vector."""

    slug = models.SlugField(
        max_length=200, unique=True, help_text="The record's address on the public site."
    )
    is_published = models.BooleanField(
        "published",
        default=True,
        help_text="Untick to hide this record from the public site; curators still see it.",
    )
    review_status = models.CharField(
        max_length=10,
        choices=ReviewStatus.choices,
        default=ReviewStatus.PROPOSED,
        db_index=True,
        help_text="Records the importer made stay 'proposed' until a curator confirms them. "
        "The importer never changes a confirmed record.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    search_vector = SearchVectorField(null=True, editable=False)

    # Who changed what and when, per record; the search vector is derived, so not kept.
    history = archive_history(inherit=True, excluded_fields=["search_vector"])

    objects = RecordQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_public(self) -> bool:
        """What `RecordQuerySet.published()` lets through: published, not rejected."""
        return self.is_published and self.review_status != ReviewStatus.REJECTED

    @property
    def is_confirmed(self) -> bool:
        return self.review_status == ReviewStatus.CONFIRMED


class DatedRecord(models.Model):
    """A date kept twice: as the source wrote it, and as a normalised span at its precision."""

    date_text = models.CharField(
        "date as written",
        max_length=120,
        blank=True,
        help_text="The date exactly as the source gives it, e.g. '1-3 November 2007' or 'c. 2015'.",
    )
    start_date = models.DateField(
        null=True,
        blank=True,
        db_index=True,
        help_text="First day of the period. For 'July 2018' enter 2018-07-01 and month precision.",
    )
    end_date = models.DateField(
        null=True,
        blank=True,
        help_text="Last day of the period. For 'July 2018' enter 2018-07-31.",
    )
    date_precision = models.CharField(
        max_length=5,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
        help_text="How much of the date the source gives: day, month or only the year.",
    )
    date_approximate = models.BooleanField(
        "approximate date", default=False, help_text="Tick when the source says 'c.' or 'about'."
    )

    class Meta:
        abstract = True
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=F("start_date")),
                name="%(app_label)s_%(class)s_end_not_before_start",
                violation_error_message="The end date may not precede the start date.",
            ),
        ]

    @property
    def date_display(self) -> str:
        """The period at its precision, e.g. `1–3 November 2007`, `July 2018`, `2014`."""
        return format_period(
            self.start_date, self.end_date, self.date_precision, self.date_approximate
        )

    @property
    def start_iso(self) -> str | None:
        return format_iso(self.start_date, self.date_precision)

    @property
    def end_iso(self) -> str | None:
        return format_iso(self.end_date, self.date_precision)

    def set_partial_date(self, value: PartialDate | None) -> None:
        if value is None:
            self.date_text, self.start_date, self.end_date = "", None, None
            return
        self.date_text = value.text or value.display()
        self.start_date, self.end_date = value.start, value.end
        self.date_precision = value.precision
        self.date_approximate = value.approximate


SLUG_WORDS_MAX = 80


def unique_slug(model: type[models.Model], text: str, *, taken: set[str] | None = None) -> str:
    """A slug for `text` not yet used by `model`: `migrant-forum-in-asia`, then `...-2`, `...-3`.

    `taken`, when given, is the set of slugs already in use (kept by a bulk writer such as the
    importer); the new slug is added to it and no query is made.
    """
    base = slugify(unidecode(text)) or model._meta.model_name
    if len(base) > SLUG_WORDS_MAX:
        base = base[: SLUG_WORDS_MAX + 1].rsplit("-", 1)[0]
    in_use = (
        taken
        if taken is not None
        else set(
            model._default_manager.filter(slug__startswith=base).values_list("slug", flat=True)
        )
    )
    slug, n = base, 2
    while slug in in_use:
        slug, n = f"{base}-{n}", n + 1
    if taken is not None:
        taken.add(slug)
    return slug
