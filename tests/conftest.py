from pathlib import Path

import pytest
from django.conf import settings as django_settings

SOURCES_DIR = Path(django_settings.BASE_DIR) / "data" / "sources"


@pytest.fixture(autouse=True)
def _plain_static_storage(settings):
    # Pages render {% static %} without a collectstatic manifest in tests.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def sources_dir() -> Path:
    return SOURCES_DIR
