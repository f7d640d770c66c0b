"""The curator workspace for the actors: organizations, people, their names, merging."""

from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.db import transaction
from django.db.models import Q
from django.template.response import TemplateResponse
from django.utils.text import smart_split, unescape_string_literal

from advocacy_site.curator_admin import CuratorAdmin, RecordAdmin
from advocacy_site.names import name_key
from documents.admin import MentionInline
from documents.models import EventOrganization, EventParticipant

from . import services
from .models import (
    Affiliation,
    MergeRecord,
    Organization,
    OrganizationAlias,
    Person,
    PersonAlias,
)


class PossibleDuplicateFilter(admin.SimpleListFilter):
    title = "possible duplicate"
    parameter_name = "duplicate"

    def lookups(self, request, model_admin):
        return [("yes", "Possible duplicate")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.possible_duplicates().order_by("name_key")
        return queryset


class MergeAdminMixin:
    """The "merge selected" action: a confirmation page, then the merge service."""

    merge_service = None  # organization_merge or person_merge, set per admin

    @admin.action(description="Merge selected duplicates…", permissions=["change", "delete"])
    def merge_selected(self, request, queryset):
        records = list(queryset)
        if len(records) < 2:
            self.message_user(request, "Select at least two records to merge.", messages.WARNING)
            return None
        if request.POST.get("confirm") == "yes":
            survivor = next((r for r in records if str(r.pk) == request.POST.get("survivor")), None)
            if survivor is None:
                self.message_user(request, "Choose the record to keep.", messages.ERROR)
            else:
                try:
                    with transaction.atomic():  # all of the selection, or none of it
                        for source in records:
                            if source.pk != survivor.pk:
                                self.merge_service(
                                    source=source, target=survivor, user=request.user
                                )
                except services.MergeRefused as refusal:
                    self.message_user(request, f"Nothing merged. {refusal}", messages.ERROR)
                    return None
                self.message_user(
                    request,
                    f"Merged {len(records) - 1} into {survivor}. Undo it from Merge records.",
                    messages.SUCCESS,
                )
                return None
        context = {
            **self.admin_site.each_context(request),
            "title": f"Merge {self.opts.verbose_name_plural}",
            "opts": self.opts,
            "records": [(r, services.merge_preview(source=r)) for r in records],
            "action_checkbox_name": ACTION_CHECKBOX_NAME,
            "action": "merge_selected",
        }
        return TemplateResponse(request, "admin/merge_confirmation.html", context)


class NameSearchMixin:
    """The search box also finds a record by its name or an alias, or an organization by its
    acronym, ignoring case, accents and punctuation (`federation` finds `Fédération`), on top of
    the default search; each word must match, as in the default."""

    def get_search_results(self, request, queryset, search_term):
        found, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        words = [
            unescape_string_literal(w) if w[0] in "\"'" and w[0] == w[-1] and len(w) > 1 else w
            for w in smart_split(search_term)
        ]
        keys = [(word, name_key(word)) for word in words if name_key(word)]
        if not keys:
            return found, may_have_duplicates
        records = self.model._default_manager
        has_acronym = any(f.name == "acronym" for f in self.model._meta.fields)
        matching = records.all()
        for word, key in keys:
            by_name = Q(name_key__contains=key) | Q(aliases__name_key__contains=key)
            if has_acronym:
                by_name |= Q(acronym__icontains=word.strip())
            matching = matching.filter(pk__in=records.filter(by_name).values("pk"))
        either = Q(pk__in=found.values("pk")) | Q(pk__in=matching.values("pk"))
        return queryset.filter(either), False


class OrganizationAliasInline(admin.TabularInline):
    model = OrganizationAlias
    extra = 0


class OrganizationAffiliationInline(admin.TabularInline):
    model = Affiliation
    fk_name = "organization"
    extra = 0
    autocomplete_fields = ["person", "source_document"]
    fields = ["person", "title", "date_text", "source_document", "review_status"]
    verbose_name_plural = "people affiliated"


class AffiliationInline(admin.TabularInline):
    model = Affiliation
    fk_name = "person"
    extra = 0
    autocomplete_fields = ["organization", "source_document"]
    fields = ["organization", "title", "date_text", "source_document", "review_status"]


class PersonAliasInline(admin.TabularInline):
    model = PersonAlias
    extra = 0


class OrganizationEventRoleInline(admin.TabularInline):
    model = EventOrganization
    extra = 0
    autocomplete_fields = ["event"]
    verbose_name_plural = "events"


class PersonEventRoleInline(admin.TabularInline):
    model = EventParticipant
    fk_name = "person"
    extra = 0
    autocomplete_fields = ["event", "affiliation"]
    verbose_name_plural = "events"


@admin.register(Organization)
class OrganizationAdmin(NameSearchMixin, MergeAdminMixin, RecordAdmin):
    list_display = [
        "name",
        "acronym",
        "kind",
        "country",
        "other_names",
        "review_status",
        "is_published",
    ]
    list_filter = [
        PossibleDuplicateFilter,
        "kind",
        "review_status",
        "is_published",
        "country",
    ]
    list_prefetch = ("aliases",)
    search_fields = ["name", "acronym", "aliases__name"]
    ordering = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["parent"]
    inlines = [
        OrganizationAliasInline,
        OrganizationAffiliationInline,
        OrganizationEventRoleInline,
        MentionInline,
    ]
    merge_service = staticmethod(services.organization_merge)
    actions = [*RecordAdmin.actions, "merge_selected"]
    fieldsets = [
        (None, {"fields": ["name", "acronym", "slug", "kind", "parent"]}),
        ("Place and links", {"fields": ["country", "region", "website"]}),
        ("About", {"fields": ["description", "tags"]}),
        ("Review and publication", {"fields": ["review_status", "is_published"]}),
        ("Record", {"fields": ["created_at", "updated_at"], "classes": ["collapse"]}),
    ]

    @admin.display(description="other names")
    def other_names(self, obj):
        return ", ".join(alias.name for alias in obj.aliases.all())


@admin.register(Person)
class PersonAdmin(NameSearchMixin, MergeAdminMixin, RecordAdmin):
    list_display = ["name", "honorific", "other_names", "review_status", "is_published"]
    list_filter = [PossibleDuplicateFilter, "review_status", "is_published"]
    list_prefetch = ("aliases",)
    search_fields = ["name", "aliases__name"]
    ordering = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [PersonAliasInline, AffiliationInline, PersonEventRoleInline, MentionInline]
    merge_service = staticmethod(services.person_merge)
    actions = [*RecordAdmin.actions, "merge_selected"]
    fieldsets = [
        (None, {"fields": ["name", "honorific", "slug"]}),
        ("About", {"fields": ["description", "tags"]}),
        ("Review and publication", {"fields": ["review_status", "is_published"]}),
        ("Record", {"fields": ["created_at", "updated_at"], "classes": ["collapse"]}),
    ]

    @admin.display(description="other names")
    def other_names(self, obj):
        return ", ".join(alias.name for alias in obj.aliases.all())


@admin.register(Affiliation)
class AffiliationAdmin(CuratorAdmin):
    list_display = ["person", "title", "organization", "date_text", "review_status"]
    list_filter = ["review_status"]
    search_fields = ["person__name", "organization__name", "organization__acronym", "title"]
    ordering = ["person__name"]
    autocomplete_fields = ["person", "organization", "source_document"]
    list_select_related = ["person", "organization"]


@admin.register(OrganizationAlias)
class OrganizationAliasAdmin(CuratorAdmin):
    list_display = ["name", "kind", "organization"]
    list_filter = ["kind"]
    search_fields = ["name", "organization__name", "organization__acronym"]
    ordering = ["name"]
    autocomplete_fields = ["organization"]
    list_select_related = ["organization"]
    actions = []


@admin.register(PersonAlias)
class PersonAliasAdmin(CuratorAdmin):
    list_display = ["name", "person"]
    search_fields = ["name", "person__name"]
    ordering = ["name"]
    autocomplete_fields = ["person"]
    list_select_related = ["person"]
    actions = []


@admin.action(description="Undo selected merges", permissions=["change"])
def undo_merges(modeladmin, request, queryset):
    undone = 0
    for merge in queryset.filter(undone_at__isnull=True):
        services.merge_undo(merge=merge, user=request.user)
        undone += 1
    modeladmin.message_user(request, f"Undid {undone} merge(s).", messages.SUCCESS)


@admin.register(MergeRecord)
class MergeRecordAdmin(admin.ModelAdmin):
    list_display = ["source_name", "kind", "source_slug", "target_pk", "merged_by", "merged_at"]
    list_filter = ["kind", ("undone_at", admin.EmptyFieldListFilter)]
    search_fields = ["source_name", "source_slug"]
    ordering = ["-merged_at"]
    list_select_related = ["merged_by"]
    show_facets = admin.ShowFacets.ALWAYS
    actions = [undo_merges]
    readonly_fields = [f.name for f in MergeRecord._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
