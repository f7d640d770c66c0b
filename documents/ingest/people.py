"""Find people with their titles and affiliations, in the forms advocacy texts use:
`Name, Title, Organization`, `Organization - Name`, `Dr. Name`, `President Name`, lists of
speakers and presenters, reported speech.

Each way of naming a person is one record in PERSON_PATTERNS or one function in FINDERS; what a
person is tied to (title, organization) is read once, by `people_ties.affiliation`, whatever
rule found the name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import takewhile

from .findings import OrganizationFinding, PersonFinding
from .people_headed import headed_people
from .people_lists import listed_people, presenter_list_people, speaker_line_people
from .people_names import (
    FULL_NAME,
    NAME_CHARS,
    NAME_THEN_COMMA,
    POSTNOMINALS,
    name_starts,
)
from .people_names import valid_name as _valid_name
from .people_ties import OrgMentions, affiliation
from .people_ties import add_person as _add
from .people_words import HONORIFIC, OFFICE_WORDS, TITLE_WORDS
from .phrases import UPPER, capital_starts, finditer_at, vocabulary


def _occurrences(text: str, words: tuple[str, ...]) -> list[int]:
    """Where the words occur in the text, in order (found by `str.find`, not the regex engine)."""
    found = []
    for word in words:
        at = text.find(word)
        while at != -1:
            found.append(at)
            at = text.find(word, at + 1)
    return sorted(found)


# --- the patterns, one record each ------------------------------------------------------------


@dataclass(frozen=True)
class PersonPattern:
    """One way of naming a person. `pattern`'s group `name` is the name; a group `title`, where
    there is one, is the person's title as the pattern reads it.

    `clues`: words in lower case, one of which every match holds; a text holding none of them
    is not searched.
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
    opens_on_name: bool = True  # else on any capital: "President of the Philippines ..."
    openings: tuple[str, ...] = ()  # else where one of these words is, as written

    def matches(self, text: str) -> Iterator[re.Match]:
        if self.clues and vocabulary(text).isdisjoint(self.clues):
            return iter(())
        if self.openings:
            return finditer_at(self.pattern, text, _occurrences(text, self.openings))
        if not self.opens_on_capital:
            return self.pattern.finditer(text)
        starts = name_starts(text) if self.opens_on_name else capital_starts(text)
        if self.name_then is not None:
            starts = [at for at in starts if self.name_then.match(text, at)]
        return finditer_at(self.pattern, text, starts)

    def __call__(self, text: str, mentions, found) -> None:
        for m in self.matches(text):
            start, end = self._name_span(m)
            name = text[start:end]
            if not _valid_name(name) or name.split()[0] in NOT_NAME_OPENINGS:
                continue
            if mentions.overlaps(start, end):
                continue  # the words are (part of) a body's name
            if self.org_after and not mentions.starts_at(m.end()):
                continue
            title, org_key = affiliation(text, mentions, start, end)
            if self.office:  # the whole office, commas and all
                office_at = m.start("office" if "office" in m.re.groupindex else "run")
                office = " ".join(
                    text[office_at : _office_end(text, mentions, office_at, start)].split()
                )
                office = office.strip(" ,")
                title = office[:1].upper() + office[1:]
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
        if "run" not in m.re.groupindex:
            start, end = m.span("name")
            words = list(re.finditer(r"\S+", m.group("name"))) if self.office else []
        else:  # "Minister of Labour Phaithoon Kaeothong": the name is among the last words
            start, end = OFFICE_AT.match(m.string, m.start("run")).end(), m.end("run")
            words = list(re.finditer(r"\S+", m.string[start:end]))
            capitalised = list(takewhile(lambda w: w.group()[0].isupper(), reversed(words)))
            words = list(reversed(capitalised[:4]))
        for word in words[max(0, len(words) - 4) : -1]:
            if _valid_name(m.string[start + word.start() : end]):
                return start + word.start(), end
        return (start, end) if "run" not in m.re.groupindex else (end, end)


OF_THE_BODY = re.compile(r"\s+(?:of|at|in)(?:\s+the)?\s*$")


def _office_end(text: str, mentions, office_at: int, name_at: int) -> int:
    """Where an office ends before its holder's name: before "of the <body>" when a body is
    named inside it ("Assistant Secretary of the Department of Labor (DOLE), Name")."""
    inside = [span for span in mentions.within(office_at, name_at) if span[0] > office_at]
    if not inside:
        return name_at
    of_the = OF_THE_BODY.search(text, office_at, inside[0][0])
    return of_the.start() if of_the else name_at


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
REPORTING_CLUES = tuple(word.split()[0] for word in REPORTING_WORDS)
OFFICE_CLUES = (
    "president",
    "minister",
    "secretary",
    "director",
    "chair",
    "chairperson",
    "chairman",
    "chairwoman",
    "ambassador",
    "commissioner",
    "governor",
    "senator",
    "mayor",
    "convener",
    "convenor",
    "coordinator",
    "ordinator",
    "congressman",
    "congresswoman",
)
# An office and its holder: "President Rodrigo Duterte", "Chair of ASEAN for 2017 Rodrigo
# Duterte", "Minister of Labour Phaithoon Kaeothong": the office, then capitalised words,
# connectors and years only, then the name, which a lower-case word or punctuation follows.
# A comma inside a list of portfolios: "Minister of Labour, Employment and Social Security".
PORTFOLIO_COMMA = r",(?=[ \t]+[A-Z][\w’'-]*(?:[ \t]+[A-Z][\w’'-]*)?[ \t]+(?:and|&)[ \t]+[A-Z])"
OFFICE_THEN_NAME = re.compile(  # the run is read whole (possessively); its last words are the name
    rf"(?=[A-Z])(?<![\w-])(?P<run>(?:(?:Deputy|Vice|Assistant|Acting)[ \t-]+)?(?:{OFFICE_WORDS})"
    rf"(?:[ \t]+(?:[A-Z][\w’'-]*\.?|of|for|the|and|\d{{4}})|{PORTFOLIO_COMMA})*+)"
    rf"(?=[ \t]+(?!(?:in|on)[ \t]+[A-Z])[a-z]|['’]s\b|[ \t]*[.;](?:\s|$)|,[ \t]+(?:who|said)\b)",
    re.M,
)

# "Viet Nam's Deputy Minister of Labour, Doan Mau Diep, chaired": the holder between commas.
OFFICE_COMMA_NAME = re.compile(
    rf"(?=[A-Z])(?<![\w-])(?P<office>(?:(?:Deputy|Vice|Assistant|Acting)[ \t-]+)?(?:{OFFICE_WORDS})(?:,?[ \t]+(?:[A-Z][\w’'-]*|\([A-Z][\w-]*\)|of|for|the|and))*?)"
    rf",[ \t]+(?P<name>{FULL_NAME}),[ \t]+(?=[a-z])",
)

# Where an office opens (the patterns above are tried there alone: they backtrack elsewhere).
OFFICE_AT = re.compile(rf"(?:(?:Deputy|Vice|Assistant|Acting)[ \t-]+)?(?:{OFFICE_WORDS})\b")

PERSON_PATTERNS = [
    PersonPattern(  # "Dr. Sriprapha Petcharamesree", "Bro. Name", "His Excellency Name"
        "honorific-name",
        re.compile(rf"(?=[A-Z])\b(?P<honorific>{HONORIFIC})[ \t]+(?P<name>{FULL_NAME})"),
        0.9,
    ),
    PersonPattern(  # "Name, Title[ of|,] Organization"
        "name-comma-title",
        re.compile(
            rf"(?=[{UPPER}])(?<![\w.])(?P<name>{FULL_NAME}),[ \t]*{POSTNOMINALS}"
            rf"(?=(?:[A-Z][\w.'’-]*[ \t]*)*?(?i:{TITLE_WORDS})\b"
            # or a lower-case title of a body: "Name, women's committee chairperson of MTUC"
            rf"|(?:[a-z][\w'’-]*[ \t]+){{0,3}}(?i:{TITLE_WORDS})[ \t]+(?:of|at|for|with)[ \t])"
        ),
        0.85,
        name_then=NAME_THEN_COMMA,
    ),
    PersonPattern(
        "office-name",
        OFFICE_THEN_NAME,
        0.8,
        clues=OFFICE_CLUES,
        name_then=OFFICE_AT,
        office=True,
        opens_on_name=False,
    ),
    PersonPattern(
        "office-name",
        OFFICE_COMMA_NAME,
        0.75,
        clues=OFFICE_CLUES,
        name_then=OFFICE_AT,
        office=True,
        opens_on_name=False,
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
        clues=(
            "behalf",
            "representing",
            "attended",
            "participants",
            "delegates",
            "speakers",
            "panelists",
            "panellists",
            "present",
        ),
        openings=(
            "on behalf",
            "representing",
            "attended",
            "participants",
            "delegates",
            "speakers",
            "panel",
            "present",
        ),
    ),
    PersonPattern(  # "said Md. Anwar Hossain Khan", "according to Name"
        "reported-speech",
        re.compile(
            rf"\b(?:{REPORTING}|[Aa]ccording\s+to)\s+(?:{HONORIFIC}\s+)?(?P<name>{FULL_NAME})"
        ),
        0.75,
        clues=(*REPORTING_CLUES, "according"),
        opens_on_capital=False,
    ),
    PersonPattern(  # "Name said"
        "reported-speech",
        re.compile(rf"(?=[{UPPER}])(?<![\w.])(?P<name>{FULL_NAME})\s+{REPORTING}\b"),
        0.7,
        clues=REPORTING_CLUES,
        name_then=re.compile(rf"{NAME_CHARS}*?\s+{REPORTING}\b"),
    ),
    PersonPattern(  # "Ram Prasad Adhikari, who coordinates the centre"
        "name-who",
        re.compile(rf"(?=[{UPPER}])(?<![\w.])(?P<name>{FULL_NAME}),\s+who\s"),
        0.7,
        clues=("who",),
        name_then=NAME_THEN_COMMA,
    ),
    PersonPattern(  # "Nur Aisyah binti Abdul Karim, a domestic worker, said"
        "name-appositive",
        re.compile(
            rf"(?=[{UPPER}])(?<![\w.])(?P<name>{FULL_NAME}),[ \t]+(?:a|an)[ \t]+[a-z][\w'’ -]{{0,60}}?,"
            rf"[ \t]+{REPORTING}\b"
        ),
        0.7,
        clues=REPORTING_CLUES,
        name_then=NAME_THEN_COMMA,
    ),
    PersonPattern(  # "Sita Kumari Tamang, 34, ...", "Name (left)" in a caption: only people
        "name-aside",
        re.compile(
            rf"(?=[{UPPER}])(?<![\w.])(?P<name>{FULL_NAME})(?:,[ \t]+\d{{1,2}},|[ \t]*\((?:\d{{1,2}}\)|"
            r"(?:left|right|cent(?:re|er)|middle|second|third|front|back|standing|seated)\b))"
        ),
        0.75,
        name_then=re.compile(rf"{NAME_CHARS}*?(?:,[ \t]+\d|\()"),
    ),
    PersonPattern(  # "Ellene Sana (Center for Migrant Advocacy)", "Eni Lestari - IMWU Chair"
        "name-then-org",
        re.compile(
            rf"(?=[{UPPER}])(?<![\w.])(?P<name>{FULL_NAME})(?:[ \t]*\([ \t]*|[ \t]+[-–—][ \t]+)"
        ),
        0.75,
        name_then=re.compile(rf"{NAME_CHARS}*?(?:\(|[ \t][-–—][ \t])"),
        org_after=True,
    ),
    PersonPattern(  # "Ramon Bautista of the MFA secretariat": only before a known body
        "name-of-org",
        re.compile(
            rf"(?=[{UPPER}])(?<![\w.])(?P<name>{FULL_NAME})\s+(?:of|from)\s+(?:the\s+)?(?=[A-Z])"
        ),
        0.7,
        name_then=re.compile(rf"{NAME_CHARS}*?\s+(?:of|from)\s"),
        org_after=True,
    ),
]
NOT_NAME_OPENINGS = {"The", "This", "That", "When", "After", "In", "On", "At"}


# Every way of finding people, in the order they are tried: where two find one person, the
# first to give a title or an organization gives it. Add a pattern or a finder here.
FINDERS = [
    headed_people,  # "ORG's Title Name": the body heading the name, before any other tie
    *PERSON_PATTERNS[:4],  # honorific, "Name, Title", offices: the surest ties
    speaker_line_people,
    presenter_list_people,
    *PERSON_PATTERNS[4:],  # lists, reported speech, "Name, who", "Name of ORG"
    listed_people,  # last: extends the lists the others started
]


def find_people(text: str, orgs: dict[str, OrganizationFinding]) -> dict[str, PersonFinding]:
    found: dict[str, PersonFinding] = {}
    mentions = OrgMentions(orgs)
    for finder in FINDERS:
        finder(text, mentions, found)
    return found
