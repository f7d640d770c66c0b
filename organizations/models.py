"""The actors of the archive: organizations and people, their other names and affiliations."""

from django.conf import settings
from django.db import models
from django.db.models import Case, Exists, F, OuterRef, Q, Value, When
from django.db.models.functions import Lower, Replace
from django.urls import reverse
from taggit.managers import TaggableManager

from advocacy_site.names import duplicate_ids, name_key
from advocacy_site.records import (
    DatedRecord,
    RecordBase,
    RecordQuerySet,
    ReviewedQuerySet,
    ReviewStatus,
    SearchVectorIndex,
    archive_history,
    values_by_pk,
)

# Words a name search passes over: `migrant forum asia` finds Migrant Forum in Asia.
SMALL_WORDS = {"a", "an", "and", "de", "for", "in", "of", "on", "the", "to"}


def _compact(expression):
    """A key with spaces, hyphens and dots removed: M-TAG, M.TAG and m tag all give mtag."""
    if isinstance(expression, str):
        expression = F(expression)
    for mark in (" ", "-", "."):
        expression = Replace(expression, Value(mark), Value(""))
    return expression


class NameKeyed(models.Model):
    """A name matched through its `name_key` (see names.name_key), kept in step on every save.
    The importer's bulk inserts bypass save() and set the key themselves."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.name_key = name_key(self.name)
        super().save(*args, **kwargs)


class OrganizationQuerySet(RecordQuerySet):
    def possible_duplicates(self):
        """Organizations that may be another one: same acronym, alike names, or a known alias."""
        names = [
            *Organization.objects.values_list("pk", "name"),
            *Organization.objects.exclude(acronym="").values_list("pk", "acronym"),
            *OrganizationAlias.objects.values_list("organization_id", "name"),
        ]
        return self.filter(pk__in=duplicate_ids(names))

    def matching_name(self, name: str):
        """Organizations whose name, acronym or an alias is `name`, ignoring case and accents."""
        key = name_key(name)
        if not key:
            return self.none()
        return self.filter(
            Q(name_key=key) | Q(acronym__iexact=name.strip()) | Q(aliases__name_key=key)
        ).distinct()

    def matching_text(self, text: str):
        """Organizations a searcher means by `text` (A–Z search and type-ahead), each annotated
        with `closeness`: 0 the exact acronym or name, 1 a prefix of either, 2 all the words.

        Acronyms compare without case, accents, spaces, hyphens or dots (`ituc ap` is ITUC-AP);
        names match when every word of the text, small words aside, begins a word of the name
        or of an alias, in any order (`migrant forum asia` is Migrant Forum in Asia).
        """
        key = name_key(text)
        if not key:
            return self.none().alias(closeness=Value(0))
        compact = key.replace(" ", "")
        words = [w for w in key.split() if w not in SMALL_WORDS] or key.split()

        def has_words(field: str) -> Q:
            found = Q()
            for word in words:
                found &= Q(**{f"{field}__startswith": word}) | Q(
                    **{f"{field}__contains": f" {word}"}
                )
            return found

        aliases = OrganizationAlias.objects.filter(organization=OuterRef("pk")).alias(
            compact=_compact("name_key")
        )
        exact = Q(acronym_key=compact) | Q(name_key=key) | Exists(aliases.filter(name_key=key))
        prefix = (
            Q(name_key__startswith=key)
            | Q(acronym_key__startswith=compact)
            | Q(compact_name__startswith=compact)
            | Exists(aliases.filter(compact__startswith=compact))
        )
        return (
            self.alias(acronym_key=_compact(Lower("acronym")), compact_name=_compact("name_key"))
            .filter(prefix | has_words("name_key") | Exists(aliases.filter(has_words("name_key"))))
            .alias(closeness=Case(When(exact, then=0), When(prefix, then=1), default=2))
        )

    def _load_index_extras(self, by_pk: dict) -> None:
        aliases = OrganizationAlias.objects.filter(organization__in=list(by_pk))
        names = values_by_pk(aliases.values_list("organization_id", "name"))
        for pk, record in by_pk.items():
            record.index_aliases = names.get(pk, [])


class Organization(NameKeyed, RecordBase):
    class Kind(models.TextChoices):
        TRADE_UNION = "trade_union", "Trade union"
        NGO = "ngo", "NGO"
        INTERGOVERNMENTAL = "intergovernmental", "Intergovernmental body"
        GOVERNMENT = "government", "Government body"
        PARLIAMENTARY = "parliamentary", "Parliamentary body"
        DONOR = "donor", "Donor or foundation"
        ACADEMIC = "academic", "Academic or research body"
        NETWORK = "network", "Network or coalition"
        EMPLOYER = "employer", "Employers' organization"
        OTHER = "other", "Other"

    name = models.CharField(max_length=300, help_text="The full official name, in English.")
    acronym = models.CharField(
        max_length=40,
        blank=True,
        db_index=True,
        help_text="The main acronym, e.g. MFA. Acronyms are not unique: MFA is also many a "
        "Ministry of Foreign Affairs.",
    )
    name_key = models.CharField(max_length=300, editable=False, db_index=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.OTHER)
    country = models.CharField(
        max_length=2,
        blank=True,
        db_index=True,
        help_text="ISO 3166-1 alpha-2 code (e.g. PH); empty for regional or international bodies.",
    )
    region = models.CharField(
        max_length=100, blank=True, help_text="For regional bodies, e.g. 'ASEAN' or 'South Asia'."
    )
    website = models.URLField(blank=True)
    description = models.TextField(blank=True)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
        help_text="The body this one belongs to, e.g. the ILO for an ILO regional office.",
    )
    event_count = models.PositiveIntegerField(
        default=0,
        editable=False,
        help_text="Published events it is it took part in (kept by the archive).",
    )
    document_count = models.PositiveIntegerField(
        default=0,
        editable=False,
        help_text="Published documents that mention it (kept by the archive).",
    )
    tags = TaggableManager(blank=True)

    objects = OrganizationQuerySet.as_manager()
    headline_fields = ("name", "acronym", "description")  # a search snippet, the name first

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                Lower("name"),
                "country",
                name="organization_unique_name_per_country",
                violation_error_message="An organization with this name already exists in this "
                "country.",
            ),
        ]
        indexes = [
            SearchVectorIndex(fields=["search_vector"], name="organization_search_gin"),
            # The busiest first (home), read from the index instead of counting every role.
            models.Index(F("event_count").desc(), "name", name="organization_busiest_idx"),
        ]

    def __str__(self):
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    def get_absolute_url(self):
        return reverse("organizations:organization-detail", kwargs={"slug": self.slug})

    def index_components(self) -> dict[str, str]:
        """What search weighs: A name and acronym, B aliases and tags, C the description.
        Needs a record from `for_search_index()`."""
        others = [*self.index_aliases, *self.index_tags]
        return {"A": f"{self.name} {self.acronym}", "B": " ".join(others), "C": self.description}


class OrganizationAlias(NameKeyed):
    class Kind(models.TextChoices):
        NAME = "name", "Other name"
        ACRONYM = "acronym", "Acronym"
        FORMER = "former", "Former name"
        SPELLING = "spelling", "Spelling variant"

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=300)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.NAME)
    name_key = models.CharField(max_length=300, editable=False, db_index=True)

    history = archive_history()

    class Meta:
        ordering = ["organization", "name"]
        verbose_name_plural = "organization aliases"
        constraints = [
            models.UniqueConstraint(
                "organization",
                Lower("name"),
                name="organization_alias_unique_per_organization",
                violation_error_message="This organization already has this alias.",
            ),
        ]

    def __str__(self):
        return self.name


class PersonQuerySet(RecordQuerySet):
    def possible_duplicates(self):
        """People who may be another one: names alike but for case, accents, order, or an alias."""
        names = [
            *Person.objects.values_list("pk", "name"),
            *PersonAlias.objects.values_list("person_id", "name"),
        ]
        return self.filter(pk__in=duplicate_ids(names))

    def _load_index_extras(self, by_pk: dict) -> None:
        aliases = PersonAlias.objects.filter(person__in=list(by_pk))
        names = values_by_pk(aliases.values_list("person_id", "name"))
        for pk, record in by_pk.items():
            record.index_aliases = names.get(pk, [])

    def matching_name(self, name: str):
        """People whose name or alias equals `name`, ignoring case, accents and punctuation."""
        key = name_key(name)
        if not key:
            return self.none()
        return self.filter(Q(name_key=key) | Q(aliases__name_key=key)).distinct()


class Person(NameKeyed, RecordBase):
    name = models.CharField(
        max_length=200, help_text="The name as people know it, e.g. William Gois."
    )
    honorific = models.CharField(
        max_length=30, blank=True, help_text="E.g. Dr., Hon., Atty. Shown before the name."
    )
    name_key = models.CharField(max_length=200, editable=False, db_index=True)
    description = models.TextField(blank=True)
    tags = TaggableManager(blank=True)

    objects = PersonQuerySet.as_manager()
    headline_fields = ("name", "description")  # a search snippet, the name first

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"
        indexes = [SearchVectorIndex(fields=["search_vector"], name="person_search_gin")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("organizations:person-detail", kwargs={"slug": self.slug})

    @property
    def display_name(self) -> str:
        return f"{self.honorific} {self.name}" if self.honorific else self.name

    def index_components(self) -> dict[str, str]:
        """What search weighs: A the name, B aliases and tags, C the description.
        Needs a record from `for_search_index()`."""
        others = [*self.index_aliases, *self.index_tags]
        return {"A": self.name, "B": " ".join(others), "C": self.description}


class PersonAlias(NameKeyed):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=200)
    name_key = models.CharField(max_length=200, editable=False, db_index=True)

    history = archive_history()

    class Meta:
        ordering = ["person", "name"]
        verbose_name_plural = "person aliases"
        constraints = [
            models.UniqueConstraint(
                "person",
                Lower("name"),
                name="person_alias_unique_per_person",
                violation_error_message="This person already has this alias.",
            ),
        ]

    def __str__(self):
        return self.name


class Affiliation(DatedRecord):
    """A person's title or role in an organization, as one source gives it."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="affiliations")
    organization = models.ForeignKey(
        Organization,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="affiliations",
    )
    title = models.CharField(
        max_length=300, blank=True, help_text="E.g. 'Regional Coordinator' or 'Executive Director'."
    )
    source_document = models.ForeignKey(
        "documents.SourceDocument",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="affiliations",
        help_text="The document this affiliation is taken from.",
    )
    review_status = models.CharField(
        max_length=10,
        choices=ReviewStatus.choices,
        default=ReviewStatus.PROPOSED,
        db_index=True,
    )

    history = archive_history()

    objects = ReviewedQuerySet.as_manager()

    class Meta(DatedRecord.Meta):
        ordering = ["person", "-start_date", "title"]
        constraints = [
            *DatedRecord.Meta.constraints,
            models.UniqueConstraint(
                fields=["person", "organization", "title", "source_document"],
                name="affiliation_unique_per_source",
                violation_error_message="This affiliation is already recorded for this source.",
            ),
        ]

    def __str__(self):
        parts = [self.title, self.organization.name if self.organization_id else ""]
        return f"{self.person}: {', '.join(p for p in parts if p) or 'affiliation'}"


class MergeRecord(models.Model):
    """One merge of a duplicate into its survivor: what moved, for undoing and redirecting."""

    class Kind(models.TextChoices):
        ORGANIZATION = "organization", "Organization"
        PERSON = "person", "Person"

    kind = models.CharField(max_length=12, choices=Kind.choices)
    source_name = models.CharField(max_length=300, help_text="The merged-away record's name.")
    source_slug = models.SlugField(
        max_length=200, help_text="Its old address, which now redirects to the survivor."
    )
    source_pk = models.BigIntegerField()
    target_pk = models.BigIntegerField(help_text="The surviving record.")
    snapshot = models.JSONField(
        default=dict, help_text="The merged record and the ids of everything moved, for undoing."
    )
    merged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    merged_at = models.DateTimeField(auto_now_add=True)
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    undone_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-merged_at", "-pk"]
        indexes = [models.Index(fields=["kind", "source_slug"], name="merge_record_kind_slug_idx")]

    def __str__(self):
        return f"{self.source_name} merged into {self.get_kind_display().lower()} #{self.target_pk}"

    @property
    def is_undone(self) -> bool:
        return self.undone_at is not None
