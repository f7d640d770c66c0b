"""The one rule for words two findings claim (documents/ingest/overlaps.py), seen through the
pipeline: which bodies stay bodies when an instrument's or a gathering's name holds them."""

from pathlib import Path

import pytest

from documents.ingest.pipeline import NAME_EXTRACTORS, RELATION_EXTRACTORS, analyse_source
from documents.ingest.sources import SourceText


def bodies_in(text: str) -> set[str]:
    analysis = analyse_source(SourceText(Path("t.txt"), "t.txt", text, "", "txt"))
    return {n for o in analysis.organizations.values() for n in (o.name, o.acronym) if n}


@pytest.mark.parametrize(
    ("text", "bodies", "not_bodies"),
    [
        (  # a body's name used in an instrument's title is the instrument's
            "Unions urged governments to apply the ASEAN Declaration on the Protection and "
            "Promotion of the Rights of Migrant Workers.",
            set(),
            {"ASEAN"},
        ),
        (  # a recurring gathering is never a body
            "The 10th ASEAN Forum on Migrant Labour met in Manila on 25 October 2017.",
            set(),
            {"AFML", "ASEAN Forum on Migrant Labour"},
        ),
        (  # a known body inside a gathering's name stays a body
            "Ministers attended the Fifth Abu Dhabi Dialogue Ministerial Consultation on "
            "16 October 2019.",
            {"Abu Dhabi Dialogue"},
            set(),
        ),
        (  # a standing body that meets under its own name, where no edition is named
            "The plan went to the Chairman of the ASEAN Senior Labour Officials Meeting (SLOM).",
            {"SLOM"},
            set(),
        ),
        (  # ... and the same name with an edition is the gathering
            "The 5th ASEAN Senior Labour Officials Meeting (SLOM) met on 12 May 2009.",
            set(),
            {"SLOM"},
        ),
    ],
)
def test_one_rule_settles_names_inside_names(text, bodies, not_bodies):
    found = bodies_in(text)
    assert bodies <= found
    assert not (not_bodies & found)


def test_names_are_settled_before_anything_relates_them():
    """People and events read organizations only after the overlap rule has run."""
    names = [extractor.finds for extractor in NAME_EXTRACTORS]
    relations = [extractor.finds for extractor in RELATION_EXTRACTORS]
    assert names == ["conventions", "series_mentions", "organizations"]
    assert relations == ["people", "events", "tags"]
