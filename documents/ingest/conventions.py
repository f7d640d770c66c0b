"""Find international instruments: ILO numbers in every usual form, and named instruments."""

from __future__ import annotations

import re
from functools import cache

from .findings import ConventionFinding, Span
from .phrases import CaselessPattern, PhraseMatcher
from .reference import Instrument, ilo_instrument_id, instruments

_NUM = r"(?:no\.?\s*)?(\d{1,3})"
_LIST = _NUM + r"((?:\s*(?:,|and|&|/)\s*(?:no\.?\s*)?\d{1,3})*)"
ILO_PATTERNS = [
    # ILO Convention 189, Convention No. 143, Conventions 87 and 98, conventions, 97 and 143
    (
        "ilo-number",
        CaselessPattern(
            r"\b(?P<kind>conventions?|recommendations?|protocols?)\b(?:\s+nos?\.?)?[\s,]+(?:\(?)"
            + _LIST,
            opening=("convention", "recommendation", "protocol"),
        ),
    ),
    # C189, C 87, R201, P029 (upper case only: 'c189' is rarely an instrument). The letter
    # comes first and then "not after a word character", so the engine can jump to C, R and P.
    ("ilo-code", re.compile(r"(?P<kind>[CRP])(?<!\w.)\s?(\d{2,3})\b(?![\d.,]*\s*(?:%|km|kg))")),
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
# In lower case: they are searched case-insensitively.
FLEXIBLE = [
    (
        r"conventions?\s+on\s+(?:the\s+)?(?:protection\s+of\s+the\s+)?rights\s+of\s+(?:all\s+)?migrant\s+workers\s+and\s+(?:members\s+of\s+)?their\s+famil(?:y|ies)",
        "UN-ICRMW",
        (),
    ),
    (
        r"asean\s+declaration\s+on\s+(?:the\s+)?(?:protection\s+and\s+promotion|promotion\s+and\s+protection|protection)\s+of\s+(?:the\s+)?(?:rights\s+of\s+)?migrant\s+workers",
        "ASEAN-DMW-2007",
        (),
    ),
    (
        r"asean\s+consensus\s+on\s+(?:the\s+)?(?:protection\s+and\s+promotion|promotion\s+and\s+protection)\s+of\s+(?:the\s+)?rights\s+of\s+migrant\s+workers",
        "ASEAN-CONSENSUS-2017",
        (),
    ),
    (
        r"(?:ilo(?:'s)?\s+)?multilateral\s+framework(?:\s+on\s+labou?r\s+migration)?",
        "ILO-MFLM",
        ("multilateral",),
    ),
    (
        r"global\s+compact\s+(?:on|for)\s+(?:safe,?\s+orderly\s+and\s+regular\s+)?migration",
        "UN-GCM",
        (),
    ),
    (
        r"sustainable\s+development\s+goals|\bsdgs?\b|2030\s+agenda\s+for\s+sustainable\s+development",
        "UN-SDGS",
        ("sustainable", "sdg"),
    ),
]
# The words the forms opening on an optional part or a word boundary open with: see
# CaselessPattern's `opening`.
FLEXIBLE_OPENINGS = {"ILO-MFLM": ("ilo", "multilateral"), "UN-SDGS": ("sustainable", "sdg", "2030")}
FLEXIBLE_PATTERNS = [
    (CaselessPattern(p, clues=clues, opening=FLEXIBLE_OPENINGS.get(i, ())), i)
    for p, i, clues in FLEXIBLE
]


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
