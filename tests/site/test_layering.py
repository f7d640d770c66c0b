"""The layering rule (README, Layout): model modules import downward only, the shared
foundations import no app, and nobody dodges the rule with an import inside a function."""

import ast
from pathlib import Path

import pytest
from django.conf import settings

from documents.kinds import RECORD_KINDS
from documents.search.query import Hit

ROOT = Path(settings.BASE_DIR)
FOUNDATIONS = [
    "advocacy_site/records.py",
    "advocacy_site/partial_dates.py",
    "advocacy_site/names.py",
    "advocacy_site/countries.py",
    "advocacy_site/passages.py",
    "advocacy_site/charts.py",
    "advocacy_site/query_params.py",
]
APPS = ("documents", "organizations")


def _imports(path: str) -> list[tuple[str, bool]]:
    """(module imported, whether at the top level) for each import in the file."""
    tree = ast.parse((ROOT / path).read_text())
    top = set(map(id, tree.body))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, id(node) in top) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            module = ("." * node.level) + (node.module or "")
            found.append((module, id(node) in top))
    return found


@pytest.mark.parametrize(
    ("path", "forbidden"),
    [
        *[(path, APPS) for path in FOUNDATIONS],
        ("organizations/models.py", ("documents",)),
        ("documents/models/records.py", ("documents.views", "documents.search")),
        ("documents/models/links.py", ("documents.views", "documents.search", ".records")),
    ],
)
def test_model_and_foundation_modules_import_downward_only(path, forbidden):
    imported = [module for module, _top in _imports(path)]
    assert [m for m in imported if m.startswith(forbidden)] == []


@pytest.mark.parametrize(
    "path",
    [*FOUNDATIONS, "organizations/models.py", "organizations/views.py", "organizations/admin.py"],
)
def test_no_import_dodges_a_cycle_inside_a_function(path):
    assert [module for module, top in _imports(path) if not top] == []


@pytest.mark.parametrize("kind", RECORD_KINDS, ids=lambda kind: kind.code)
def test_every_record_kind_declares_what_search_reads(kind):
    assert callable(kind.model.index_components)
    assert kind.model.headline_fields
    assert Hit(kind.code, None, 0.0, "").kind_label == kind.singular
