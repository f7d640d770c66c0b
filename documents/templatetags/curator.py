"""The curator workspace's numbers for the admin index: what waits for review."""

from django import template
from django.urls import reverse

from organizations.models import Affiliation, Organization, Person

from ..kinds import RECORD_MODELS
from ..models import EventOrganization, EventParticipant, Mention

register = template.Library()

REVIEWED_MODELS = [Mention, *RECORD_MODELS, Affiliation, EventOrganization, EventParticipant]


@register.simple_tag(takes_context=True)
def review_queue(context):
    """(label, count, changelist URL filtered to proposed) for each reviewed model the user sees."""
    user = context["request"].user
    rows = []
    for model in REVIEWED_MODELS:
        opts = model._meta
        if not user.has_perm(f"{opts.app_label}.view_{opts.model_name}"):
            continue
        count = model._default_manager.pending_review().count()
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        rows.append((opts.verbose_name_plural, count, f"{url}?review_status__exact=proposed"))
    for model in (Organization, Person):
        opts = model._meta
        if user.has_perm(f"{opts.app_label}.view_{opts.model_name}"):
            count = model._default_manager.possible_duplicates().count()
            url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
            rows.append(
                (f"possible duplicate {opts.verbose_name_plural}", count, f"{url}?duplicate=yes")
            )
    return rows
