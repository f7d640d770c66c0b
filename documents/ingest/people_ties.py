"""What the text ties a person to (a title, an organization), and adding a person once.

Read once for every rule that finds a name, so each rule only says where the name is.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from advocacy_site.names import name_key

from .findings import OrganizationFinding, PersonFinding, Span
from .people_names import BEFORE_TITLE, FULL_NAME, TITLE
from .people_words import HONORIFIC

# --- what a person is tied to -----------------------------------------------------------------

CLAUSE_END = re.compile(rf";|\.\s|\n|,\s+and\s|\s+and\s+(?:{HONORIFIC})\s")
TITLE_END = re.compile(r"[;(]|,\s|\s+(?:at|from)\s+(?:the\s+)?(?=[A-Z])|\s+[-–—]\s+")
TITLE_TRAILER = re.compile(r"(?:\s+(?:of|at|from|in|for|with|the|and))+\s*$|['’]s$")
SENTENCE_BREAK = re.compile(r"[.!?;]\s|\n")
# Between a body and the name it heads: "ITUC-AP General Secretary ", "MFA's ", "ILO: ".
HEADED_BY = re.compile(
    rf"^\)?(?:['’]s)?[ \t]*(?:[,:–—-][ \t]*)?(?:(?:[A-Z][\w-]*|of|for|the)[ \t]+)*(?:{HONORIFIC}[ \t]+)?$"
)
# Names listed after a body: "on behalf of the MMN: Ms A and Ms B".
LISTED_AFTER = re.compile(
    rf"^[ \t]*:[ \t]*(?:(?:{HONORIFIC}[ \t]+)?{FULL_NAME}[ \t]*(?:,|and|&)[ \t]*)*(?:{HONORIFIC}[ \t]+)?$"
)


PROGRAMME = re.compile(r"\b(?:Programme|Program|Project)$")


class OrgMentions:
    """Where the text names its organizations, in order, so a rule asks "which body is named
    here" with a binary search rather than a walk over every mention."""

    LONGEST = 250  # no mention is longer: overlap checks look back this far

    def __init__(self, orgs: dict[str, OrganizationFinding]) -> None:
        self.orgs = orgs
        self.spans = sorted((s.start, s.end, key) for key, org in orgs.items() for s in org.spans)
        self.starts = [start for start, _end, _key in self.spans]

    def within(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """The mentions lying within [start, end), in order."""
        spans = self.spans[bisect_left(self.starts, start) : bisect_left(self.starts, end)]
        return [span for span in spans if span[1] <= end]

    def first(self, start: int, end: int) -> str:
        """The key of the body whose mention lies within [start, end), nearest the start."""
        found = self.within(start, end)
        return found[0][2] if found else ""

    def overlaps(self, start: int, end: int) -> bool:
        low = bisect_left(self.starts, start - self.LONGEST)
        spans = self.spans[low : bisect_left(self.starts, end)]
        return any(s < end and start < e for s, e, _key in spans)

    def is_programme(self, key: str) -> bool:
        """A programme or project a body runs ("TRIANGLE in ASEAN", "the X Project"), which
        no one works for but through the body."""
        org = self.orgs[key]
        return bool(PROGRAMME.search(org.name)) or (org.kind == "other" and bool(org.parent))

    def runner(self, key: str) -> str:
        """The body the text names that runs a programme, else the key itself."""
        if not self.is_programme(key):
            return key
        parent = self.orgs[key].parent
        return next((k for k, org in self.orgs.items() if parent and org.name == parent), key)

    def starts_at(self, at: int) -> bool:
        i = bisect_left(self.starts, at)
        return i < len(self.starts) and self.starts[i] == at


def _clause_end(text: str, start: int) -> int:
    """Where the clause after a name ends: `;`, a sentence end, a line end, or the next name."""
    m = CLAUSE_END.search(text, start, start + 300)
    return m.start() if m else min(len(text), start + 300)


def clean_title(raw: str) -> str:
    title = TITLE_END.split(raw.strip(), maxsplit=1)[0]
    title = TITLE_TRAILER.sub("", " ".join(title.split()).strip(" .,-–"))[:200]
    return title[:1].upper() + title[1:]


def _title_in(tail: str, org_start: int | None) -> str:
    """The title in the clause after a name, up to the organization it names if that follows."""
    m = TITLE.search(tail)
    if not m or not BEFORE_TITLE.fullmatch(tail, 0, m.start()):
        return ""
    end = org_start if org_start is not None and org_start > m.start() else len(tail)
    modifiers = TITLE_MODIFIERS.search(tail, 0, m.start())  # "Regional" in "Regional Coordinator"
    return clean_title(tail[modifiers.start() if modifiers else m.start() : end])


# Capitalised words before a title word belong to it, but not a body's acronym or possessive.
TITLE_MODIFIERS = re.compile(r"(?:(?<![\w’'-])[A-Z][a-z][\w-]*(?<![’']s)[ \t]+)+$")


def _sentence_start(text: str, start: int) -> int:
    """Where the sentence (or line) holding `start` begins, looking back 300 characters."""
    begin = max(0, start - 300)
    last = None
    for last in SENTENCE_BREAK.finditer(text, begin, start):  # noqa: B007
        pass
    return last.end() if last else begin


def affiliation(text: str, mentions: OrgMentions, start: int, end: int) -> tuple[str, str]:
    """(title, organization key) the text ties the name at [start, end) to: in the clause after
    it (`, Title, ORG`, ` - ACR's Role`, ` of ORG`, ` (ORG)`), else just before it (`ORG's
    Title Name`, `ORG: Name and Name`)."""
    stop = _clause_end(text, end)
    after = mentions.within(end, stop)
    bodies = [span for span in after if not mentions.is_programme(span[2])]
    after = bodies or after  # "Adviser, TRIANGLE in ASEAN, ILO": the body that runs it
    org_key, org_start = (after[0][2], after[0][0]) if after else ("", None)
    org_key = mentions.runner(org_key) if org_key else org_key
    title = _title_in(text[end:stop], None if org_start is None else org_start - end)
    if org_key:
        return title, org_key
    before = mentions.within(_sentence_start(text, start), start)
    for _span_start, span_end, key in sorted(before, key=lambda span: -span[1]):
        between = text[span_end:start]
        if HEADED_BY.match(between) or LISTED_AFTER.match(between):
            return title, key
    return title, ""


# --- adding a person --------------------------------------------------------------------------

LEADING_HONORIFIC = re.compile(rf"^({HONORIFIC})\s+")


def add_person(found, *, name, honorific, title, org_key, text, start, end, rule, confidence):
    lead = LEADING_HONORIFIC.match(name)
    if lead:  # "Dato' Lim Kok Seng": the honorific is not part of the name
        honorific = honorific or lead.group(1)
        start += lead.end()
        name = name[lead.end() :]
    name = " ".join(name.split()).strip(" ,.-")
    key = name_key(name)
    person = found.get(key)
    if person is None:
        # "Jean" after "Jean D Cunha", "Samydorai" after "Sinapan Samydorai": one person.
        person = next(
            (
                p
                for p in found.values()
                if len(key.split()) == 1 and key in (p.key.split()[0], p.key.split()[-1])
            ),
            None,
        )
    if person is None:
        person = found[key] = PersonFinding(key=key, name=name, honorific=honorific)
    if title and not person.title:
        person.title = title
    if org_key and not person.organization_key:
        person.organization_key = org_key
    person.spans.append(Span(start, end, text[start:end], rule, confidence))
    return person
