"""Guards on the project as a whole: migrations, admin registration, addresses."""

from io import StringIO

import pytest
from django.apps import apps
from django.contrib import admin
from django.core.management import call_command
from simple_history.models import HistoricalChanges

pytestmark = pytest.mark.django_db

PUBLIC_MODELS = {
    "documents.sourcedocument",
    "documents.event",
    "documents.eventseries",
    "documents.convention",
    "organizations.organization",
    "organizations.person",
}


def _project_models():
    # Historical models are simple-history's copies, shown through each record's history page.
    return [
        m
        for app in ("documents", "organizations")
        for m in apps.get_app_config(app).get_models()
        if not issubclass(m, HistoricalChanges)
    ]


def test_models_and_migrations_agree():
    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()


def test_every_model_is_in_the_admin():
    missing = [m._meta.label for m in _project_models() if not admin.site.is_registered(m)]
    assert missing == []


def test_every_public_model_has_an_address_and_an_ordering():
    for model in _project_models():
        assert model._meta.ordering, model._meta.label
        if model._meta.label_lower in PUBLIC_MODELS:
            assert hasattr(model, "get_absolute_url"), model._meta.label


def test_system_checks_pass():
    call_command("check", fail_level="WARNING")
