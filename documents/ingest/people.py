"""Find people with their titles and affiliations, in the forms advocacy texts use:
`Name, Title, Organization`, `Organization - Name`, `Dr. Name`, `President Name`, lists of
speakers and presenters, reported speech.

Each way of naming a person is one record in PERSON_PATTERNS (or, for the line-based forms, one
function in LIST_FINDERS); what a person is tied to (title, organization) is read once, by
`affiliation`, whatever rule found the name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from organizations.names import name_key

from .findings import OrganizationFinding, PersonFinding, Span
from .people_words import HONORIFIC, NOT_NAME_WORDS, OFFICE_WORDS, TITLE_WORDS
from .phrases import CaselessPattern, capital_starts, finditer_at
from .reference import cities, countries

# A name word: "Al-Maita", "Pong-Sul", "O'Brien", "McKay", an initial; not a possessive "’s".
_NAME_WORD = (
    r"(?:(?:Mc|Mac|O['’])?[A-Z][a-z’']*[a-z](?:-[A-Za-z](?:[a-z’']*[a-z])?)*(?<!['’]s)|[A-Z]\.?)"
)
_PARTICLE = r"(?:de|da|van|von|bin|binti|dela|del|la|al|el)"
FULL_NAME = rf"{_NAME_WORD}(?:[ \t]+(?:{_PARTICLE}[ \t]+)?{_NAME_WORD}){{1,4}}"
TITLE = re.compile(rf"\b(?:{TITLE_WORDS})\b", re.I)
TITLE_ANYCASE = re.compile(rf"(?:{TITLE_WORDS})", re.I)
# What may come between a name and its title: ", ", " - SERC's ", ", who is a ".
BEFORE_TITLE = re.compile(r"[\s,:–—(-]*(?:(?:[A-Z][\w’'.&-]*|the|a|an|as|who|is|was|also)[ \t]+)*")
DASH = r"[ \t]*(?:-|–|—|:)[ \t]*"
# Degrees between a name and a title: "Sarah Lou Ysmael Arriola, J.D., LLM, Director ..."
POSTNOMINALS = r"(?:(?:J\.?D|LL\.?M|LL\.?B|Ph\.?D|M\.?A|M\.?Sc|MBA|MPA|Esq|Atty)\.?,?[ \t]*)*"
# What a full name is made of: from a capital where these characters do not run up to what a
# pattern needs after the name, that pattern cannot match (and trying it costs more).
_NAME_CHARS = r"[A-Za-z’'\-. \t]"
NAME_THEN_COMMA = re.compile(rf"{_NAME_CHARS}*+,")


def _valid_name(name: str, *, single_ok: bool = False) -> bool:
    words = name.replace(".", ". ").split()
    if not words or (len(words) < 2 and not single_ok):
        return False
    if any(w.lower().strip(".,") in NOT_NAME_WORDS for w in words):
        return False
    if any(TITLE_ANYCASE.fullmatch(w.strip(".,")) for w in words):
        return False  # "General Secretary" is a title, not a name
    if len(words) == 1 and (words[0].lower() in countries() or words[0].lower() in cities()):
        return False
    return single_ok or sum(len(w.strip(".")) > 1 for w in words) >= 2


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


def _org_at(orgs: dict[str, OrganizationFinding], start: int, end: int) -> str:
    """The organization whose mention lies within [start, end), nearest the start."""
    best = ("", 10**9)
    for key, org in orgs.items():
        for span in org.spans:
            if start <= span.start and span.end <= end and span.start - start < best[1]:
                best = (key, span.start - start)
    return best[0]


def _overlaps_org(orgs: dict[str, OrganizationFinding], start: int, end: int) -> bool:
    return any(s.start < end and start < s.end for org in orgs.values() for s in org.spans)


def _org_ending_before(orgs, start: int, end: int) -> list[tuple[int, str]]:
    """(span end, key) of the mentions lying within [start, end), the last first."""
    found = [
        (span.end, key)
        for key, org in orgs.items()
        for span in org.spans
        if start <= span.start and span.end <= end
    ]
    return sorted(found, reverse=True)


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
    return clean_title(tail[m.start() : end])


def _sentence_start(text: str, start: int) -> int:
    """Where the sentence (or line) holding `start` begins, looking back 300 characters."""
    begin = max(0, start - 300)
    last = None
    for last in SENTENCE_BREAK.finditer(text, begin, start):  # noqa: B007
        pass
    return last.end() if last else begin


def affiliation(text: str, orgs, start: int, end: int) -> tuple[str, str]:
    """(title, organization key) the text ties the name at [start, end) to: in the clause after
    it (`, Title, ORG`, ` - ACR's Role`, ` of ORG`, ` (ORG)`), else just before it (`ORG's
    Title Name`, `ORG: Name and Name`)."""
    stop = _clause_end(text, end)
    org_key = _org_at(orgs, end, stop)
    org_start = (
        min((s.start for s in orgs[org_key].spans if end <= s.start < stop), default=None)
        if org_key
        else None
    )
    title = _title_in(text[end:stop], None if org_start is None else org_start - end)
    if org_key:
        return title, org_key
    for span_end, key in _org_ending_before(orgs, _sentence_start(text, start), start):
        between = text[span_end:start]
        if HEADED_BY.match(between) or LISTED_AFTER.match(between):
            return title, key
    return title, ""


# --- adding a person --------------------------------------------------------------------------

LEADING_HONORIFIC = re.compile(rf"^({HONORIFIC})\s+")


def _add(found, *, name, honorific, title, org_key, text, start, end, rule, confidence):
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


# --- the patterns, one record each ------------------------------------------------------------


@dataclass(frozen=True)
class PersonPattern:
    """One way of naming a person. `pattern`'s group `name` is the name; a group `title`, where
    there is one, is the person's title as the pattern reads it.

    `clues`: words, one of which every match holds; a text holding none is not searched.
    `name_then`: for a pattern opening on the name, what the name's characters run up to; the
    pattern is then tried only at capitals where this matches (a cheap check before the regex).
    `org_after`: the name only counts when an organization's mention starts where the match ends.
    `office`: the match holds the person's office before the name (group `office`); the name
    is then the longest run of its last words that is a valid name ("Labour Phaithoon
    Kaeothong" after "Minister of" is "Phaithoon Kaeothong").
    """

    rule: str
    pattern: re.Pattern
    confidence: float
    clues: tuple[str, ...] = ()
    name_then: re.Pattern | None = None
    opens_on_capital: bool = True
    org_after: bool = False
    office: bool = False

    def matches(self, text: str) -> Iterator[re.Match]:
        if self.clues and not any(clue in text for clue in self.clues):
            return iter(())
        if not self.opens_on_capital:
            return self.pattern.finditer(text)
        starts = capital_starts(text)
        if self.name_then is not None:
            starts = [at for at in starts if self.name_then.match(text, at)]
        return finditer_at(self.pattern, text, starts)

    def __call__(self, text: str, orgs, found) -> None:
        for m in self.matches(text):
            start, end = self._name_span(m)
            name = text[start:end]
            if not _valid_name(name) or name.split()[0] in NOT_NAME_OPENINGS:
                continue
            if _overlaps_org(orgs, start, end):
                continue  # the words are (part of) a body's name
            if self.org_after and not any(
                span.start == m.end() for org in orgs.values() for span in org.spans
            ):
                continue
            title, org_key = affiliation(text, orgs, start, end)
            if self.office:
                title = clean_title(text[m.start("office") : start])
            honorific = (m.groupdict().get("honorific") or "").rstrip(".")
            _add(
                found,
                name=name,
                honorific=f"{honorific}." if honorific else "",
                title=title,
                org_key=org_key,
                text=text,
                start=start,
                end=end,
                rule=self.rule,
                confidence=self.confidence,
            )

    def _name_span(self, m: re.Match) -> tuple[int, int]:
        start, end = m.span("name")
        if not self.office:
            return start, end
        words = list(re.finditer(r"\S+", m.group("name")))
        for word in words[max(0, len(words) - 3) : -1]:
            if _valid_name(m.group("name")[word.start() :]):
                return start + word.start(), end
        return start, end


REPORTING_WORDS = (
    "said",
    "says",
    "told",
    "explained",
    "added",
    "noted",
    "stressed",
    "recalled",
    "described",
    "asked",
    "urged",
    "argued",
    "pointed out",
    "emphasised",
    "emphasized",
    "highlighted",
    "underlined",
    "remarked",
    "stated",
    "observed",
    "warned",
    "called",
    "declared",
    "announced",
)
REPORTING = f"(?:{'|'.join(REPORTING_WORDS)})"
# An office and its holder: "President Rodrigo Duterte", "Chair of ASEAN for 2017 Rodrigo
# Duterte", "Minister of Labour Phaithoon Kaeothong": the office, then capitalised words,
# connectors and years only, then the name, which a lower-case word or punctuation follows.
OFFICE_THEN_NAME = re.compile(
    rf"(?=[A-Z])(?<![\w-])(?P<office>(?:{OFFICE_WORDS})(?:[ \t]+(?:[A-Z][\w’'-]*|of|for|the|and|\d{{4}}))*?)"
    rf"[ \t]+(?P<name>{FULL_NAME})(?=[ \t]+(?!(?:of|for|in|on|and)[ \t]+[A-Z])[a-z]|['’]s\b|[ \t]*[.;](?:\s|$)|,[ \t]+(?:who|said)\b)",
    re.M,
)

PERSON_PATTERNS = [
    PersonPattern(  # "Dr. Sriprapha Petcharamesree", "Bro. Name", "His Excellency Name"
        "honorific-name",
        re.compile(rf"(?=[A-Z])\b(?P<honorific>{HONORIFIC})[ \t]+(?P<name>{FULL_NAME})"),
        0.9,
    ),
    PersonPattern(  # "Name, Title[ of|,] Organization"
        "name-comma-title",
        re.compile(
            rf"(?=[A-Z])(?<![\w.])(?P<name>{FULL_NAME}),[ \t]*{POSTNOMINALS}"
            rf"(?=(?:[A-Z][\w.'’-]*[ \t]*)*?(?i:{TITLE_WORDS})\b)"
        ),
        0.85,
        name_then=NAME_THEN_COMMA,
    ),
    PersonPattern(
        "office-name",
        OFFICE_THEN_NAME,
        0.8,
        clues=(
            "President",
            "Minister",
            "Secretary",
            "Director",
            "Chair",
            "Ambassador",
            "Commissioner",
            "Governor",
            "Senator",
            "Mayor",
            "Conven",
            "ordinator",
        ),
        office=True,
    ),
    PersonPattern(  # "attended on behalf of the MMN: Pranom Somwong and ...": a list's first name
        "listed-name",
        re.compile(
            rf"\b(?:on\s+behalf\s+of|representing|attended|participants|delegates|speakers|"
            rf"panell?ists|present)\b[^:\n.]{{0,60}}:[ \t]*(?:{HONORIFIC}[ \t]+)?(?P<name>{FULL_NAME})"
            rf"(?=[ \t]*(?:[,.;(]|and\b|&|$))",
            re.M,
        ),
        0.75,
        clues=(":",),
        opens_on_capital=False,
    ),
    PersonPattern(  # "said Md. Anwar Hossain Khan", "according to Name"
        "reported-speech",
        re.compile(rf"\b(?:{REPORTING}|according\s+to)\s+(?:{HONORIFIC}\s+)?(?P<name>{FULL_NAME})"),
        0.75,
        clues=(*REPORTING_WORDS, "according"),
        opens_on_capital=False,
    ),
    PersonPattern(  # "Name said"
        "reported-speech",
        re.compile(rf"(?=[A-Z])(?<![\w.])(?P<name>{FULL_NAME})\s+{REPORTING}\b"),
        0.7,
        clues=REPORTING_WORDS,
        name_then=re.compile(rf"{_NAME_CHARS}*?\s+{REPORTING}\b"),
    ),
    PersonPattern(  # "Ram Prasad Adhikari, who coordinates the centre"
        "name-who",
        re.compile(rf"(?=[A-Z])(?<![\w.])(?P<name>{FULL_NAME}),\s+who\s"),
        0.7,
        clues=("who",),
        name_then=NAME_THEN_COMMA,
    ),
    PersonPattern(  # "Ramon Bautista of the MFA secretariat": only before a known body
        "name-of-org",
        re.compile(
            rf"(?=[A-Z])(?<![\w.])(?P<name>{FULL_NAME})\s+(?:of|from)\s+(?:the\s+)?(?=[A-Z])"
        ),
        0.7,
        name_then=re.compile(rf"{_NAME_CHARS}*?\s+(?:of|from)\s"),
        org_after=True,
    ),
]
NOT_NAME_OPENINGS = {"The", "This", "That", "When", "After", "In", "On", "At"}


# --- lines and lists --------------------------------------------------------------------------

SPEAKER_ACRONYM = re.compile(r"\s*\([^)\n]{1,15}\)")
SPEAKER_SEPARATOR = re.compile(rf"(?:{DASH}[A-Z]{{2,}}\b)?(?:{DASH}|[ \t]{{2,}})")
SPEAKER_HONORIFIC = re.compile(rf"({HONORIFIC})[ \t]+")
SPEAKER_NAME = re.compile(rf"({FULL_NAME}|{_NAME_WORD})(?=[ \t]*(?:,|-|–|:|$|[ \t]{{2,}}))")
SPEAKER_TITLE = re.compile(rf"[ \t]*,[ \t]*([^,\n]*?(?:{TITLE_WORDS})[^,\n]*)")


def _speaker_lines(text: str) -> Iterator[tuple[int, str]]:
    """(offset, line) of the lines of 3 to 400 characters, where speaker lines are. Split, not
    found by a multi-line regex: the engine walked back over every longer paragraph."""
    offset = 0
    for line in text.split("\n"):
        if 3 <= len(line) <= 400:
            yield offset, line
        offset += len(line) + 1


def _speaker_line_people(text: str, orgs, found) -> None:
    """Speaker lines: "Organization - Name[, Title]" / "Organization: Name -" / "ORG  Name"."""
    for offset, line in _speaker_lines(text):
        first_org = _org_at(orgs, offset, offset + min(len(line), 80))
        if not first_org:
            continue
        org_spans = [s for s in orgs[first_org].spans if offset <= s.start < offset + 80]
        after = org_spans[0].end - offset
        acronym = SPEAKER_ACRONYM.match(line[after:])  # "... for Migrants (TPLAC) - Name"
        if acronym:
            after += acronym.end()
        rest_m = SPEAKER_SEPARATOR.match(line[after:])  # past "SEARCH – CIDA:  "
        if not rest_m:
            continue
        name_start = after + rest_m.end()
        honorific_m = SPEAKER_HONORIFIC.match(line[name_start:])
        if honorific_m:
            name_start += honorific_m.end()
        name_m = SPEAKER_NAME.match(line[name_start:])
        if not name_m:
            continue
        name = name_m.group(1)
        single = len(name.split()) == 1
        if not _valid_name(name, single_ok=single) or name.isupper():
            continue
        if _org_at(orgs, offset + name_start, offset + name_start + len(name)):
            continue
        title_m = SPEAKER_TITLE.match(line[name_start + name_m.end() :])
        _add(
            found,
            name=name,
            honorific="",
            title=clean_title(title_m.group(1)) if title_m else "",
            org_key=first_org,
            text=text,
            start=offset + name_start,
            end=offset + name_start + len(name),
            rule="org-dash-name",
            confidence=0.6 if single else 0.8,
        )


PRESENTER_NAME = re.compile(
    rf"\s*(?:and\s*,?\s*|,\s*)*(?:{HONORIFIC}\s+)?({FULL_NAME})(?=\s*(?:,|from|of|\(|$))"
)
PRESENTER_LIST = CaselessPattern(  # in lower case: case-insensitive
    r"(?:(?:presentations?|speakers?|presenters?|panell?ists?|resource persons?|speeches|"
    r"discussants?)\s+(?:by|from|included|includes|were|are)|"
    r"(?:chaired|moderated|facilitated)\s+by)\s*:?\s*([^\n]+)",
    opening=(
        "presentation",
        "speaker",
        "presenter",
        "panel",
        "resource person",
        "speeches",
        "discussant",
        "chaired",
        "moderated",
        "facilitated",
    ),
)


def _presenter_list_people(text: str, orgs, found) -> None:
    """Lists of presenters: "presentations by A from X; B, Title of Y; ..."."""
    for m in PRESENTER_LIST.finditer(text):
        base = m.start(1)
        for item_m in re.finditer(r"[^;]+", text[base : m.end(1)]):
            item = item_m.group(0)
            name_m = PRESENTER_NAME.match(item)
            if not name_m or not _valid_name(name_m.group(1)):
                continue
            start = base + item_m.start() + name_m.start(1)
            end = start + len(name_m.group(1))
            if _org_at(orgs, start, end):
                continue
            title, org_key = affiliation(text, orgs, end, base + item_m.end())
            _add(
                found,
                name=name_m.group(1),
                honorific="",
                title=title,
                org_key=org_key or _org_at(orgs, end, base + item_m.end()),
                text=text,
                start=start,
                end=end,
                rule="presenter-list",
                confidence=0.85,
            )


# Names joined to one already found: "Ms A and Ms B", "A, B and C".
LISTED_NEXT = re.compile(
    rf"(?:,[ \t]*(?:and[ \t]+)?|[ \t]+(?:and|&)[ \t]+)(?:{HONORIFIC}[ \t]+)?({FULL_NAME})(?=[ \t]*(?:[,.;:(]|and\b|$))",
    re.M,
)


def _listed_people(text: str, orgs, found) -> None:
    """A name listed beside a person's name is a person too, tied the same way."""
    for person in list(found.values()):
        for span in list(person.spans):
            at = span.end
            while m := LISTED_NEXT.match(text, at):
                name = m.group(1)
                start, end = m.span(1)
                if not _valid_name(name) or _org_at(orgs, start, end):
                    break
                title, org_key = affiliation(text, orgs, start, end)
                _add(
                    found,
                    name=name,
                    honorific="",
                    title=title,
                    org_key=org_key,
                    text=text,
                    start=start,
                    end=end,
                    rule="listed-name",
                    confidence=0.7,
                )
                at = end


# Every way of finding people, in the order they are tried: where two find one person, the
# first to give a title or an organization gives it. Add a pattern or a finder here.
FINDERS = [
    *PERSON_PATTERNS[:3],  # honorific, "Name, Title", office: the surest ties
    _speaker_line_people,
    _presenter_list_people,
    *PERSON_PATTERNS[3:],  # reported speech, "Name, who", "Name of ORG"
    _listed_people,  # last: extends the lists the others started
]


def find_people(text: str, orgs: dict[str, OrganizationFinding]) -> dict[str, PersonFinding]:
    found: dict[str, PersonFinding] = {}
    for finder in FINDERS:
        finder(text, orgs, found)
    return found
