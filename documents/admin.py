from django.contrib import admin

from .models import (
    Convention,
    Event,
    EventOrganization,
    EventParticipant,
    Mention,
    SourceDocument,
)


@admin.register(SourceDocument)
class SourceDocumentAdmin(admin.ModelAdmin):
    list_display = ["title", "date_display", "category", "region", "review_status", "is_published"]
    list_filter = ["category", "region", "review_status", "is_published"]
    search_fields = ["title", "text"]
    ordering = ["-start_date"]
    date_hierarchy = "start_date"
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["content_sha256", "source_file"]
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
        ("Text", {"fields": ["text"]}),
        ("Review and publication", {"fields": ["review_status", "is_published"]}),
    ]


@admin.register(Convention)
class ConventionAdmin(admin.ModelAdmin):
    list_display = ["identifier", "short_name", "body", "kind", "date_display", "is_published"]
    list_filter = ["body", "kind", "review_status", "is_published"]
    search_fields = ["identifier", "short_name", "title"]
    ordering = ["body", "number", "identifier"]
    prepopulated_fields = {"slug": ["identifier"]}


class EventOrganizationInline(admin.TabularInline):
    model = EventOrganization
    extra = 0
    autocomplete_fields = ["organization"]


class EventParticipantInline(admin.TabularInline):
    model = EventParticipant
    extra = 0
    autocomplete_fields = ["person", "affiliation"]


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "date_display", "city", "country", "review_status"]
    list_filter = ["kind", "review_status", "is_published", "country"]
    search_fields = ["name", "city", "organizations__name", "organizations__acronym"]
    ordering = ["-start_date"]
    date_hierarchy = "start_date"
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["part_of", "conventions", "documents"]
    inlines = [EventOrganizationInline, EventParticipantInline]
    fieldsets = [
        (None, {"fields": ["name", "slug", "kind", "part_of", "tags"]}),
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
    ]


@admin.register(Mention)
class MentionAdmin(admin.ModelAdmin):
    list_display = ["text", "document", "target", "rule", "confidence", "review_status"]
    list_filter = ["review_status", "rule"]
    search_fields = ["text", "document__title"]
    ordering = ["document", "start"]
    list_select_related = ["document", "organization", "person", "event", "convention"]
    autocomplete_fields = ["document", "organization", "person", "event", "convention"]


@admin.register(EventOrganization)
class EventOrganizationAdmin(admin.ModelAdmin):
    list_display = ["organization", "role", "event", "review_status"]
    list_filter = ["role", "review_status"]
    search_fields = ["organization__name", "organization__acronym", "event__name"]
    ordering = ["event__start_date"]
    autocomplete_fields = ["event", "organization"]
    list_select_related = ["event", "organization"]


@admin.register(EventParticipant)
class EventParticipantAdmin(admin.ModelAdmin):
    list_display = ["person", "role", "title", "event", "review_status"]
    list_filter = ["role", "review_status"]
    search_fields = ["person__name", "event__name", "title"]
    ordering = ["event__start_date"]
    autocomplete_fields = ["event", "person", "affiliation"]
    list_select_related = ["event", "person"]
