"""What ties the records together: organizations' and people's roles at events, and mentions,
the passages of a document each record (or fact about it) was found in."""

from django.conf import settings
from django.db import models
from django.db.models import F, Prefetch, Q, Window
from django.db.models.functions import Greatest, RowNumber, Substr

from advocacy_site.records import (
    ReviewedQuerySet,
    ReviewStatus,
    archive_history,
    published_through,
)
from organizations.models import Organization, Person


class EventOrganizationQuerySet(ReviewedQuerySet):
    def public_at(self, event):
        """Visible roles at `event` of public organizations, by role then name."""
        return (
            self.visible()
            .filter(event=event, organization__in=Organization.objects.published())
            .select_related("organization")
            .order_by("role", "organization__name")
        )


class EventParticipantQuerySet(ReviewedQuerySet):
    def public_at(self, event):
        """Visible roles at `event` of public people, by role then name, each with the
        organization represented (None where that one is not public)."""
        return (
            self.visible()
            .filter(published_through("person"), event=event)
            .select_related("person")
            .prefetch_related(Prefetch("affiliation", queryset=Organization.objects.published()))
            .order_by("role", "person__name")
        )


class EventOrganization(models.Model):
    class Role(models.TextChoices):
        ORGANIZER = "organizer", "Organizer"
        CO_ORGANIZER = "co-organizer", "Co-organizer"
        PARTNER = "partner", "Partner"
        FUNDER = "funder", "Funder"
        HOST = "host", "Host"
        PARTICIPANT = "participant", "Participant"
        SIGNATORY = "signatory", "Signatory"
        FOUNDED = "founded", "Body founded"

    event = models.ForeignKey(
        "documents.Event", on_delete=models.CASCADE, related_name="organization_roles"
    )
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="event_roles"
    )
    role = models.CharField(max_length=15, choices=Role.choices, default=Role.PARTICIPANT)
    review_status = models.CharField(
        max_length=10, choices=ReviewStatus.choices, default=ReviewStatus.PROPOSED
    )

    history = archive_history()

    objects = EventOrganizationQuerySet.as_manager()

    class Meta:
        ordering = ["event", "role", "organization__name"]
        verbose_name = "organization at event"
        verbose_name_plural = "organizations at events"
        constraints = [
            models.UniqueConstraint(
                fields=["event", "organization", "role"], name="event_organization_unique_role"
            ),
        ]

    def __str__(self):
        return f"{self.organization_id} as {self.get_role_display()} at {self.event_id}"


class EventParticipant(models.Model):
    class Role(models.TextChoices):
        SPEAKER = "speaker", "Speaker"
        CHAIR = "chair", "Chair"
        RESOURCE_PERSON = "resource person", "Resource person"
        PARTICIPANT = "participant", "Participant"
        SIGNATORY = "signatory", "Signatory"

    event = models.ForeignKey(
        "documents.Event", on_delete=models.CASCADE, related_name="participants"
    )
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="event_roles")
    role = models.CharField(max_length=15, choices=Role.choices, default=Role.PARTICIPANT)
    title = models.CharField(
        max_length=300, blank=True, help_text="The title the person held there, as the source says."
    )
    affiliation = models.ForeignKey(
        Organization,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The organization the person represented at this event.",
    )
    review_status = models.CharField(
        max_length=10, choices=ReviewStatus.choices, default=ReviewStatus.PROPOSED
    )

    history = archive_history()

    objects = EventParticipantQuerySet.as_manager()

    class Meta:
        ordering = ["event", "role", "person__name"]
        verbose_name = "person at event"
        verbose_name_plural = "people at events"
        constraints = [
            models.UniqueConstraint(
                fields=["event", "person", "role"], name="event_participant_unique_role"
            ),
        ]

    def __str__(self):
        return f"{self.person_id} as {self.get_role_display()} at {self.event_id}"


PASSAGES_PER_DOCUMENT = 3  # on a record's page, under each document that mentions it


class MentionQuerySet(ReviewedQuerySet):
    def public(self):
        """Visible mentions in public documents."""
        return self.visible().filter(published_through("document"))

    def passages(self):
        """Public mentions with their passage and document, newest document first: what a
        record's page shows under 'documents that mention it'."""
        return (
            self.public()
            .select_related("document")
            .only(*MENTION_TARGETS, "start", "end", "document__title", "document__slug")
            .with_passage()
            .order_by("-document__start_date", "document_id", "start")
        )

    def about_event(self, event):
        """Public mentions of `event`, oldest document first: the passages under each of the
        documents on its page."""
        return (
            self.public()
            .filter(event=event)
            .select_related("document")
            .only("start", "end", "text", "event", "document", "document__title", "document__slug")
            .order_by("document__start_date", "document_id", "start")
        )

    def mentioning_documents(self):
        """One row a public document (`document`, its date), newest first, for paginating."""
        return (
            self.public()
            .values("document", "document__start_date")
            .distinct()
            .order_by("-document__start_date", "document")
        )

    def first_passages(self, documents, per_document: int = PASSAGES_PER_DOCUMENT):
        """The first `per_document` public passages (see `passages()`) in each of `documents`."""
        first_in_document = Window(
            RowNumber(), partition_by=F("document"), order_by=F("start").asc()
        )
        return (
            self.passages()
            .filter(document__in=documents)
            .annotate(nth=first_in_document)
            .filter(nth__lte=per_document)
        )

    def with_passage(self, chars: int | None = None):
        """Each mention with `passage_text`, its span and `chars` either side (by default the
        PASSAGE_CONTEXT_CHARS setting) beginning at `passage_start`, from the database."""
        chars = settings.PASSAGE_CONTEXT_CHARS if chars is None else chars
        context_start = Greatest(F("start") - chars, 0)
        length = F("end") - context_start + chars
        return self.annotate(
            passage_start=context_start,
            passage_text=Substr("document__text", context_start + 1, length),
        )


MENTION_TARGETS = ("organization", "person", "event", "convention")


class Mention(models.Model):
    """Provenance: the exact passage of a document that a record (or a fact about it) came from."""

    document = models.ForeignKey(
        "documents.SourceDocument", on_delete=models.CASCADE, related_name="mentions"
    )
    start = models.PositiveIntegerField(help_text="Offset of the first character in the text.")
    end = models.PositiveIntegerField(help_text="Offset just past the last character.")
    text = models.CharField(max_length=1000, help_text="The passage exactly as it stands.")
    organization = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.CASCADE, related_name="mentions"
    )
    person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.CASCADE, related_name="mentions"
    )
    event = models.ForeignKey(
        "documents.Event", null=True, blank=True, on_delete=models.CASCADE, related_name="mentions"
    )
    convention = models.ForeignKey(
        "documents.Convention",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="mentions",
    )
    rule = models.CharField(max_length=80, help_text="The importer rule that found it.")
    confidence = models.FloatField(default=1.0)
    review_status = models.CharField(
        max_length=10,
        choices=ReviewStatus.choices,
        default=ReviewStatus.PROPOSED,
        db_index=True,
    )
    created_at = models.DateTimeField(auto_now_add=True)

    history = archive_history()

    objects = MentionQuerySet.as_manager()

    class Meta:
        ordering = ["document", "start"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gt=models.F("start")),
                name="mention_span_not_empty",
                violation_error_message="A mention must cover at least one character.",
            ),
            models.CheckConstraint(
                condition=Q(confidence__gte=0) & Q(confidence__lte=1),
                name="mention_confidence_between_0_and_1",
            ),
            models.CheckConstraint(
                condition=(
                    Q(organization__isnull=False, person=None, event=None, convention=None)
                    | Q(organization=None, person__isnull=False, event=None, convention=None)
                    | Q(organization=None, person=None, event__isnull=False, convention=None)
                    | Q(organization=None, person=None, event=None, convention__isnull=False)
                ),
                name="mention_has_exactly_one_target",
                violation_error_message="A mention refers to exactly one record.",
            ),
            *[
                models.UniqueConstraint(
                    fields=["document", "start", "end", field],
                    condition=Q(**{f"{field}__isnull": False}),
                    name=f"mention_unique_span_{field}",
                    violation_error_message="This passage is already linked to this record.",
                )
                for field in MENTION_TARGETS
            ],
        ]

    def __str__(self):
        return f"“{self.text[:60]}” in {self.document_id} [{self.start}:{self.end}]"

    @property
    def target(self):
        return next((getattr(self, f) for f in MENTION_TARGETS if getattr(self, f"{f}_id")), None)
