"""The curator workspace for the records: documents, events, conventions, and the review queue."""

import tempfile
from pathlib import Path

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.decorators import method_decorator
from django.utils.html import format_html
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from simple_history.utils import bulk_update_with_history

from advocacy_site.curator_admin import (
    CuratorAdmin,
    RecordAdmin,
    reject_selected,
)
from advocacy_site.passages import spliced
from advocacy_site.records import ReviewStatus

from .forms import UploadForm
from .models import (
    MENTION_TARGETS,
    ArchiveVersion,
    Convention,
    Event,
    EventOrganization,
    EventParticipant,
    EventSeries,
    Mention,
    SourceDocument,
)
from .services import archive_ingest
from .signals import rows_changed_in_bulk
from .uploads import upload_copies_save, upload_too_large


class StartYearFilter(admin.SimpleListFilter):
    title = "year"
    parameter_name = "year"

    def lookups(self, request, model_admin):
        years = model_admin.model._default_manager.dates("start_date", "year", order="DESC")
        return [(str(d.year), str(d.year)) for d in years]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(start_date__year=self.value())
        return queryset


class TargetKindFilter(admin.SimpleListFilter):
    title = "refers to"
    parameter_name = "target"

    def lookups(self, request, model_admin):
        return [(f, Mention._meta.get_field(f).verbose_name) for f in MENTION_TARGETS]

    def queryset(self, request, queryset):
        if self.value() in MENTION_TARGETS:
            return queryset.filter(**{f"{self.value()}__isnull": False})
        return queryset


def highlight_mentions(text: str, mentions) -> str:
    """The text, escaped, with each mention's span wrapped in <mark>; overlapping spans skipped."""
    return spliced(
        text,
        mentions,
        lambda mention, covered: format_html(
            '<mark class="mention-{}" title="{} ({})">{}</mark>',
            mention.review_status,
            mention.target,
            mention.get_review_status_display(),
            covered,
        ),
    )


class MentionInline(admin.TabularInline):
    """Mentions of a record, edited on the record's page (the fk is picked by the parent model)."""

    model = Mention
    extra = 0
    fields = ["document", "text", "start", "end", "rule", "confidence", "review_status"]
    readonly_fields = ["text", "start", "end", "rule", "confidence"]
    autocomplete_fields = ["document"]
    show_change_link = True

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("document").defer("document__text")

    def has_add_permission(self, request, obj=None):
        return False


class DocumentMentionInline(MentionInline):
    fields = ["text", "start", "end", *MENTION_TARGETS, "rule", "review_status"]
    readonly_fields = ["text", "start", "end", "rule"]
    autocomplete_fields = list(MENTION_TARGETS)

    def get_queryset(self, request):
        return admin.TabularInline.get_queryset(self, request).select_related(*MENTION_TARGETS)


@admin.register(SourceDocument)
class SourceDocumentAdmin(RecordAdmin):
    list_display = [
        "title",
        "date_display",
        "category",
        "region",
        "mention_count",
        "review_status",
        "is_published",
    ]
    list_filter = [StartYearFilter, "category", "region", "review_status", "is_published"]
    search_fields = ["title", "source_file", "text"]
    ordering = ["-start_date"]
    date_hierarchy = "start_date"
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = [
        *RecordAdmin.readonly_fields,
        "content_sha256",
        "source_file",
        "text_with_mentions",
    ]
    inlines = [DocumentMentionInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "category", "region", "tags"]}),
        (
            "Publication date",
            {
                "fields": [
                    "date_text",
                    "start_date",
                    "end_date",
                    "date_precision",
                    "date_approximate",
                ]
            },
        ),
        ("Source", {"fields": ["source_file", "source_url", "content_sha256"]}),
        ("Text with its mentions", {"fields": ["text_with_mentions"]}),
        ("Edit the text", {"fields": ["text"], "classes": ["collapse"]}),
        ("Review and publication", {"fields": ["review_status", "is_published"]}),
        ("Record", {"fields": ["created_at", "updated_at"], "classes": ["collapse"]}),
    ]

    class Media:
        # A stylesheet, not style="": the Content-Security-Policy allows no inline styles.
        css = {"all": ["css/admin.css"]}

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.resolver_match and request.resolver_match.url_name.endswith("changelist"):
            # The list never shows the text, which can be long.
            queryset = queryset.defer("text").annotate(mention_total=Count("mentions"))
        return queryset

    @admin.display(description="mentions", ordering="mention_total")
    def mention_count(self, obj):
        return obj.mention_total

    @admin.display(description="text")
    def text_with_mentions(self, obj):
        if obj.pk is None:
            return "—"
        mentions = obj.mentions.select_related(*MENTION_TARGETS).defer("document__text")
        return format_html(
            '<div class="document-text">{}</div>',
            highlight_mentions(obj.text, mentions),
        )

    def get_urls(self):
        upload = self.admin_site.admin_view(self.upload_view)
        return [
            path("upload/", upload, name="documents_sourcedocument_upload"),
            *super().get_urls(),
        ]

    @method_decorator(csrf_exempt)  # checked below, once the body's size is known to be sane
    def upload_view(self, request):
        """Import uploaded .txt and .html files with the same importer as `manage.py ingest`."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        if request.method == "POST" and (too_large := upload_too_large(request)):
            # Answered before anything reads the body (the CSRF check would read it all).
            return self._upload_page(request, UploadForm(), refusal=too_large, status=413)
        return csrf_protect(self._upload_import)(request)

    def _upload_import(self, request):
        form = UploadForm(request.POST or None, request.FILES or None)
        if request.method != "POST" or not form.is_valid():
            return self._upload_page(request, form)
        with tempfile.TemporaryDirectory(prefix="upload-") as folder:
            files = upload_copies_save(uploads=form.cleaned_data["files"], folder=Path(folder))
            report = archive_ingest(paths=files)
        level = messages.WARNING if report.errors else messages.SUCCESS
        for line in report.summary_lines():
            self.message_user(request, line, level)
        # Not starting with the file's name: the admin capitalizes a message's first letter.
        for error in report.errors:
            self.message_user(request, f"Not imported — {error}", messages.ERROR)
        for note in report.notes:
            self.message_user(request, f"Imported with a note — {note}", messages.INFO)
        return redirect("admin:documents_sourcedocument_changelist")

    def _upload_page(self, request, form, *, refusal="", status=200):
        context = {
            **self.admin_site.each_context(request),
            "title": "Upload source texts",
            "opts": self.opts,
            "form": form,
            "refusal": refusal,
        }
        template = "admin/documents/sourcedocument/upload.html"
        return TemplateResponse(request, template, context, status=status)


@admin.register(Convention)
class ConventionAdmin(RecordAdmin):
    list_display = [
        "identifier",
        "short_name",
        "body",
        "kind",
        "date_display",
        "review_status",
        "is_published",
    ]
    list_filter = ["body", "kind", StartYearFilter, "review_status", "is_published"]
    search_fields = ["identifier", "short_name", "title"]
    ordering = ["body", "number", "identifier"]
    prepopulated_fields = {"slug": ["identifier"]}
    inlines = [MentionInline]


class EventOrganizationInline(admin.TabularInline):
    model = EventOrganization
    extra = 0
    autocomplete_fields = ["organization"]


class EventParticipantInline(admin.TabularInline):
    model = EventParticipant
    extra = 0
    autocomplete_fields = ["person", "affiliation"]


@admin.register(Event)
class EventAdmin(RecordAdmin):
    list_display = [
        "name",
        "kind",
        "date_display",
        "city",
        "country",
        "organizers",
        "review_status",
        "is_published",
    ]
    list_filter = ["kind", StartYearFilter, "country", "review_status", "is_published"]
    list_prefetch = ("organizations",)
    search_fields = ["name", "city", "organizations__name", "organizations__acronym"]
    ordering = ["-start_date"]
    date_hierarchy = "start_date"
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["part_of", "series", "conventions", "documents"]
    inlines = [EventOrganizationInline, EventParticipantInline, MentionInline]
    fieldsets = [
        (None, {"fields": ["name", "slug", "kind", "part_of", ("series", "edition"), "tags"]}),
        (
            "When",
            {
                "fields": [
                    "date_text",
                    "start_date",
                    "end_date",
                    "date_precision",
                    "date_approximate",
                ]
            },
        ),
        ("Where", {"fields": ["city", "country", "latitude", "longitude"]}),
        ("About", {"fields": ["description", "conventions", "documents"]}),
        ("Review and publication", {"fields": ["review_status", "is_published"]}),
        ("Record", {"fields": ["created_at", "updated_at"], "classes": ["collapse"]}),
    ]

    @admin.display(description="organizations")
    def organizers(self, obj):
        return ", ".join(o.acronym or o.name for o in obj.organizations.all())


class EditionInline(admin.TabularInline):
    """A series' editions, read here and edited on each event's page."""

    model = Event
    fk_name = "series"
    extra = 0
    fields = ["edition", "name", "date_display", "city", "country", "review_status"]
    readonly_fields = fields
    ordering = ["start_date", "edition"]
    show_change_link = True
    can_delete = False
    verbose_name = "edition"
    verbose_name_plural = "editions (link an event to the series on the event's page)"

    def get_queryset(self, request):
        return super().get_queryset(request).defer("description", "search_vector")

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(EventSeries)
class EventSeriesAdmin(RecordAdmin):
    list_display = ["name", "acronym", "edition_count", "review_status", "is_published"]
    list_filter = ["review_status", "is_published"]
    search_fields = ["name", "acronym"]
    ordering = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [EditionInline]
    fieldsets = [
        (None, {"fields": ["name", "slug", "acronym", "description"]}),
        ("Review and publication", {"fields": ["review_status", "is_published"]}),
        ("Record", {"fields": ["created_at", "updated_at"], "classes": ["collapse"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(edition_total=Count("editions"))

    @admin.display(description="editions", ordering="edition_total")
    def edition_count(self, obj):
        return obj.edition_total


@admin.action(description="Confirm selected mentions and their records", permissions=["change"])
def confirm_mentions(modeladmin, request, queryset):
    """Confirm the mentions and, where still proposed, the record each one names."""
    mentions = list(queryset.select_related(*MENTION_TARGETS))
    pending = [m for m in mentions if m.review_status != ReviewStatus.CONFIRMED]
    for mention in pending:
        mention.review_status = ReviewStatus.CONFIRMED
    if pending:
        bulk_update_with_history(pending, Mention, ["review_status"], default_user=request.user)
    for field in MENTION_TARGETS:
        targets = {
            getattr(m, field).pk: getattr(m, field)
            for m in mentions
            if getattr(m, f"{field}_id")
            and getattr(m, field).review_status == ReviewStatus.PROPOSED
        }
        for target in targets.values():
            target.review_status = ReviewStatus.CONFIRMED
        if targets:
            model = Mention._meta.get_field(field).related_model
            bulk_update_with_history(
                list(targets.values()), model, ["review_status"], default_user=request.user
            )
            rows_changed_in_bulk(model, list(targets))
    modeladmin.message_user(
        request, f"Confirmed {len(pending)} mention(s) and their records.", messages.SUCCESS
    )


@admin.register(Mention)
class MentionAdmin(CuratorAdmin):
    """The review queue: filter on 'proposed' to see what the importer found and nobody decided."""

    list_display = ["passage", "target", "document_link", "rule", "confidence", "review_status"]
    list_filter = ["review_status", TargetKindFilter, "rule"]
    search_fields = [
        "text",
        "document__title",
        "organization__name",
        "organization__acronym",
        "person__name",
        "event__name",
        "convention__identifier",
    ]
    ordering = ["document", "start"]
    list_select_related = ["document", *MENTION_TARGETS]
    autocomplete_fields = ["document", *MENTION_TARGETS]
    readonly_fields = ["passage", "created_at"]
    list_editable = ["review_status"]
    actions = [confirm_mentions, reject_selected]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .defer("document__text", "document__search_vector")
            .with_passage()
        )

    @admin.display(description="passage")
    def passage(self, obj):
        before = obj.start - obj.passage_start
        span = obj.end - obj.start
        text = obj.passage_text or ""
        return format_html(
            "…{}<mark>{}</mark>{}…",
            text[:before],
            text[before : before + span],
            text[before + span :],
        )

    @admin.display(description="document", ordering="document__title")
    def document_link(self, obj):
        url = reverse("admin:documents_sourcedocument_change", args=[obj.document_id])
        return format_html('<a href="{}">{}</a>', url, obj.document.title)


@admin.register(EventOrganization)
class EventOrganizationAdmin(CuratorAdmin):
    list_display = ["organization", "role", "event", "review_status"]
    list_filter = ["role", "review_status"]
    search_fields = ["organization__name", "organization__acronym", "event__name"]
    ordering = ["event__start_date"]
    autocomplete_fields = ["event", "organization"]
    list_select_related = ["event", "organization"]


@admin.register(EventParticipant)
class EventParticipantAdmin(CuratorAdmin):
    list_display = ["person", "role", "title", "event", "affiliation", "review_status"]
    list_filter = ["role", "review_status"]
    search_fields = ["person__name", "event__name", "title"]
    ordering = ["event__start_date"]
    autocomplete_fields = ["event", "person", "affiliation"]
    list_select_related = ["event", "person", "affiliation"]


@admin.register(ArchiveVersion)
class ArchiveVersionAdmin(admin.ModelAdmin):
    """Read-only: the number public pages are cached under, bumped by every change."""

    list_display = ("number", "changed_at")
    ordering = ("pk",)

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_staff

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
