"""The shapes of organization names the gazetteer does not know, one record each: the word that
cues the shape, the pattern of the whole name, and what it builds from a match.

Add a shape by adding a NameShape to SHAPES.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass

from advocacy_site.names import name_key

from .organization_words import (
    CONNECTORS,
    DEMONYMS,
    EVENT_OPENINGS,
    GENERIC,
    GENERIC_MODIFIERS,
    LEADING_NOISE,
    NOT_BODY_WORDS,
    OPENING_CONNECTORS,
    OPENING_HEADS,
    ORG_HEADS,
    PLURAL_HEADS,
    PORTFOLIO,
)
from .phrases import capital_starts
from .reference import cities, countries

HEAD = re.compile(rf"\b(?:{ORG_HEADS})(?![\w-])")
_CAP = r"(?:[A-Z][\w'’.&-]*|[A-Z]{2,}(?:-[A-Z]+)?)"
_CONNECT = r"(?:of|for|on|the|and|in|de|du|des|to|&)"
# CANDIDATE and DEFINITION match a run of capitalised words and connectors, made of these
# characters, that holds a head word or comes before "(ACRONYM)". Read backwards from each head
# word or parenthesis (matching over the reversed text), the runs say which capitals to try.
RUN_BACKWARDS = re.compile(r"[\w'’.&\- \t]*")


@dataclass(frozen=True)
class Candidate:
    """A name a shape built: its span, and the country the text says owns it."""

    name: str
    start: int
    end: int
    country: str = ""


@dataclass(frozen=True)
class NameShape:
    """`cue`: a word every such name holds, tried at the text's capitals. `pattern`: the whole
    name, tried at the capitals from where a run of name characters ending at a cue begins
    (`backwards`; None when the name opens on its cue). `build`: the candidate from a match."""

    rule: str
    cue: re.Pattern
    pattern: re.Pattern
    build: Callable[[str, re.Match], Candidate | None]
    backwards: re.Pattern | None = RUN_BACKWARDS

    def starts(self, text: str, cues: list[tuple[int, int]]) -> list[int]:
        """Where to try the pattern, given where the text holds this shape's cue."""
        if self.backwards is None:
            return [start for start, _end in cues]
        return capitals_in_runs(text, cues, self.backwards)


def capitals_in_runs(text: str, spans: list[tuple[int, int]], backwards_run: re.Pattern):
    """The capital starts (see `capital_starts`) from where the run ending at each span's start
    begins to the span's end: the only places a pattern matching such runs can start. A head
    word inside another's span ("Office" in "Programme Office") stays within the span."""
    capitals = capital_starts(text)
    backwards = text[::-1]
    found: list[int] = []
    covered = 0
    for start, end in spans:
        at = len(text) - start  # `start` in the reversed text
        run_start = start - (backwards_run.match(backwards, at).end() - at)
        found.extend(
            capitals[bisect_left(capitals, max(run_start, covered)) : bisect_left(capitals, end)]
        )
        covered = max(covered, end)
    return found


# --- what makes a phrase a body's name ---------------------------------------------------------

SENTENCE_BREAK = re.compile(r"(?<!Pvt)(?<!Ltd)(?<!Co)(?<!Inc)(?<!No)(?<!St)[.!?]['’\"]?\s")
TRAILING_PUNCTUATION = re.compile(r"[\s,;:.\-–]+$")
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
# "Forum in December", "Forum in Bangkok 2015": a place or time after a name is not part of it.
TRAILING_WHEN = re.compile(
    rf"\s+(?:in|on|at|during)\s+(?:(?:early|late|mid)\s+)?(?:{MONTHS}|\d).*$"
)
BACK_REFERENCE = re.compile(rf"^.*?\b(?:for|of|to|by|with|from|at)\s+the\s+(?={ORG_HEADS}$)")
INDEFINITE_BEFORE = re.compile(
    r"\b(?:a|an|this|next|first|second|third|\d+(?:st|nd|rd|th))\s+$", re.I
)
EVENT_HEADS = re.compile(r"\b(?:Forum|Assembly|Congress|Summit)$")
GATHERING_HEADS = {"Forum", "Assembly", "Congress", "Summit"}
ATTENDED_BEFORE = re.compile(
    r"\b(?:attended|joined|during|opened|closed|held|hosted|convened|organi[sz]ed|at)\s+the\s+$",
    re.I,
)


TRAILING_WHERE = re.compile(r"\s+(?:in|at)\s+([A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*)?)$")


def _without_trailing_city(name: str) -> str:
    """ "Forum in Manila", "Migrant Workers' Forum in Bangkok": where a gathering met is not part
    of a name (but "Migrant Forum in Asia" keeps its region, a country its country)."""
    m = TRAILING_WHERE.search(name)
    if not m or not EVENT_HEADS.search(name[: m.start()]):
        return name  # "Embassy of Bangladesh in Doha" is where the embassy is
    if m.group(1).lower() in cities() and m.group(1).lower() not in countries():
        return name[: m.start()]
    return name


def clean_candidate(raw: str) -> str:
    # never across a sentence end (but "Pvt. Ltd." and "No. 3" are not ends)
    name = SENTENCE_BREAK.split(raw.strip(), maxsplit=1)[0]
    name = LEADING_NOISE.sub("", name)
    name = TRAILING_WHEN.sub("", name)
    name = _without_trailing_city(name)
    name = BACK_REFERENCE.sub("", name)  # "Support for the Forum": the Forum, named elsewhere
    name = TRAILING_PUNCTUATION.sub("", name)
    return " ".join(name.split())


def is_body_name(name: str) -> bool:
    words = name.split()
    lowered = [w.lower().strip(".,") for w in words]
    if len(words) < 2 or name_key(name) in GENERIC:
        return False
    if any(w in NOT_BODY_WORDS for w in lowered) or PLURAL_HEADS.fullmatch(_head_word(words)):
        return False
    if lowered[0] in EVENT_OPENINGS or (len(lowered) > 1 and lowered[1] in EVENT_OPENINGS):
        return False
    if lowered[0] == lowered[-1] or lowered[0] in {"ngo", "ngos", "cso", "csos"}:
        return False  # "Union to Union", "NGO and International"
    if lowered[0].endswith("ing") and lowered[1] == "the":
        return False  # "Opening the Forum": a gerund and the gathering it acts on
    if all(w in CATEGORY_WORDS for w in lowered):
        return False  # "Regional Civil Society": a category of bodies
    if _only_places(name) or len(_without_country(lowered)) == 1:
        return False  # "Japan and Taiwan"; "Viet Nam Office", a fragment of an office's name
    return not (len(words) == 2 and lowered[0] in GENERIC_MODIFIERS)


CATEGORY_WORDS = {"civil", "society", "local", "global", "grassroots", "asian", *GENERIC_MODIFIERS}
PLACE_JOIN = re.compile(r",\s*|\s+(?:and|&)\s+")


def _only_places(name: str) -> bool:
    """Countries joined by commas and "and", nothing else."""
    parts = PLACE_JOIN.split(name)
    return len(parts) > 1 and all(part.lower() in countries() for part in parts)


def _without_country(lowered: list[str]) -> list[str]:
    """The words after a country opening the name ("viet nam office" -> ["office"])."""
    for size in (3, 2, 1):
        if len(lowered) > size and " ".join(lowered[:size]) in countries():
            return lowered[size:]
    return lowered


def _head_word(words: list[str]) -> str:
    """The word a name is headed by: the last before its first connector ("Federation" in
    "Federation of Trade Unions", "Unions" in "Korean Unions")."""
    for i, word in enumerate(words):
        if i and word.lower() in CONNECTORS:
            return words[i - 1]
    return words[-1]


UNIT_IN_UNIVERSITY = re.compile(
    r"^(.+?)\s+(?:in|at)\s+(?:the\s+)?"
    r"((?:\S.*)?\b(?:University|College|Universiti|Universitas)\b.*)$"
)


def unit_named_with_university(name: str) -> str:
    """ "Centre for Study of Global Movements in Monash University": the unit, named as such
    units are ("Centre for Study of Global Movements, Monash University")."""
    m = UNIT_IN_UNIVERSITY.match(name)
    return f"{m.group(1)}, {m.group(2)}" if m else name


def is_gathering(text: str, candidate: Candidate) -> bool:
    """`a Migrant Workers Forum`, `the 3rd Regional Assembly`, `Forum in Bangkok`: a gathering
    the text reports, not a standing body."""
    words = candidate.name.split()
    if _head_word(words) not in GATHERING_HEADS:
        return False
    if words[0].lower() in cities() and words[0].lower() not in countries():
        return True  # "Jakarta Forum on Migrant Workers' Protection"
    before = text[max(0, candidate.start - 30) : candidate.start]
    after = text[candidate.end : candidate.end + 40]
    return bool(
        INDEFINITE_BEFORE.search(before)
        or ATTENDED_BEFORE.search(before)
        or re.match(r"\s+(?:in|on|held)\s", after)
    )


# --- the shapes ---------------------------------------------------------------------------------

# A run of capitalised words (with small connectors) that contains an organization head word.
# It starts with a capital: saying so first spares the engine trying the rest at other words.
HEAD_LAST = re.compile(
    rf"(?=[A-Z])(?<![\w-])((?:{_CAP}[ \t]+(?:{_CONNECT}[ \t]+)*)*?(?:{_CAP}[ \t]+)*(?:{ORG_HEADS})"
    rf"(?:[ \t]+(?:{_CONNECT}[ \t]+)+(?:{_CAP}[ \t]?)+)*)(?![\w-])"
)
POSSESSIVE_COUNTRY = re.compile(r"^(.*?\b)([A-Z][\w ]*?)['’]s\s+(?=[A-Z])")
COUNTRY_BEFORE_GOVERNMENT = re.compile(
    r"^(?:[Tt]he\s+)?([A-Z][\w]*(?:\s[A-Z][\w]*)?)\s+(?=(?:Ministry|Department|Bureau)\b)"
)
JOINED_BODY = re.compile(r"^([A-Z][\w-]*)\s+and\s+(?:the\s+)?")


PERSON_OF = re.compile(r"^(.+?)\s+(?:of|from)\s+(?:the\s+)?(?=[A-Z])")
BODY_JOIN = re.compile(r"(?:,|\s+and(?:\s+the)?|\s+&)\s+(?=[A-Z])")
ENDS_ON_HEAD = re.compile(rf"(?:{ORG_HEADS}|(?<=\bof\b).*\b(?:Workers|Employees)['’]?)$")


def _after_person(name: str) -> str:
    """ "Norlia Ahmad of the Amalgamated Union of ...": the body after the person's name."""
    m = PERSON_OF.match(name)
    if m and not HEAD.search(m.group(1)) and HEAD.search(name, m.end()):
        return name[m.end() :]
    return name


def _first_body(name: str) -> str:
    """ "UNI Malaysia Labour Centre and the Selangor Domestic Workers Forum": two bodies, of
    which this is the first (the text after it is read again)."""
    for join in BODY_JOIN.finditer(name):
        if ENDS_ON_HEAD.search(name, 0, join.start()) and HEAD.search(name, join.end()):
            return name[: join.start()]
    return name


def _head_last(text: str, m: re.Match) -> Candidate | None:
    """ "APWLD Labor and Migration Task Force", "Nepal's Ministry of Labour" (owned by Nepal)."""
    raw, country = m.group(1), ""
    split = POSSESSIVE_COUNTRY.search(raw)
    if split and split.group(2).lower() in countries():
        country = countries()[split.group(2).lower()]
        raw = raw[split.end() :]
    owner = COUNTRY_BEFORE_GOVERNMENT.match(raw)  # "Lao PDR Ministry of ...", "Thai Ministry ..."
    if not country and owner and country_code(owner.group(1)):
        country = country_code(owner.group(1))
        raw = raw[owner.end() :]
    joined = JOINED_BODY.match(raw)  # "FES and the Myanmar Ministry": the second body
    if joined and joined.group(1).isupper():
        raw = raw[joined.end() :]
    name = _first_body(_after_person(clean_candidate(raw)))
    start = m.start(1) + m.group(1).find(name)
    end = start + len(name)
    more = _listed_on(text, name, end)
    if more:  # "Ministry of Labour, Employment and Social Security"
        end += more
        name = text[start:end]
    return Candidate(name, start, end, country) if name else None


LISTED_PORTFOLIOS = re.compile(
    r"(?:,\s+[A-Z][\w'’]*(?:\s+[A-Z][\w'’]*)*)*\s+and\s+[A-Z][\w'’]*(?:\s+[A-Z][\w'’]*)*"
)
# "Union of Painters, Plumbers, Electro and Construction Workers": trades listed in the name,
# which a word for workers closes.
LISTED_TRADES = re.compile(
    r"(?:,\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?){0,6},?\s+(?:and|&)\s+"
    r"(?:[A-Z][\w'’-]*\s+){0,3}(?:Workers|Employees|Labourers|Laborers|Workers['’])(?![\w-])"
)


def _listed_on(text: str, name: str, end: int) -> int:
    """How far a list inside the name runs past where the shape stopped, or 0."""
    if name.startswith(("Ministry", "Department")):
        more = LISTED_PORTFOLIOS.match(text, end, end + 120)
    elif re.search(r"\bof\s+[A-Z][\w'’-]*$", name) and text.startswith((",", " and"), end):
        more = LISTED_TRADES.match(text, end, end + 160)
    else:
        more = None
    return more.end() - end if more else 0


HEAD_FIRST = re.compile(
    rf"(?<![\w-])(?:{OPENING_HEADS})(?:[ \t]+(?:{OPENING_CONNECTORS}[ \t]+)*"
    rf"(?:[A-ZĐ][\w'’.&-]*|\d+))+"
)


def _head_first(text: str, m: re.Match) -> Candidate | None:
    """ "Serikat Buruh Migran Indonesia", "Samahan ng mga Manggagawa": opened by the head."""
    name = TRAILING_PUNCTUATION.sub("", m.group(0))
    return Candidate(name, m.start(), m.start() + len(name))


# "Lao PDR's Minister of Labour and Social Welfare", "Minister of Labour of Thailand", "the Thai
# Minister of Manpower": an official's title names the ministry.
_PORTFOLIO = r"[A-Z][\w'’-]*(?:(?:,[ \t]+|[ \t]+(?:and|&)[ \t]+|[ \t]+)[A-Z][\w'’-]*)*"
MINISTER = re.compile(
    rf"(?:(?P<owner>[A-Z][\w]*(?:[ \t][A-Z][\w]*)?)(?:['’]s)?[ \t]+)?"
    rf"(?P<title>(?:(?:Deputy|Vice|Assistant|Acting|Senior|Junior|State)[ \t-]+)?Minister(?:[ \t]+of[ \t]+State)?)"
    rf"[ \t]+(?:of|for)[ \t]+(?P<portfolio>{_PORTFOLIO})"
    rf"(?:(?:[ \t]+of[ \t]+(?:the[ \t]+)?|,[ \t]+)(?P<country>[A-Z][\w]*(?:[ \t][A-Z][\w]*)*))?"
)
OFFICE_WORD = re.compile(r"\b(?:Chair\w*|President|Head|Member|Secretary|Director|Minister)\b")


def country_code(words: str | None) -> str:
    """`Lao PDR`, `Thailand`, `Thai`: the country's code, or ""."""
    if not words:
        return ""
    key = words.lower()
    return countries().get(key) or DEMONYMS.get(key, "")


def _portfolio_only(portfolio: str) -> str:
    """The portfolio up to its last word that names one, when a name follows it."""
    words = portfolio.split()
    kept = [i for i, w in enumerate(words) if w.strip(",").lower() in PORTFOLIO]
    if not kept or kept[-1] == len(words) - 1:
        return portfolio
    return " ".join(words[: kept[-1] + 1]).rstrip(",")


def _minister(text: str, m: re.Match) -> Candidate | None:
    portfolio, country, end = _portfolio_and_country(m)
    owner = m.group("owner") or ""
    last = owner.split()[-1] if owner else ""
    owner_code = country_code(owner) or country_code(last)
    if not (owner_code or country) or not portfolio:
        return None
    if owner_code:  # "Lao PDR's Minister", "the Thai Minister": the owner opens the span
        start = m.start("owner") + (0 if country_code(owner) else owner.rfind(last))
    else:
        start = m.start("title")
    return Candidate(f"Ministry of {portfolio}", start, end, owner_code or country)


def _portfolio_and_country(m: re.Match) -> tuple[str, str, int]:
    """The portfolio, the country named after it ("of Thailand", ", Thailand"), and where the
    title ends: before an office ("... and Chair of"), or a name ("Manpower Hanif Dhakiri")."""
    raw, at = m.group("portfolio"), m.start("portfolio")
    office = OFFICE_WORD.search(raw)
    if office:
        raw = re.sub(r"(?:,|\s+and|\s+&)?\s*$", "", raw[: office.start()])
    words = raw.split()
    for i in range(1, len(words)):  # "Labour, Thailand": a country read as a portfolio word
        code = country_code(" ".join(words[i:]).strip(","))
        if code:
            return " ".join(words[:i]).rstrip(","), code, at + len(raw)
    portfolio = _portfolio_only(raw).rstrip(",")
    if portfolio == m.group("portfolio") and country_code(m.group("country")):
        return portfolio, country_code(m.group("country")), m.end("country")
    return portfolio, "", at + len(portfolio)


# In order: an official's title first, so "Minister of Manpower" is not read as a body named
# for its head word "Manpower".
SHAPES = [
    NameShape("official-title", re.compile(r"Minister\b"), MINISTER, _minister),
    NameShape("name-shape", re.compile(rf"(?:{OPENING_HEADS})\b"), HEAD_FIRST, _head_first, None),
    NameShape("name-shape", re.compile(rf"(?:{ORG_HEADS})"), HEAD_LAST, _head_last),
]
# Every shape's cue in one pattern, tried once at each capital: which group matched says whose.
ANY_CUE = re.compile(
    "|".join(f"(?P<shape{i}>{shape.cue.pattern})" for i, shape in enumerate(SHAPES))
)


def cues_by_shape(text: str) -> list[list[tuple[int, int]]]:
    """For each shape of SHAPES, the spans of its cue words in the text."""
    found: list[list[tuple[int, int]]] = [[] for _ in SHAPES]
    for at in capital_starts(text):
        m = ANY_CUE.match(text, at)
        if m:
            found[int(m.lastgroup.removeprefix("shape"))].append(m.span())
    return found


def unconnected(name: str) -> bool:
    """Every word but the connectors is capitalised (a dash or a digit is no word)."""
    return all(
        w[0].isupper() or not w[0].isalpha() for w in name.split() if w.lower() not in CONNECTORS
    )
