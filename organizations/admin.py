from django.contrib import admin

from .models import Affiliation, Organization, OrganizationAlias, Person, PersonAlias


class OrganizationAliasInline(admin.TabularInline):
    model = OrganizationAlias
    extra = 0


class AffiliationInline(admin.TabularInline):
    model = Affiliation
    fk_name = "person"
    extra = 0
    autocomplete_fields = ["organization", "source_document"]
    fields = ["organization", "title", "date_text", "source_document", "review_status"]


class PersonAliasInline(admin.TabularInline):
    model = PersonAlias
    extra = 0


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ["name", "acronym", "kind", "country", "review_status", "is_published"]
    list_filter = ["kind", "review_status", "is_published", "country"]
    search_fields = ["name", "acronym", "aliases__name"]
    ordering = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["parent"]
    inlines = [OrganizationAliasInline]
    fieldsets = [
        (None, {"fields": ["name", "acronym", "slug", "kind", "parent"]}),
        ("Place and links", {"fields": ["country", "region", "website"]}),
        ("About", {"fields": ["description", "tags"]}),
        ("Review and publication", {"fields": ["review_status", "is_published"]}),
    ]


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["name", "honorific", "review_status", "is_published"]
    list_filter = ["review_status", "is_published"]
    search_fields = ["name", "aliases__name"]
    ordering = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [PersonAliasInline, AffiliationInline]


@admin.register(Affiliation)
class AffiliationAdmin(admin.ModelAdmin):
    list_display = ["person", "title", "organization", "date_text", "review_status"]
    list_filter = ["review_status"]
    search_fields = ["person__name", "organization__name", "organization__acronym", "title"]
    ordering = ["person__name"]
    autocomplete_fields = ["person", "organization", "source_document"]
    list_select_related = ["person", "organization"]


@admin.register(OrganizationAlias)
class OrganizationAliasAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "organization"]
    list_filter = ["kind"]
    search_fields = ["name", "organization__name"]
    ordering = ["name"]
    autocomplete_fields = ["organization"]
    list_select_related = ["organization"]


@admin.register(PersonAlias)
class PersonAliasAdmin(admin.ModelAdmin):
    list_display = ["name", "person"]
    search_fields = ["name", "person__name"]
    ordering = ["name"]
    autocomplete_fields = ["person"]
    list_select_related = ["person"]
