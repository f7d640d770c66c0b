"""Extraction quality on the source texts, scored against hand-written gold annotations."""

import pytest
from django.conf import settings

from documents.services import archive_dry_run

from .extraction_scoring import format_table, load_gold, score_corpus

TARGETS = {  # (precision, recall) the importer must reach on the seed texts
    "organizations": (0.9, 0.9),
    "conventions": (0.9, 0.9),
    "people": (0.85, 0.85),
    "events": (0.85, 0.85),
}


def test_extraction_meets_its_targets_on_the_seed_texts(record_quality_table):
    result = archive_dry_run(paths=[settings.ARCHIVE_SOURCES_DIR])
    scores = score_corpus(result["documents"], load_gold())
    record_quality_table("seed texts", format_table(scores))
    for kind, (precision, recall) in TARGETS.items():
        assert scores[kind].precision >= precision, (kind, format_table(scores))
        assert scores[kind].recall >= recall, (kind, format_table(scores))


@pytest.mark.parametrize("kind", ["organizations", "people", "conventions", "events"])
def test_gold_files_name_only_what_they_list(kind):
    for gold in load_gold().values():
        names = {o["name"] for o in gold["organizations"]}
        for event in gold["events"]:
            assert all(o["name"] in names for o in event.get("organizations", [])), event["name"]
