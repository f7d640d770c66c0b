"""Trigger words: what says an event happened, and of which kind. One `Trigger` record per
word or phrase; its cue words are read from its pattern (or given with it), so adding a
trigger is one edit."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from itertools import islice

from .phrases import CaselessPattern, lowered

GATHERINGS = ["conference", "consultation", "training", "workshop", "seminar", "forum", "meeting"]


@dataclass(frozen=True)
class Trigger:
    """A word or phrase that says an event happened, and the kind of event it says.

    `pattern` is a lower-case regex. `cues` are literal lower-case parts, one of which every
    match holds: a sentence holding none is not searched. They are read from the pattern's
    alternatives when each opens on letters; a pattern that does not must give them.
    `verb`: a gathering said by what people did ("came together in"); a noun in the same
    sentence ("a workshop") names it better.
    """

    pattern: str
    kind: str
    cues: tuple[str, ...] = ()
    verb: bool = False

    def __post_init__(self) -> None:
        if not self.cues:
            object.__setattr__(self, "cues", leading_literals(self.pattern))


def leading_literals(pattern: str) -> tuple[str, ...]:
    """The letters each top-level alternative of `pattern` opens with: `trainings?|course`
    -> ("training", "course"). Raises when one opens on anything else, so a trigger is never
    skipped for want of a cue."""
    alternatives, depth, current = [], 0, ""
    for char in pattern:
        depth += (char == "(") - (char == ")")
        if char == "|" and depth == 0:
            alternatives.append(current)
            current = ""
        else:
            current += char
    alternatives.append(current)
    cues = []
    for alternative in alternatives:
        alternative = re.sub(r"^\(\?<[!=][^)]*\)", "", alternative)  # a look-behind reads nothing
        literal = re.match(r"[a-z]*", alternative).group()
        if alternative[len(literal) : len(literal) + 1] in ("?", "*"):
            literal = literal[:-1]  # "meetings?": the last letter may be absent
        if len(literal) < 3:
            raise ValueError(f"trigger {pattern!r}: give cues, {alternative!r} opens on no word")
        cues.append(literal)
    return tuple(dict.fromkeys(cues))


TRIGGERS = [
    Trigger(r"training\s+workshops?|trainings?|training\s+course|(?<!of\s)courses?", "training"),
    Trigger(r"consultation(?:-workshop)?s?", "consultation"),
    Trigger(r"workshops?", "workshop"),
    Trigger(
        r"conferences?|summit|congress(?=\s+(?:in|at|on|of)\s+\d)|assembly\s+meeting", "conference"
    ),
    Trigger(
        r"meetings?|gathering|round-?tables?|dialogues?|caucus\s+meeting|meet\s+again", "meeting"
    ),
    Trigger(r"forums?(?!\s+in\s+asia)", "forum"),
    Trigger(r"seminars?|webinars?|symposium", "seminar"),
    Trigger(
        r"(?:formally\s+)?(?:established|founded|formed|launched|set\s+up|establishment|founding|"
        r"inaugurat\w+|opened)",
        "founding",
        cues=("establish", "found", "formed", "launched", "set", "inaugurat", "opened"),
    ),
    Trigger(
        r"signed|signing|sign|memorandum\s+of\s+understanding|mou|agreements?|accord|"
        r"put\s+(?:their|its|his|her|our)\s+signatures?|affixed\s+(?:their|its|his|her)\s+signatures?",
        "agreement",
    ),
    Trigger(
        r"(?:field|exchange|study)\s+visits?|mission\s+to",
        "visit",
        cues=("visit", "mission"),
    ),
    Trigger(r"campaigns?", "campaign"),
    # "the launch of the ILO report", "a book launch", "launching a study": what is launched
    # decides (`launched_kind`); a network or office launched is a founding.
    Trigger(r"launch(?:es|ing)?", "launch"),
    # Said with verbs: "delegates came together in Dhaka", "unions gathered in Manila on ...".
    Trigger(
        r"came\s+together|come\s+together|gathered\s+(?:in|at|for)|convened\s+(?:in|at|on)|"
        r"met\s+(?:(?:today|yesterday|on\s+\w+day)\s+)?(?:in|at)(?=\s)|"
        # "met the labour minister", "met with officials of the ministry"
        r"met\s+(?:with\s+)?(?:the\s+|a\s+|an\s+)?(?:[\w'’-]+\s+){0,3}?(?:ministers?|"
        r"secretar(?:y|ies)|officials?|delegations?|representatives?|ambassadors?|governors?|"
        r"mayors?|directors?|commissioners?|leaders|speaker|president|prime\s+minister)\b",
        "meeting",
        verb=True,
    ),
]
TRIGGER_PATTERN = CaselessPattern(  # the words in lower case: case-insensitive
    r"(?<![\w-])(?:"
    + "|".join(f"(?P<k{i}>{t.pattern})" for i, t in enumerate(TRIGGERS))
    + r")(?![\w-])"
)
# Most sentences hold no trigger, and finding the cues in the whole text is cheaper than the
# pattern.
TRIGGER_STEMS = tuple(dict.fromkeys(cue for t in TRIGGERS for cue in t.cues))


def trigger_stems(text: str) -> list[tuple[int, int]] | None:
    """Where trigger cues occur in the text, as sorted (start, end); None when the text has a
    case quirk and cannot be read lowered."""
    lower = lowered(text)
    if lower is None:
        return None
    found = []
    for stem in TRIGGER_STEMS:
        at = lower.find(stem)
        while at != -1:
            found.append((at, at + len(stem)))
            at = lower.find(stem, at + 1)
    return sorted(found)


def holds_stem(stems: list[tuple[int, int]], start: int, end: int) -> bool:
    for stem_start, stem_end in islice(stems, bisect_left(stems, (start,)), None):
        if stem_start >= end:
            return False
        if stem_end <= end:
            return True
    return False


# What a launch puts out: a publication or a campaign, not a body.
LAUNCHED_THING = (
    r"reports?|stud(?:y|ies)|books?|campaigns?|publications?|research|guide(?:book)?s?|"
    r"handbooks?|tool-?kits?|manuals?|films?|videos?|documentar(?:y|ies)|websites?|apps?|"
    r"surveys?|findings|papers?|briefs?|index|database|exhibition|petition|strategy|"
    r"roadmap|action\s+plan|guidelines"
)
LAUNCHED_WHAT = re.compile(rf"^[^.;:]{{0,50}}?\b(?:{LAUNCHED_THING})\b", re.I)
FOUNDED_WHAT = re.compile(
    r"^[^.;:]{0,50}?\b(?:network|alliance|coalition|union|federation|association|platform|"
    r"committee|task\s+force|group|caucus|council|centre|center|office|desk|shelter|branch)s?\b",
    re.I,
)


def launched_kind(text: str, word: str, end: int) -> str:
    """`launched a study on ...` is a launch; `launched a network of ...`, a founding; the
    noun `launch` alone is a launch, the verb alone a founding (as `set up`)."""
    after = text[end : end + 80]
    thing, body = LAUNCHED_WHAT.match(after), FOUNDED_WHAT.match(after)
    if thing and (body is None or thing.end() <= body.end()):
        return "launch"
    if body is not None:
        return "founding"
    return "founding" if word == "launched" else "launch"


OPENED_WHAT = re.compile(r"\b(?:centre|center|office|shelter|desk|branch|clinic|school)s?\b", re.I)


def _names_event(text: str, start: int, end: int) -> bool:
    """A blocked span that is itself an event series' name ("... Civil Society Conference")."""
    return bool(re.search(r"(?:Conference|Summit|Congress|Meeting)$", text[max(0, start) : end]))


AGREEMENT_IN_GENERAL = CaselessPattern(
    r"\b(?:talks|negotiat\w*|reach(?:ed|ing)?|deals?|towards?|aim\w*\s+(?:at|for|to)|"
    r"hopes?|calls?\s+for|would|should|could)\b",
    clues=("talk", "negotiat", "reach", "deal", "toward", "aim", "hope", "call", "ould"),
)
SIGN_WORD = CaselessPattern(r"\bsign(?:ed|ing|atures?|atory|atories)?\b", clues=("sign",))
AGREEMENT_NOUN = re.compile(r"(?i)agreements?|accord")


def trigger_kinds(
    text: str, blocked: list[tuple[int, int]], offset: int, series=()
) -> list[tuple[str, int, int]]:
    """(kind, start, end) of the triggers in `text` (at `offset` in the document): the known
    series named in it (`series`, document offsets), then trigger words outside them and
    outside the names in `blocked`."""
    end_of_text = offset + len(text)
    found = [(m.series.kind, m.start, m.end) for m in series if offset <= m.start < end_of_text]
    named = [(s, e) for _, s, e in found]
    verbs = []
    for m in TRIGGER_PATTERN.finditer(text):
        start, end = offset + m.start(), offset + m.end()
        if any(start < e and s < end for s, e in named) or any(
            start < e and s < end and not _names_event(text, s - offset, e - offset)
            for s, e in blocked
        ):
            continue
        word = m.group(0).lower()
        if word == "opened" and not OPENED_WHAT.search(text):
            continue  # "opened the meeting": a session began, nothing was founded
        if AGREEMENT_NOUN.fullmatch(word) and _agreement_in_general(text):
            continue
        trigger = TRIGGERS[int(m.lastgroup[1:])]  # group k<index>
        kind = trigger.kind
        if word.startswith("launch"):
            kind = launched_kind(text, word, m.end())
        elif kind == "campaign" and any(k == "launch" and start - e < 60 for k, _, e in found):
            continue  # "launched a campaign": the launch is the event
        (verbs if trigger.verb else found).append((kind, start, end))
    if not any(kind in GATHERINGS for kind, _, _ in found):
        found += verbs  # "came together in": only when no noun names the gathering
    return sorted(found, key=lambda k: k[1])


def _agreement_in_general(text: str) -> bool:
    return AGREEMENT_IN_GENERAL.search(text) is not None and SIGN_WORD.search(text) is None
