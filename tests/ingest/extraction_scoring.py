"""Score the importer's dry-run output against the hand-written gold annotations.

Matching follows tests/fixtures/gold/README.md: organizations by normalised name, acronym or any
alias; people by name ignoring honorifics (a first name alone matches its own gold entry);
conventions by identifier; events by kind and start date (one a prefix of the other) or by a
similar name in the same year. Optional gold items are neutral: no credit, no penalty.
"""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass
from pathlib import Path

from advocacy_site.names import name_key
from documents.ingest.reference import acronym_key

GOLD_DIR = Path(__file__).parent.parent / "fixtures" / "gold"
# Gold files are named after the seed files; data/sources/ names them by what they are.
GOLD_TO_SOURCE = {
    "000_c6552ff44db76908": "asian-inter-parliamentary-caucus-on-labour-migration-2011.txt",
    "001_72094d36067bacef": "migrant-technical-assistance-group-workshop-2007.txt",
    "002_61c40e9546e651c3": "ilo-regional-programme-on-migration-fact-sheet.txt",
    "003_cfa2a909a0d81c24": "ilo-trade-union-training-on-labour-migration-kathmandu-2018.txt",
    "004_38ba82dc4d7e0f1b": "asean-cso-trade-union-consultation-singapore-2007.txt",
}
TYPES = ("organizations", "people", "conventions", "events")


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def load_gold() -> dict[str, dict]:
    """Gold documents keyed by the data/sources/ file name."""
    return {
        GOLD_TO_SOURCE[path.stem]: json.loads(path.read_text(encoding="utf-8"))
        for path in sorted(GOLD_DIR.glob("*.json"))
    }


def _org_keys(gold: dict) -> tuple[set[str], set[str]]:
    names = {name_key(n) for n in [gold["name"], *gold.get("aliases", [])]}
    acronyms = {acronym_key(a) for a in [gold.get("acronym") or "", *gold.get("aliases", [])] if a}
    return names, acronyms


def _org_match(pred: dict, gold: dict) -> bool:
    names, acronyms = _org_keys(gold)
    if name_key(pred["name"]) in names:
        return True
    return bool(pred.get("acronym")) and acronym_key(pred["acronym"]) in acronyms


def _person_match(pred: dict, gold: dict) -> bool:
    keys = {name_key(n) for n in [gold["name"], *gold.get("aliases", [])]}
    return name_key(pred["name"]) in keys


def _convention_match(pred: dict, gold: dict) -> bool:
    return pred["id"].upper() == gold["id"].upper()


def _event_match(pred: dict, gold: dict) -> bool:
    p_start, g_start = pred.get("start") or "", gold.get("start") or ""
    same_time = bool(p_start and g_start) and (
        p_start.startswith(g_start) or g_start.startswith(p_start)
    )
    if pred["kind"] == gold["kind"] and same_time:
        return True
    names = [gold["name"], *gold.get("aliases", [])]
    similar = max(
        difflib.SequenceMatcher(None, name_key(pred["name"]), name_key(n)).ratio() for n in names
    )
    return similar >= 0.75 and p_start[:4] == g_start[:4]


MATCHERS = {
    "organizations": _org_match,
    "people": _person_match,
    "conventions": _convention_match,
    "events": _event_match,
}


def score_document(predicted: dict, gold: dict) -> dict[str, Score]:
    scores = {}
    for kind in TYPES:
        score = Score()
        unmatched_gold = list(gold.get(kind, []))
        for pred in predicted.get(kind, []):
            hit = next((g for g in unmatched_gold if MATCHERS[kind](pred, g)), None)
            if hit is None:
                score.fp += 1
                continue
            unmatched_gold.remove(hit)
            if not hit.get("optional"):
                score.tp += 1
        score.fn = sum(1 for g in unmatched_gold if not g.get("optional"))
        scores[kind] = score
    return scores


def score_corpus(predicted_documents: list[dict], gold: dict[str, dict]) -> dict[str, Score]:
    totals = {kind: Score() for kind in TYPES}
    for doc in predicted_documents:
        if doc["file"] not in gold:
            continue
        for kind, score in score_document(doc, gold[doc["file"]]).items():
            totals[kind].tp += score.tp
            totals[kind].fp += score.fp
            totals[kind].fn += score.fn
    return totals


def format_table(scores: dict[str, Score]) -> str:
    lines = [f"{'type':<14}{'precision':>10}{'recall':>8}{'tp':>5}{'fp':>5}{'fn':>5}"]
    for kind, s in scores.items():
        lines.append(f"{kind:<14}{s.precision:>10.2f}{s.recall:>8.2f}{s.tp:>5}{s.fp:>5}{s.fn:>5}")
    return "\n".join(lines)
