"""Find people with their titles and affiliations, in the forms advocacy texts use:
`Name, Title, Organization`, `Organization - Name`, `Dr. Name`, lists of speakers and presenters.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from advocacy_site.names import name_key

from .findings import OrganizationFinding, PersonFinding, Span
from .phrases import CaselessPattern, capital_starts, finditer_at
from .reference import cities, countries

HONORIFIC = r"(?:Dr|Mr|Ms|Mrs|Prof|Hon|Atty|Sen|Rep|Sr|Fr|Rev|Dato'?|Datuk|Tan Sri|H\.E)\.?"
_NAME_WORD = r"(?:[A-Z][a-z’'\-]+(?:-[A-Z][a-z]+)?|[A-Z]\.?|Mc[A-Z][a-z]+|O'[A-Z][a-z]+)"
_PARTICLE = r"(?:de|da|van|von|bin|binti|dela|del|la)"
FULL_NAME = rf"{_NAME_WORD}(?:[ \t]+(?:{_PARTICLE}[ \t]+)?{_NAME_WORD}){{1,4}}"
# Where a full name can start: a capital not after a word character, whose word (made of
# these characters) is followed by a capitalised one. Patterns that open on a name are tried
# at these places alone (see finditer_at); they are found once per text.
NAME_START = re.compile(rf"[A-Z](?<!\w.)(?=[A-Za-z’'\-.]*[ \t]+(?:{_PARTICLE}[ \t]+)?[A-Z])")


@lru_cache(maxsize=4)
def _name_starts(text: str) -> tuple[int, ...]:
    return tuple(m.start() for m in NAME_START.finditer(text))


TITLE_WORDS = (
    r"Director|Coordinator|Co-ordinator|Co-ordination|Coordination|Representative|President|"
    r"Secretary|Chair(?:person|man|woman)?|Officer|Specialist|Manager|Minister|Member|Head|"
    r"Advis[oe]r|Consultant|Executive|Programme|Program|Project|Researcher|Professor|Lecturer|"
    r"Leader|Organi[sz]er|Deputy|Vice|Senior|Chief|Founder|Commissioner|Ambassador|Expert|"
    r"Lawyer|Attorney|Staff|Delegate|Spokesperson|Campaigner|Activist|Editor|Governor|MP|Senator|"
    r"Counsell?or|Attach[eé]|Legislator|Organi[sz]er|Trainer|Facilitator|Moderator"
)
TITLE = re.compile(rf"\b(?:{TITLE_WORDS})\b")
TITLE_ANYCASE = re.compile(rf"(?:{TITLE_WORDS})", re.I)
NOT_NAME_WORDS = {
    "asean",
    "ilo",
    "un",
    "the",
    "task",
    "force",
    "workshop",
    "migrant",
    "migrants",
    "workers",
    "worker",
    "human",
    "rights",
    "regional",
    "national",
    "international",
    "labour",
    "labor",
    "experience",
    "experiences",
    "conventions",
    "convention",
    "declaration",
    "framework",
    "office",
    "union",
    "trade",
    "network",
    "forum",
    "asia",
    "government",
    "tool",
    "kit",
    "toolkit",
    "gender",
    "women",
    "smart",
    "travel",
    "program",
    "programme",
    "studies",
    "social",
    "development",
    "graduate",
    "university",
    "commission",
    "council",
    "inter",
    "objectives",
    "leave",
    "comment",
    "search",
    "cida",
    "mixed",
    "flow",
    "way",
    "forward",
    "draft",
    "model",
    "welcome",
    "need",
    "strong",
    "support",
    "technical",
    "assistance",
    "policy",
    "approach",
    "perspective",
    "equality",
    "promotion",
    "protection",
    "president",
    "director",
    "coordinator",
    "executive",
    "representative",
    "senior",
    "specialist",
    "activities",
    "sub",
    "sea",
    "pacific",
    "south",
    "east",
    "southeast",
    "north",
    "west",
    "centre",
    "center",
    "group",
    "institute",
    "foundation",
    "congress",
    "federation",
    "secretariat",
    "ministry",
    "department",
    "committee",
    "assembly",
    "parliament",
    "bank",
    "agency",
    "fund",
    "project",
    "dialogue",
    "conference",
    "meeting",
    "training",
    "seminar",
    "consultation",
    "summit",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "fact",
    "sheet",
    "what",
    "is",
    "needed",
    "in",
    "for",
    "more",
    "information",
    "tel",
    "fax",
    "email",
    "block",
    "avenue",
    "building",
    "floor",
    "nations",
    "united",
    "thai",
    "philippines",
    "philippine",
}
DASH = r"[ \t]*(?:-|–|—|:)[ \t]*"
# Degrees between a name and a title: "Sarah Lou Ysmael Arriola, J.D., LLM, Director ..."
POSTNOMINALS = r"(?:(?:J\.?D|LL\.?M|LL\.?B|Ph\.?D|M\.?A|M\.?Sc|MBA|MPA|Esq|Atty)\.?,?[ \t]*)*"


def _valid_name(name: str, *, single_ok: bool = False) -> bool:
    words = name.replace(".", ". ").split()
    if not words or (len(words) < 2 and not single_ok):
        return False
    if any(w.lower().strip(".,") in NOT_NAME_WORDS for w in words):
        return False
    if any(TITLE_ANYCASE.fullmatch(w.strip(".,")) for w in words):
        return False  # "General Secretary" is a title, not a name
    if any(w.lower() in countries() or w.lower() in cities() for w in words if len(words) == 1):
        return False
    return sum(len(w.strip(".")) > 1 for w in words) >= (1 if single_ok else 2) or single_ok


def _org_at(orgs: dict[str, OrganizationFinding], start: int, end: int) -> str:
    """The organization whose mention lies within [start, end), nearest the start."""
    best = ("", 10**9)
    for key, org in orgs.items():
        for span in org.spans:
            if start <= span.start and span.end <= end and span.start - start < best[1]:
                best = (key, span.start - start)
    return best[0]


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
        # "Jean" after "Jean D Cunha": one person, not two.
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


CLAUSE_END = re.compile(r";|\.\s|\n|,\s+and\s|\s+and\s+[A-Z]")
TITLE_END = re.compile(r"[,;(]|\s+of\s+the\s+|\s+of\s+|\s+-\s+|\s+–\s+")


def _clause_end(text: str, start: int) -> int:
    """Where the clause after a name's title ends: `;`, a sentence end, or ` and `."""
    m = CLAUSE_END.search(text, start)
    return m.start() if m else len(text)


def _clean_title(raw: str) -> str:
    title = TITLE_END.split(raw.strip(), maxsplit=1)[0]
    return " ".join(title.split()).strip(" .,-")[:200]


# Names and honorifics start with a capital: a pattern saying so first is not tried further at
# the other words.
HONORIFIC_NAME = re.compile(rf"(?=[A-Z])\b({HONORIFIC})[ \t]+({FULL_NAME})")
NAME_COMMA_TITLE = re.compile(
    rf"(?=[A-Z])(?<![\w.])({FULL_NAME}),[ \t]*{POSTNOMINALS}(?=((?:[A-Z][\w.'’-]*[ \t]*)*?(?i:{TITLE_WORDS})\b[^\n;]*))"
)
# What a full name is made of. From a name start where these characters do not run up to what
# a pattern needs after the name (a comma, say), the pattern cannot match; and trying it there
# costs more than this check, as its name backtracks a word at a time before failing.
_NAME_CHARS = r"[A-Za-z’'\-. \t]"
NAME_THEN_COMMA = re.compile(rf"{_NAME_CHARS}*+,")
# Speaker lines: "Organization - Name[, Title]" / "Organization: Name -" / "ORG  Name - ..."
SPEAKER_ACRONYM = re.compile(r"\s*\([^)\n]{1,15}\)")
SPEAKER_SEPARATOR = re.compile(rf"(?:{DASH}[A-Z]{{2,}}\b)?(?:{DASH}|[ \t]{{2,}})")
SPEAKER_HONORIFIC = re.compile(rf"({HONORIFIC})[ \t]+")
SPEAKER_NAME = re.compile(rf"({FULL_NAME}|{_NAME_WORD})(?=[ \t]*(?:,|-|–|:|$|[ \t]{{2,}}))")
SPEAKER_TITLE = re.compile(rf"[ \t]*,[ \t]*([^,\n]*?(?:{TITLE_WORDS})[^,\n]*)")
PRESENTER_NAME = re.compile(rf"\s*(?:and\s*,?\s*|,\s*)*({FULL_NAME})(?=\s*(?:,|from|of|\(|$))")
PRESENTER_LIST = CaselessPattern(  # in lower case: case-insensitive
    r"(?:presentations?|speakers?|presenters?|resource persons?|speeches)\s+(?:by|from|included|were)\s*:?\s*([^\n]+)",
    opening=("presentation", "speaker", "presenter", "resource person", "speeches"),
)


def _speaker_lines(text: str) -> Iterator[tuple[int, str]]:
    """(offset, line) of the lines of 3 to 400 characters, where speaker lines are. Split, not
    found by a multi-line regex of 3 to 400 characters between line ends: the engine walked
    back over every longer paragraph, character by character."""
    offset = 0
    for line in text.split("\n"):
        if 3 <= len(line) <= 400:
            yield offset, line
        offset += len(line) + 1


def find_people(text: str, orgs: dict[str, OrganizationFinding]) -> dict[str, PersonFinding]:
    found: dict[str, PersonFinding] = {}

    # "Dr. Sriprapha Petcharamesree", "Hon. Name"
    for m in finditer_at(HONORIFIC_NAME, text, capital_starts(text)):
        name = m.group(2)
        if _valid_name(name):
            tail = text[m.end(2) : m.end(2) + 200].split("\n")[0]
            title_m = TITLE.search(tail[:80]) if tail.startswith(",") else None
            _add(
                found,
                name=name,
                honorific=m.group(1).rstrip(".") + ".",
                title=_clean_title(tail[title_m.start() :]) if title_m else "",
                org_key=_org_at(orgs, m.end(2), m.end(2) + len(tail)),
                text=text,
                start=m.start(2),
                end=m.end(2),
                rule="honorific-name",
                confidence=0.9,
            )

    # "Name, Title[ of|,] Organization"
    before_comma = [at for at in _name_starts(text) if NAME_THEN_COMMA.match(text, at)]
    for m in finditer_at(NAME_COMMA_TITLE, text, before_comma):
        name = m.group(1)
        if not _valid_name(name):
            continue
        title = _clean_title(m.group(2))
        title = title[:1].upper() + title[1:]
        _add(
            found,
            name=name,
            honorific="",
            title=title,
            org_key=_org_at(orgs, m.start(2), min(m.end(2), _clause_end(text, m.start(2)))),
            text=text,
            start=m.start(1),
            end=m.end(1),
            rule="name-comma-title",
            confidence=0.85,
        )

    # Speaker lines: "Organization - Name[, Title]" / "Organization: Name -" / "ORG  Name - ..."
    for offset, line in _speaker_lines(text):
        first_org = _org_at(orgs, offset, offset + min(len(line), 80))
        if not first_org:
            continue
        org_spans = [s for s in orgs[first_org].spans if offset <= s.start < offset + 80]
        after = org_spans[0].end - offset
        acronym = SPEAKER_ACRONYM.match(line[after:])  # "... for Migrants (TPLAC) - Name"
        if acronym:
            after += acronym.end()
        # Skip further organizations named at the head: "SEARCH – CIDA:  Name".
        rest_m = SPEAKER_SEPARATOR.match(line[after:])
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
        tail = line[name_start + name_m.end() :]
        title_m = SPEAKER_TITLE.match(tail)
        _add(
            found,
            name=name,
            honorific="",
            title=_clean_title(title_m.group(1)) if title_m else "",
            org_key=first_org,
            text=text,
            start=offset + name_start,
            end=offset + name_start + len(name),
            rule="org-dash-name",
            confidence=0.6 if single else 0.8,
        )

    # Lists of presenters: "presentations by A from X; B, Title of Y; ..."
    for m in PRESENTER_LIST.finditer(text):
        base = m.start(1)
        for item_m in re.finditer(r"[^;]+", text[base : m.end(1)]):
            item = item_m.group(0)
            name_m = PRESENTER_NAME.match(item)
            if not name_m or not _valid_name(name_m.group(1)):
                continue
            start = base + item_m.start() + name_m.start(1)
            title_m = re.match(r"\s*,\s*([^,;(]+?)\s+(?:of|from)\s", item[name_m.end(1) :])
            title = (
                _clean_title(title_m.group(1)) if title_m and TITLE.search(title_m.group(1)) else ""
            )
            _add(
                found,
                name=name_m.group(1),
                honorific="",
                title=title,
                org_key=_org_at(orgs, start + len(name_m.group(1)), base + item_m.end()),
                text=text,
                start=start,
                end=start + len(name_m.group(1)),
                rule="presenter-list",
                confidence=0.85,
            )
    _narrative_people(text, orgs, found)
    return found


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
)
REPORTING = f"(?:{'|'.join(REPORTING_WORDS)})"
# (pattern, rule, confidence, clue words, what follows the name): a text holding none of the
# clue words, one of which every match holds, is not searched; a pattern that opens on a name
# is tried only where one can start and the name's characters run up to what follows it.
NARRATIVE_PATTERNS = [
    (
        re.compile(rf"\b(?:{REPORTING}|according\s+to)\s+(?:{HONORIFIC}\s+)?({FULL_NAME})"),
        "reported-speech",
        0.75,
        (*REPORTING_WORDS, "according"),
        None,
    ),
    (
        re.compile(rf"(?=[A-Z])(?<![\w.])({FULL_NAME})\s+{REPORTING}\b"),
        "reported-speech",
        0.7,
        REPORTING_WORDS,
        re.compile(rf"{_NAME_CHARS}*?\s+{REPORTING}\b"),
    ),
    (
        re.compile(rf"(?=[A-Z])(?<![\w.])({FULL_NAME}),\s+who\s"),
        "name-who",
        0.7,
        ("who",),
        NAME_THEN_COMMA,
    ),
    (
        re.compile(rf"(?=[A-Z])(?<![\w.])({FULL_NAME})\s+(?:of|from)\s+(?:the\s+)?(?=[A-Z])"),
        "name-of-org",
        0.7,
        (),
        re.compile(rf"{_NAME_CHARS}*?\s+(?:of|from)\s"),
    ),
]


def _narrative_people(text: str, orgs, found) -> None:
    """News prose: `said Md. Anwar Hossain Khan`, `Ram Prasad Adhikari, who coordinates the
    centre`, `Ramon Bautista of the MFA secretariat`, `Name, president of the X Forum`."""
    for pattern, rule, confidence, clues, name_then in NARRATIVE_PATTERNS:
        if clues and not any(clue in text for clue in clues):
            continue
        if name_then is None:
            matches = pattern.finditer(text)
        else:
            starts = [at for at in _name_starts(text) if name_then.match(text, at)]
            matches = finditer_at(pattern, text, starts)
        for m in matches:
            name = m.group(1)
            if not _valid_name(name) or _org_at(orgs, m.start(1), m.end(1)):
                continue
            if name.split()[0] in {"The", "This", "That", "When", "After", "In", "On", "At"}:
                continue
            org_key = ""
            if rule == "name-of-org":
                org_key = _org_at(orgs, m.end(), m.end() + 60)
                if not org_key or not any(sp.start == m.end() for sp in orgs[org_key].spans):
                    continue  # "X of the Y" only names a person when Y is a known body
            _add(
                found,
                name=name,
                honorific="",
                title="",
                org_key=org_key,
                text=text,
                start=m.start(1),
                end=m.end(1),
                rule=rule,
                confidence=confidence,
            )
