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


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    # Tests change rows with `.update()` between requests; `page_cache` turns the cache on.
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0


@pytest.fixture
def page_cache(settings):
    """The public page cache on, empty (tests roll back the version it is keyed on)."""
    from django.core.cache import cache

    settings.PUBLIC_PAGE_CACHE_SECONDS = 60
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def graph(db):
    """A small archive with every record type linked to every other, indexed for search."""
    from documents.search import search_index_rebuild

    from .factories import make_archive_graph

    records = make_archive_graph()
    search_index_rebuild()
    return records


@pytest.fixture
def empty_search_index(transactional_db):
    """Committed tests' rows are flushed between tests, but SQLite's FTS5 table is no model's
    and keeps its rows: a test that looks for entries starts from an empty index."""
    from documents.search import search_backend_ensure
    from documents.search.index import engine

    search_backend_ensure()
    engine().clear()


@pytest.fixture
def sources_dir() -> Path:
    return SOURCES_DIR


@pytest.fixture
def curator(db):
    """A staff account in the Curators group, as `manage.py create_curator` makes one."""
    from organizations.services import curator_create

    return curator_create(username="curator", email="curator@example.org", password="x-Pass-9z!")


@pytest.fixture
def curator_client(client, curator):
    client.force_login(curator)
    return client


_quality_tables: list[tuple[str, str]] = []


@pytest.fixture
def record_quality_table():
    """Tables a test wants shown in the run's summary (extraction precision and recall)."""
    return lambda title, table: _quality_tables.append((title, table))


def pytest_terminal_summary(terminalreporter):
    for title, table in _quality_tables:
        terminalreporter.section(f"importer quality: {title}")
        terminalreporter.write_line(table)
