"""The records of the archive: source documents and conventions (events live in `events`)."""

from django.db import models
from django.db.models import Count, F, OuterRef, Prefetch, Subquery
from django.db.models.functions import Lower
from django.urls import reverse
from taggit.managers import TaggableManager

from advocacy_site.records import (
    DatedRecord,
    RecordBase,
    RecordQuerySet,
    SearchVectorIndex,
)
from organizations.models import Organization, Person

from .events import Event
from .links import Mention


class SourceDocumentQuerySet(RecordQuerySet):
    def for_listing(self):
        """Documents for lists: everything but the full text."""
        return self.defer("text", "search_vector")

    def with_passages_about(self, event):
        """These documents for a list, each with `passages`: its public mentions of `event`."""
        passages = Mention.objects.about_event(event)
        return self.for_listing().prefetch_related(
            Prefetch("mentions", queryset=passages, to_attr="passages")
        )

    def _load_index_extras(self, by_pk: dict) -> None:
        """`index_names`: the public organizations, people and instruments each mentions."""
        rows = list(
            Mention.objects.visible()
            .filter(document__in=list(by_pk), event=None)
            .order_by()
            .values_list("document_id", "organization_id", "person_id", "convention_id")
            .distinct()
        )
        targets = {}
        for n, (model, fields) in enumerate(
            [
                (Organization, ("name", "acronym")),
                (Person, ("name",)),
                (Convention, ("identifier", "short_name")),
            ],
            start=1,
        ):
            ids = {row[n] for row in rows if row[n] is not None}
            targets[n] = model.objects.published().only(*fields).in_bulk(ids) if ids else {}
        names: dict[int, set[str]] = {pk: set() for pk in by_pk}
        for row in rows:
            for n in (1, 2, 3):
                target = targets[n].get(row[n])
                if target is not None:
                    names[row[0]].add(str(target))
        for pk, record in by_pk.items():
            record.index_names = sorted(names[pk])


class SourceDocument(RecordBase, DatedRecord):
    """A source text, kept whole; its date fields hold the publication date."""

    title = models.CharField(max_length=500)
    text = models.TextField(help_text="The full text as imported, boilerplate removed.")
    category = models.CharField(
        max_length=100, blank=True, help_text="As the source gives it, e.g. 'Consultations'."
    )
    region = models.CharField(
        max_length=100, blank=True, help_text="As the source gives it, e.g. 'Regional'."
    )
    source_file = models.CharField(
        max_length=300,
        blank=True,
        db_index=True,
        help_text="The file name the text was imported from.",
    )
    source_url = models.URLField(max_length=1000, blank=True)
    content_sha256 = models.CharField(
        "SHA-256 of the content",
        max_length=64,
        unique=True,
        help_text="Fingerprint of the imported file: importing it again changes nothing.",
    )
    tags = TaggableManager(blank=True)

    objects = SourceDocumentQuerySet.as_manager()
    headline_fields = ("text",)  # what a search snippet is cut from (PostgreSQL)

    class Meta(DatedRecord.Meta):
        ordering = ["-start_date", "title"]
        verbose_name = "source document"
        indexes = [SearchVectorIndex(fields=["search_vector"], name="document_search_gin")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("documents:document-detail", kwargs={"slug": self.slug})

    def index_components(self) -> dict[str, str]:
        """What search weighs: A the title, B tags and the names it mentions, C the text.
        Needs a record from `for_search_index()`."""
        return {
            "A": self.title,
            "B": " ".join([self.category, self.region, *self.index_tags, *self.index_names]),
            "C": self.text,
        }


class _CountOf(Subquery):
    """How many rows a subquery gives (an annotation, so lists count in one query)."""

    template = "(SELECT COUNT(*) FROM (%(subquery)s) counted)"
    output_field = models.IntegerField()


class ConventionQuerySet(RecordQuerySet):
    @staticmethod
    def count_expressions() -> dict:
        """What an instrument's stored `event_count` and `document_count` hold (published
        events that discuss it, see `EventQuerySet.discussing`, and published documents that
        mention it), as expressions over `OuterRef("pk")`."""
        events = Event.objects.published().discussing(OuterRef("pk")).values("pk")
        documents = (
            Mention.objects.public().filter(convention=OuterRef("pk")).values("document").distinct()
        )
        return {"event_count": _CountOf(events), "document_count": _CountOf(documents)}

    def most_linked_to(self, events):
        """Instruments linked to any of `events`, most of them first (`shared`)."""
        return (
            self.filter(events__in=events)
            .annotate(shared=Count("events", distinct=True))
            .order_by("-shared", "identifier")
        )


class Convention(RecordBase, DatedRecord):
    """An international instrument: ILO convention, protocol or recommendation, UN or ASEAN text."""

    class Body(models.TextChoices):
        ILO = "ILO", "International Labour Organization"
        UN = "UN", "United Nations"
        ASEAN = "ASEAN", "ASEAN"
        OTHER = "other", "Other"

    class Kind(models.TextChoices):
        CONVENTION = "convention", "Convention"
        PROTOCOL = "protocol", "Protocol"
        RECOMMENDATION = "recommendation", "Recommendation"
        DECLARATION = "declaration", "Declaration"
        FRAMEWORK = "framework", "Framework"
        CONSENSUS = "consensus", "Consensus"
        COMPACT = "compact", "Compact"
        RESOLUTION = "resolution", "Resolution"

    identifier = models.CharField(
        max_length=60, help_text="Stable identifier, e.g. ILO-C189, ILO-P029, UN-ICRMW."
    )
    short_name = models.CharField(max_length=200, help_text="E.g. 'Domestic Workers Convention'.")
    title = models.CharField(max_length=500, help_text="The full official title.")
    body = models.CharField(max_length=10, choices=Body.choices, default=Body.ILO)
    kind = models.CharField(max_length=15, choices=Kind.choices, default=Kind.CONVENTION)
    number = models.PositiveIntegerField(
        null=True, blank=True, help_text="The ILO number, e.g. 189; empty for named instruments."
    )
    place_adopted = models.CharField(max_length=100, blank=True)
    official_url = models.URLField(max_length=500, blank=True)
    description = models.TextField(blank=True)
    event_count = models.PositiveIntegerField(
        default=0,
        editable=False,
        help_text="Published events that discuss it (kept by the archive).",
    )
    document_count = models.PositiveIntegerField(
        default=0,
        editable=False,
        help_text="Published documents that mention it (kept by the archive).",
    )
    tags = TaggableManager(blank=True)

    objects = ConventionQuerySet.as_manager()
    headline_fields = ("identifier", "short_name", "title", "description")

    class Meta(DatedRecord.Meta):
        ordering = ["body", "kind", "number", "identifier"]
        constraints = [
            *DatedRecord.Meta.constraints,
            models.UniqueConstraint(
                Lower("identifier"),
                name="convention_unique_identifier",
                violation_error_message="An instrument with this identifier already exists.",
            ),
        ]
        indexes = [
            SearchVectorIndex(fields=["search_vector"], name="convention_search_gin"),
            models.Index(F("event_count").desc(), "identifier", name="convention_busiest_idx"),
        ]

    def __str__(self):
        return f"{self.identifier}: {self.short_name}"

    def get_absolute_url(self):
        return reverse("documents:convention-detail", kwargs={"slug": self.slug})

    def index_components(self) -> dict[str, str]:
        """What search weighs: A identifier and titles, B body, kind and tags, C description."""
        return {
            "A": f"{self.identifier} {self.short_name} {self.title}",
            "B": " ".join([self.get_body_display(), self.get_kind_display(), *self.index_tags]),
            "C": self.description,
        }
