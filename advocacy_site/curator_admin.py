"""What every curator page shares: the admin base, history, prefetching and review actions.

Both apps' admins build on it. Bulk actions send no `post_save`, so they tell the search index
directly (`documents.signals.rows_changed_in_bulk`).
"""

from django.contrib import admin, messages
from simple_history.admin import SimpleHistoryAdmin
from simple_history.utils import bulk_update_with_history

from advocacy_site.records import ReviewStatus
from documents.signals import rows_changed_in_bulk


def _set_field(request, queryset, field: str, value) -> int:
    """Set `field` on every selected row where it differs, keeping a history entry for each."""
    rows = [row for row in queryset if getattr(row, field) != value]
    for row in rows:
        setattr(row, field, value)
    if rows:
        bulk_update_with_history(rows, queryset.model, [field], default_user=request.user)
        rows_changed_in_bulk(queryset.model, [row.pk for row in rows])
    return len(rows)


@admin.action(description="Confirm selected %(verbose_name_plural)s", permissions=["change"])
def confirm_selected(modeladmin, request, queryset):
    n = _set_field(request, queryset, "review_status", ReviewStatus.CONFIRMED)
    modeladmin.message_user(request, f"Confirmed {n}.", messages.SUCCESS)


@admin.action(description="Reject selected %(verbose_name_plural)s", permissions=["change"])
def reject_selected(modeladmin, request, queryset):
    n = _set_field(request, queryset, "review_status", ReviewStatus.REJECTED)
    modeladmin.message_user(request, f"Rejected {n}.", messages.SUCCESS)


@admin.action(description="Publish selected %(verbose_name_plural)s", permissions=["change"])
def publish_selected(modeladmin, request, queryset):
    n = _set_field(request, queryset, "is_published", True)
    modeladmin.message_user(request, f"Published {n}.", messages.SUCCESS)


@admin.action(description="Unpublish selected %(verbose_name_plural)s", permissions=["change"])
def unpublish_selected(modeladmin, request, queryset):
    n = _set_field(request, queryset, "is_published", False)
    modeladmin.message_user(request, f"Unpublished {n}.", messages.SUCCESS)


class CuratorAdmin(SimpleHistoryAdmin):
    """What every curator page shares: facet counts, history, prefetching, review actions.

    `list_prefetch` names the relations a changelist row shows, so a page costs the same number
    of queries whatever its length.
    """

    show_facets = admin.ShowFacets.ALWAYS
    list_per_page = 50
    list_prefetch: tuple[str, ...] = ()
    actions = [confirm_selected, reject_selected]

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if self.list_prefetch:
            queryset = queryset.prefetch_related(*self.list_prefetch)
        return queryset


class RecordAdmin(CuratorAdmin):
    """A public record: publish and unpublish too, edited in place on the list."""

    actions = [confirm_selected, reject_selected, publish_selected, unpublish_selected]
    list_editable = ["is_published"]
    readonly_fields = ["created_at", "updated_at"]
