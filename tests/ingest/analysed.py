"""Importer helpers for the event tests: a text analysed as the pipeline would."""

from pathlib import Path

from documents.ingest.pipeline import analyse_source
from documents.ingest.sources import SourceText


def analyse(text: str):
    return analyse_source(SourceText(Path("t.txt"), "t.txt", text, "", "txt"))


def events_of(text: str) -> list[tuple]:
    return [
        (e.name, e.kind, e.date.iso("start") if e.date else None, e.city or None)
        for e in analyse(text).events
    ]
