"""The records of the archive: source documents, conventions and events."""

from django.db import models
from django.db.models import Count, Exists, F, Max, Min, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import ExtractYear, Lower
from django.urls import reverse
from taggit.managers import TaggableManager

from advocacy_site.countries import country_name
from advocacy_site.records import (
    DatedRecord,
    RecordBase,
    RecordQuerySet,
    ReviewStatus,
    SearchVectorIndex,
    values_by_pk,
)
from organizations.models import Organization, Person

from .links import EventOrganization, Mention


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


class EventSeriesQuerySet(RecordQuerySet):
    def for_listing(self):
        """Series for lists and search results, by name."""
        return self.order_by("name")

    def with_counts(self):
        """Each series with `edition_count`, its published editions, and the years of the
        first and the latest (`first_year`, `last_year`)."""
        public = Q(editions__is_published=True) & ~Q(editions__review_status=ReviewStatus.REJECTED)
        return self.annotate(
            edition_count=Count("editions", filter=public, distinct=True),
            first_year=ExtractYear(Min("editions__start_date", filter=public)),
            last_year=ExtractYear(Max("editions__start_date", filter=public)),
        )


class EventSeries(RecordBase):
    """A recurring gathering with numbered editions: the ASEAN Forum on Migrant Labour, the
    ministerial consultations of a regional process. Each edition is an Event."""

    name = models.CharField(
        max_length=300,
        help_text="The name without an edition number, e.g. 'ASEAN Forum on Migrant Labour'.",
    )
    acronym = models.CharField(max_length=40, blank=True, help_text="E.g. AFML.")
    description = models.TextField(blank=True)

    objects = EventSeriesQuerySet.as_manager()
    headline_fields = ("name", "description")  # what a search snippet is cut from (PostgreSQL)

    class Meta:
        ordering = ["name"]
        verbose_name = "event series"
        verbose_name_plural = "event series"
        constraints = [
            models.UniqueConstraint(
                Lower("name"),
                name="event_series_unique_name",
                violation_error_message="An event series with this name already exists.",
            ),
        ]
        indexes = [SearchVectorIndex(fields=["search_vector"], name="event_series_search_gin")]

    def __str__(self):
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    def get_absolute_url(self):
        return reverse("documents:series-detail", kwargs={"slug": self.slug})

    def index_components(self) -> dict[str, str]:
        """What search would weigh: A name and acronym, C the description."""
        return {"A": f"{self.name} {self.acronym}", "B": "", "C": self.description}


def ordinal(n: int) -> str:
    """`1st`, `2nd`, `3rd`, `11th`, `22nd`."""
    suffix = "th" if n % 100 in (11, 12, 13) else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


class EventQuerySet(RecordQuerySet):
    def for_listing(self):
        """Events for lists and timelines, in date order."""
        return self.defer("search_vector").order_by("start_date", "name")

    def in_year(self, year: int):
        return self.filter(start_date__year=year)

    def discussing(self, convention):
        """Events linked to `convention` (an instance, pk or OuterRef), or described by a
        published document that mentions it."""
        inner = OuterRef(convention) if isinstance(convention, OuterRef) else convention
        mentioned = Mention.objects.public().filter(
            convention=inner, document__events=OuterRef("pk")
        )
        linked = Event.conventions.through.objects.filter(convention=inner, event=OuterRef("pk"))
        return self.filter(Exists(linked) | Exists(mentioned))

    def with_organization(self, organizations):
        """Events where any of `organizations` holds a role a curator has not rejected."""
        roles = EventOrganization.objects.visible().filter(organization__in=organizations)
        return self.filter(pk__in=roles.values("event"))

    def sharing_organizations(self, organization_ids, *, event):
        """Other events where any of these organizations holds a visible role, for a list,
        most of them first (`shared`), then the oldest."""
        roles = EventOrganization.objects.visible().filter(organization__in=organization_ids)
        return (
            self.for_listing()
            .filter(organization_roles__in=roles)
            .exclude(pk=event.pk)
            .annotate(shared=Count("organization_roles__organization", distinct=True))
            .order_by("-shared", "start_date")
        )

    def neighbours(self, event) -> tuple:
        """The events just before and just after a dated `event`, by date then name; two
        queries (none for an undated event)."""
        if not event.start_date:
            return None, None
        in_order = self.for_listing().order_by("start_date", "name", "pk")
        same_day = Q(start_date=event.start_date)
        before = Q(start_date__lt=event.start_date) | same_day & Q(name__lt=event.name)
        after = Q(start_date__gt=event.start_date) | same_day & Q(name__gt=event.name)
        return in_order.filter(before).last(), in_order.filter(after).first()

    def year_counts(self):
        """Rows of {year, n}: how many events began in each year, oldest first."""
        return (
            self.filter(start_date__isnull=False)
            .annotate(year=ExtractYear("start_date"))
            .values("year")
            .annotate(n=Count("pk", distinct=True))
            .order_by("year")
        )

    def _load_index_extras(self, by_pk: dict) -> None:
        """`index_organizations`: the public organizations holding a role not rejected;
        `index_series`: the name and acronym of its series, if public."""
        roles = (
            EventOrganization.objects.filter(
                event__in=list(by_pk),
                review_status__in=[ReviewStatus.PROPOSED, ReviewStatus.CONFIRMED],
                organization__in=Organization.objects.published(),
            )
            .order_by("organization__name")
            .values_list("event_id", "organization__name", "organization__acronym")
        )
        names = values_by_pk((pk, f"{name} {acronym}") for pk, name, acronym in roles)
        series = {
            pk: f"{name} {acronym}"
            for pk, name, acronym in Event.objects.filter(
                pk__in=list(by_pk), series__in=EventSeries.objects.published()
            )
            .order_by()
            .values_list("pk", "series__name", "series__acronym")
        }
        for pk, record in by_pk.items():
            record.index_organizations = names.get(pk, [])
            record.index_series = series.get(pk, "")


class Event(RecordBase, DatedRecord):
    """A consultation, workshop, training, founding meeting, signing... with dates and place."""

    class Kind(models.TextChoices):
        CONFERENCE = "conference", "Conference"
        CONSULTATION = "consultation", "Consultation"
        WORKSHOP = "workshop", "Workshop"
        TRAINING = "training", "Training"
        MEETING = "meeting", "Meeting"
        FORUM = "forum", "Forum"
        SEMINAR = "seminar", "Seminar"
        FOUNDING = "founding", "Founding"
        AGREEMENT = "agreement", "Agreement or signing"
        VISIT = "visit", "Visit"
        CAMPAIGN = "campaign", "Campaign"
        LAUNCH = "launch", "Launch (of a report, study or campaign)"
        ADOPTION = "adoption", "Adoption (of an instrument)"
        OTHER = "other", "Other"

    name = models.CharField(max_length=500)
    kind = models.CharField(max_length=15, choices=Kind.choices, default=Kind.OTHER, db_index=True)
    city = models.CharField(max_length=120, blank=True)
    country = models.CharField(
        max_length=2, blank=True, db_index=True, help_text="ISO 3166-1 alpha-2 code, e.g. KH."
    )
    latitude = models.DecimalField(max_digits=8, decimal_places=5, null=True, blank=True)
    longitude = models.DecimalField(max_digits=8, decimal_places=5, null=True, blank=True)
    description = models.TextField(blank=True)
    part_of = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="sub_events",
        help_text="A larger event this one took place within.",
    )
    series = models.ForeignKey(
        EventSeries,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="editions",
        help_text="The recurring gathering this event is an edition of.",
    )
    edition = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text="Its number in the series: 10 for the 10th ASEAN Forum on Migrant Labour.",
    )
    organizations = models.ManyToManyField(
        Organization, through="EventOrganization", related_name="events", blank=True
    )
    people = models.ManyToManyField(
        Person, through="EventParticipant", related_name="events", blank=True
    )
    conventions = models.ManyToManyField(Convention, related_name="events", blank=True)
    documents = models.ManyToManyField(
        SourceDocument,
        related_name="events",
        blank=True,
        help_text="The source documents that describe this event.",
    )
    tags = TaggableManager(blank=True)

    objects = EventQuerySet.as_manager()
    # A match in the name or place shows a readable line instead (see search.results).
    headline_fields = ("description",)

    class Meta(DatedRecord.Meta):
        ordering = ["start_date", "name"]
        constraints = [
            *DatedRecord.Meta.constraints,
            models.CheckConstraint(
                condition=Q(edition__isnull=True) | Q(series__isnull=False, edition__gte=1),
                name="event_edition_in_a_series",
                violation_error_message="An edition number needs a series and starts at 1.",
            ),
        ]
        indexes = [
            SearchVectorIndex(fields=["search_vector"], name="event_search_gin"),
            models.Index(fields=["start_date", "kind"], name="event_start_kind_idx"),
        ]

    def __str__(self):
        return f"{self.name} ({self.date_display})" if self.start_date else self.name

    def get_absolute_url(self):
        return reverse("documents:event-detail", kwargs={"slug": self.slug})

    @property
    def edition_ordinal(self) -> str:
        """`10th`; empty when the number is not known."""
        return ordinal(self.edition) if self.edition else ""

    @property
    def country_display(self) -> str:
        return country_name(self.country)

    @property
    def edition_display(self) -> str:
        """`10th edition of the ASEAN Forum on Migrant Labour`; needs `series` loaded."""
        if self.series_id is None:
            return ""
        prefix = f"{self.edition_ordinal} edition" if self.edition else "An edition"
        name = self.series.name
        return (
            f"{prefix} of {name}" if name.lower().startswith("the ") else f"{prefix} of the {name}"
        )

    @property
    def place_display(self) -> str:
        """`Kathmandu, Nepal`; a city-state once: `Singapore`."""
        country = country_name(self.country)
        return ", ".join(p for p in (self.city, country if country != self.city else "") if p)

    def index_components(self) -> dict[str, str]:
        """What search weighs: A the name, B its series, organizations, place and tags, C the
        description. Needs a record from `for_search_index()`."""
        return {
            "A": self.name,
            "B": " ".join(
                [
                    self.index_series,
                    self.place_display,
                    self.get_kind_display(),
                    *self.index_organizations,
                    *self.index_tags,
                ]
            ),
            "C": self.description,
        }
