"""Where two findings claim the same words, one shared rule decides: run once, after the
extractors of names and before those that relate them.

A name inside a longer name belongs to the longer one: "ASEAN" in "ASEAN Declaration" is part of
an instrument's name, and "ASEAN Forum on Migrant Labour" is a gathering, never a body. A known
body named within a gathering's name stays a body ("Abu Dhabi Dialogue" in "the Fifth Abu Dhabi
Dialogue Ministerial Consultation"), and so does a standing body that meets under its own name
where no edition is named: "the 5th SLOM" is a gathering, "Chairman of the SLOM" a body.
"""

from __future__ import annotations

from .findings import DocumentAnalysis, OrganizationFinding, Span
from .series import SeriesMention


def settle_overlaps(analysis: DocumentAnalysis) -> None:
    """Drop the organization mentions that lie within an instrument's or a gathering's name;
    a body left with no mention is no longer found."""
    instruments = [(s.start, s.end) for c in analysis.conventions.values() for s in c.spans]
    kept = {}
    for key, org in analysis.organizations.items():
        org.spans = [
            span
            for span in org.spans
            if not any(a <= span.start and span.end <= b for a, b in instruments)
            and not any(_taken_by_gathering(org, span, m) for m in analysis.series_mentions)
        ]
        if org.spans:
            kept[key] = org
    analysis.organizations = kept


def _taken_by_gathering(org: OrganizationFinding, span: Span, mention: SeriesMention) -> bool:
    if not (span.start < mention.end and mention.start < span.end):
        return False
    if not (org.known and mention.start <= span.start and span.end <= mention.end):
        return True  # an unknown name over a gathering's, or one that runs out of it
    if _names_the_series(org, mention):
        return mention.edition is not None
    return span.end - span.start >= mention.end - mention.start


def _names_the_series(org: OrganizationFinding, mention: SeriesMention) -> bool:
    series = mention.series
    return bool({org.name, org.acronym} & {series.name, series.acronym} - {""})
