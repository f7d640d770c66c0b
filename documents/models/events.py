"""Gatherings: events and the recurring series some of them are editions of."""

from django.db import models
from django.db.models import Count, Max, Min, OuterRef, Q
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

        # Two sets of event keys, not a check per event: per instrument, its mentions are
        # read once through their index, whatever the number of events.
        def outer(levels: int):  # an OuterRef reaches out through each subquery it sits in
            ref = convention
            for _ in range(levels if isinstance(convention, OuterRef) else 0):
                ref = OuterRef(ref)
            return ref

        linked = Event.conventions.through.objects.filter(convention=outer(1)).values("event")
        documents = Mention.objects.public().filter(convention=outer(2)).values("document")
        described = Event.documents.through.objects.filter(sourcedocument__in=documents).values(
            "event"
        )
        return self.filter(Q(pk__in=linked) | Q(pk__in=described))

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
    conventions = models.ManyToManyField("Convention", related_name="events", blank=True)
    documents = models.ManyToManyField(
        "SourceDocument",
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
