"""Find international instruments: ILO numbers in every usual form, and named instruments."""

from __future__ import annotations

import re
from functools import cache

from .findings import ConventionFinding, Span
from .phrases import PhraseMatcher
from .reference import Instrument, ilo_instrument_id, instruments

_NUM = r"(?:No\.?\s*)?(\d{1,3})"
_LIST = _NUM + r"((?:\s*(?:,|and|&|/)\s*(?:No\.?\s*)?\d{1,3})*)"
ILO_PATTERNS = [
    # ILO Convention 189, Convention No. 143, Conventions 87 and 98, conventions, 97 and 143
    (
        "ilo-number",
        re.compile(
            r"\b(?P<kind>Conventions?|Recommendations?|Protocols?)\b(?:\s+Nos?\.?)?[\s,]+(?:\(?)"
            + _LIST,
            re.I,
        ),
    ),
    # C189, C 87, R201, P029 (upper case only: 'c189' is rarely an instrument)
    ("ilo-code", re.compile(r"\b(?P<kind>[CRP])\s?(\d{2,3})\b(?![\d.,]*\s*(?:%|km|kg))")),
]
KIND_LETTER = {"c": "C", "r": "R", "p": "P"}


def _numbers(first: str, rest: str) -> list[int]:
    return [int(first), *(int(n) for n in re.findall(r"\d{1,3}", rest or ""))]


@cache
def _named_matcher() -> PhraseMatcher[str]:
    """Every named instrument's title and aliases (acronyms match in capitals only)."""
    chosen: dict[tuple[str, bool], str] = {}
    for inst in instruments().values():  # in number order: a revision's name wins over the old
        if inst.body == "ILO" and inst.number:
            names = [inst.short_name, inst.short_name.replace(" (Revised)", ""), *inst.aliases]
        else:  # ILO titles with years are recognised through their numbers
            names = [inst.title, inst.short_name, *inst.aliases]
        for name in (n for n in names if len(n) >= 4):
            chosen[(name, name.isupper() and len(name) <= 8)] = inst.id
    matcher: PhraseMatcher[str] = PhraseMatcher()
    for (name, case_sensitive), inst_id in chosen.items():
        matcher.add(name, inst_id, case_sensitive=case_sensitive)
    return matcher


# General forms of the instruments migrant-labour texts name most, beyond their exact titles.
FLEXIBLE = [
    (
        r"Conventions?\s+on\s+(?:the\s+)?(?:Protection\s+of\s+the\s+)?Rights\s+of\s+(?:All\s+)?Migrant\s+Workers\s+and\s+(?:Members\s+of\s+)?(?:their|Their)\s+Famil(?:y|ies)",
        "UN-ICRMW",
    ),
    (
        r"ASEAN\s+Declaration\s+on\s+(?:the\s+)?(?:Protection\s+and\s+Promotion|Promotion\s+and\s+Protection|Protection)\s+of\s+(?:the\s+)?(?:Rights\s+of\s+)?Migrant\s+Workers",
        "ASEAN-DMW-2007",
    ),
    (
        r"ASEAN\s+Consensus\s+on\s+(?:the\s+)?(?:Protection\s+and\s+Promotion|Promotion\s+and\s+Protection)\s+of\s+(?:the\s+)?Rights\s+of\s+Migrant\s+Workers",
        "ASEAN-CONSENSUS-2017",
    ),
    (r"(?:ILO(?:'s)?\s+)?Multilateral\s+Framework(?:\s+on\s+Labou?r\s+Migration)?", "ILO-MFLM"),
    (
        r"Global\s+Compact\s+(?:on|for)\s+(?:Safe,?\s+Orderly\s+and\s+Regular\s+)?Migration",
        "UN-GCM",
    ),
    (
        r"Sustainable\s+Development\s+Goals|\bSDGs?\b|2030\s+Agenda\s+for\s+Sustainable\s+Development",
        "UN-SDGS",
    ),
]
FLEXIBLE_PATTERNS = [(re.compile(p, re.I), i) for p, i in FLEXIBLE]


def find_conventions(text: str) -> dict[str, ConventionFinding]:
    found: dict[str, ConventionFinding] = {}
    known = instruments()
    taken: list[tuple[int, int]] = []

    def add(inst_id: str, start: int, end: int, rule: str, confidence: float) -> None:
        inst: Instrument | None = known.get(inst_id)
        if inst is None:
            return
        finding = found.setdefault(inst_id, ConventionFinding(inst_id, inst.title))
        finding.spans.append(Span(start, end, text[start:end], rule, confidence))

    def free(start: int, end: int) -> bool:
        return not any(start < e and s < end for s, e in taken)

    for pattern, inst_id in FLEXIBLE_PATTERNS:
        for m in pattern.finditer(text):
            if free(*m.span()):
                taken.append(m.span())
                add(inst_id, *m.span(), "instrument-name", 0.9)
    for hit in _named_matcher().finditer(text):
        if free(hit.start, hit.end):
            taken.append((hit.start, hit.end))
            add(hit.value, hit.start, hit.end, "instrument-name", 0.9)
    for rule, pattern in ILO_PATTERNS:
        for m in pattern.finditer(text):
            if not free(*m.span()):
                continue
            letter = KIND_LETTER[m.group("kind")[0].lower()]
            if rule == "ilo-code":
                numbers = [int(m.group(2))]
                confidence = 0.85
            else:
                numbers = _numbers(m.group(2), m.group(3))
                context = text[max(0, m.start() - 60) : m.end() + 10]
                # "Convention 189" is an ILO number when the ILO or labour is in sight.
                confidence = 0.95 if re.search(r"\bILO\b|[Ll]abou?r|[Ww]orkers?", context) else 0.6
            taken.append(m.span())
            for number in numbers:
                if 1 <= number <= 250:
                    add(ilo_instrument_id(letter, number), *m.span(), rule, confidence)
    return found
