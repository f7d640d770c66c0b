"""Find international instruments: named instruments in their usual forms, and ILO numbers.

Each rule is one record: its pattern, where a match can open, and what it builds. Named forms
come first, then titles and aliases from data/reference/instruments.csv, then ILO numbers; a
later rule never takes text an earlier one took.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from .findings import ConventionFinding, Span
from .instrument_titles import cited, instrument_titles
from .phrases import CaselessPattern
from .reference import ilo_instrument_id, instruments


@dataclass(frozen=True)
class NamedForm:
    """A general form of one instrument's name, beyond its exact titles.

    `pattern` is lower case and searched case-insensitively, unless `case_sensitive`.
    `openings`: the words every match opens with, needed when the pattern opens on an optional
    part or a word boundary (see `CaselessPattern`). `keep`: a further test of the match in its
    text (text, start, end), for forms that also name other things.
    """

    name: str
    pattern: str
    builds: str  # the instrument's id in instruments.csv
    openings: tuple[str, ...] = ()
    case_sensitive: bool = False
    keep: Callable[[str, int, int], bool] | None = None

    @cached_property
    def compiled(self) -> CaselessPattern | re.Pattern:
        if self.case_sensitive:
            return re.compile(self.pattern)
        return CaselessPattern(self.pattern, opening=self.openings)


def _migration_compact(text: str, start: int, end: int) -> bool:
    """'the Global Compact' is the GCM in a text on migration, not the UN's business
    initiative (the 'UN Global Compact', its networks) nor the refugee compact."""
    before = text[max(0, start - 16) : start].lower()
    if re.search(r"\b(?:un|united nations)['’s]*\s+$", before):
        return False
    return "migra" in text[max(0, start - 300) : end + 300].lower()


# Word forms shared by the rules: "migrants workers", "member of their family" and the like.
_MIGRANT_WORKERS = r"migrants?['’]?\s+workers?['’]?"
_PROTECT_PROMOTE = (
    r"(?:protection\s+and\s+(?:the\s+)?promotion|promotion\s+and\s+(?:the\s+)?protection)"
)
_RIGHTS_OF_MIGRANT_WORKERS = (
    rf"(?:the\s+)?{_PROTECT_PROMOTE}\s+of\s+(?:the\s+)?rights?\s+of\s+(?:all\s+)?{_MIGRANT_WORKERS}"
)
_FRAMEWORK_INSTRUMENT = (
    rf"framework\s+instrument\b(?:\s+(?:on|for)\s+{_RIGHTS_OF_MIGRANT_WORKERS})?"
)

NAMED_FORMS = [
    NamedForm(
        "icrmw-title",
        r"(?:international\s+)?conventions?\s+on\s+(?:the\s+)?(?:protection\s+of\s+(?:the\s+)?)?"
        rf"rights?\s+of\s+(?:all\s+)?{_MIGRANT_WORKERS}\s+and\s+(?:(?:the\s+)?members?\s+of\s+)?"
        r"their\s+famil(?:y|ies)",
        "UN-ICRMW-1990",
        openings=("international", "convention"),
    ),
    NamedForm(
        "asean-declaration-title",
        r"asean\s+declaration\s+on\s+(?:the\s+)?(?:protection\s+and\s+promotion|promotion\s+and\s+"
        r"protection|protection)\s+of\s+(?:the\s+)?(?:rights\s+of\s+)?" + _MIGRANT_WORKERS,
        "ASEAN-DECL-MW-2007",
    ),
    NamedForm(
        "asean-consensus-title",
        rf"asean\s+consensus\s+on\s+{_RIGHTS_OF_MIGRANT_WORKERS}",
        "ASEAN-CONSENSUS-MW-2017",
    ),
    NamedForm(
        # The Task Force on ASEAN Migrant Workers' civil-society proposal (2009), before the
        # official draft that ASEAN's own bodies worked on.
        "civil-society-framework-instrument",
        r"(?:civil\s+society|cso|task\s+force(?:['’]s)?)\s+"
        r"(?:proposal(?:\s+(?:for|on)\s+(?:an?|the)\b)?[:\s]+)?"
        r"(?:(?:draft|model)\s+)*(?:asean\s+)?" + _FRAMEWORK_INSTRUMENT,
        "TFAMW-CSO-FI-2009",
        openings=("civil", "cso", "task"),
    ),
    NamedForm("asean-framework-instrument", r"asean\s+" + _FRAMEWORK_INSTRUMENT, "ASEAN-FI-MW"),
    NamedForm(
        "multilateral-framework",
        r"(?:ilo(?:['’]s)?\s+)?multilateral\s+framework(?:\s+on\s+labou?r\s+migration)?",
        "ILO-MFLM",
        openings=("ilo", "multilateral"),
    ),
    NamedForm(
        "gcm-title",
        r"global\s+compact\s+(?:on|for)\s+(?:safe,?\s+orderly,?\s+(?:and\s+)?regular\s+)?migration",
        "UN-GCM-2018",
    ),
    NamedForm(
        "gcm-short",
        r"global\s+compact\b(?!s|\s+(?:on|for)\s+refugees|\s+network)",
        "UN-GCM-2018",
        keep=_migration_compact,
    ),
    # Written to open on its letters, so the engine jumps to them.
    NamedForm("gcm-acronym", r"GCM(?<!\wGCM)\b", "UN-GCM-2018", case_sensitive=True),
]


@dataclass(frozen=True)
class NumberForm:
    """A way of citing ILO instruments by number; `numbers` holds one or more of them."""

    name: str
    pattern: re.Pattern | CaselessPattern
    confidence: float
    # The confidence when neither the ILO, labour nor workers are in sight ("Convention 189"
    # is an ILO number when they are); 0: then it is no instrument at all.
    without_context: float | None = None


_NO = r"(?:no\.?\s*)?\d{1,3}\b"
_SEPARATOR = r"\s*(?:,\s*(?:and\s+)?|and\s+|&\s*|/\s*)"
# "Conventions 97 on Migration for Employment and 143 on Migrant Workers": a number after a
# subject counts only when a subject, a bracket or the phrase's end follows it, never "100
# million".
_SUBJECT = r"\s+(?:on|concerning)\s+[a-z][a-z'’-]*(?:\s+\(?[a-z][a-z'’-]*\)?){0,5}?"
_NEXT = (
    rf"(?:{_SUBJECT}{_SEPARATOR}{_NO}(?=\s+(?:on|concerning)\b|\s*[(),;.:]|\s*$)|{_SEPARATOR}{_NO})"
)

NUMBER_FORMS = [
    # ILO Convention 189, Convention No. 143, Conventions 87 and 98, Conventions Nos. 97 & 143
    NumberForm(
        "ilo-number",
        CaselessPattern(
            r"\b(?P<kind>conventions?|recommendations?|protocols?)\b(?:\s+nos?\.?)?[\s,]+\(?"
            rf"(?P<numbers>{_NO}(?:{_NEXT})*)",
            opening=("convention", "recommendation", "protocol"),
        ),
        confidence=0.95,
        without_context=0.6,
    ),
    # "the Convention, 2011 (No. 189)", "Convention of 2011 (C189)": the year is the citation's.
    NumberForm(
        "ilo-year-number",
        CaselessPattern(
            r"\b(?P<kind>convention|recommendation|protocol),?\s+(?:of\s+)?(?:19|20)\d\d,?\s*"
            r"\((?:no\.?\s*|c\s?)(?P<numbers>\d{1,3})\)",
            opening=("convention", "recommendation", "protocol"),
        ),
        confidence=0.95,
    ),
    # C189, C 87, C.97, R201, P029 (upper case only: 'c189' is rarely an instrument). The letter
    # comes first and then "not after a word character", so the engine can jump to C, R and P.
    NumberForm(
        "ilo-code",
        re.compile(
            r"(?P<kind>[CRP])(?<!\w.)[.\s]?(?P<numbers>\d{2,3})\b"
            r"(?!\.\d|[\d.,]*\s*(?:%|km|kg))"
        ),
        confidence=0.85,
    ),
    # C-189, only among labour words: a C-130 is an aircraft.
    NumberForm(
        "ilo-code-hyphen",
        re.compile(r"(?P<kind>[CRP])(?<!\w.)-(?P<numbers>\d{2,3})\b(?![\d.,-])"),
        confidence=0.85,
        without_context=0.0,
    ),
]
_ILO_CONTEXT = re.compile(r"\bILO\b|[Ll]abou?r|[Ww]orkers?")


class _Found:
    """Findings of one text, and the stretches already taken."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.by_id: dict[str, ConventionFinding] = {}
        self.taken: list[tuple[int, int]] = []

    def free(self, start: int, end: int) -> bool:
        return not any(start < e and s < end for s, e in self.taken)

    def add(self, inst_id: str, start: int, end: int, rule: str, confidence: float) -> None:
        inst = instruments().get(inst_id)
        if inst is None:
            return
        finding = self.by_id.setdefault(inst_id, ConventionFinding(inst_id, inst.title))
        finding.spans.append(Span(start, end, self.text[start:end], rule, confidence))

    def add_cited(self, inst_id: str, start: int, end: int, rule: str, confidence: float) -> None:
        """One instrument's mention, with its citation's year and number."""
        inst = instruments().get(inst_id)
        if inst is None:
            return
        start, end, inst_id = cited(self.text, start, end, inst)
        if self.free(start, end):
            self.taken.append((start, end))
            self.add(inst_id, start, end, rule, confidence)


def find_conventions(text: str) -> dict[str, ConventionFinding]:
    found = _Found(text)
    for form in NAMED_FORMS:
        for m in form.compiled.finditer(text):
            if found.free(*m.span()) and (form.keep is None or form.keep(text, *m.span())):
                found.add_cited(form.builds, *m.span(), form.name, 0.9)
    for hit in instrument_titles().finditer(text):
        if found.free(hit.start, hit.end):
            found.add_cited(hit.id, hit.start, hit.end, "instrument-name", 0.9)
    for form in NUMBER_FORMS:
        for m in form.pattern.finditer(text):
            if found.free(*m.span()):
                _add_numbers(found, form, m)
    return found.by_id


def _add_numbers(found: _Found, form: NumberForm, m: re.Match) -> None:
    letter = m.group("kind")[0].upper()  # the subjects between numbers hold no digits
    numbers = [int(n) for n in re.findall(r"\d{1,3}", m.group("numbers"))]
    confidence = form.confidence
    if form.without_context is not None:
        context = found.text[max(0, m.start() - 60) : m.end() + 10]
        if not _ILO_CONTEXT.search(context):
            confidence = form.without_context
    if not confidence:
        return
    ids = [ilo_instrument_id(letter, n) for n in numbers if 1 <= n <= 250]
    if len(ids) == 1:
        found.add_cited(ids[0], *m.span(), form.name, confidence)
        return
    found.taken.append(m.span())
    for inst_id in ids:
        found.add(inst_id, *m.span(), form.name, confidence)
