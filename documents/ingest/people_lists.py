"""People named in lines and lists: speaker lines ("ORG - Name, Title"), lists of presenters
and participants, and names listed beside a name already found."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .people_names import DASH, FULL_NAME, NAME_WORD, TITLE_WORDS
from .people_names import valid_name as _valid_name
from .people_ties import add_person as _add
from .people_ties import affiliation, clean_title
from .people_words import HONORIFIC
from .phrases import CaselessPattern

SPEAKER_ACRONYM = re.compile(r"\s*\([^)\n]{1,15}\)")
SPEAKER_SEPARATOR = re.compile(rf"(?:{DASH}[A-Z]{{2,}}\b)?(?:{DASH}|[ \t]{{2,}})")
SPEAKER_HONORIFIC = re.compile(rf"({HONORIFIC})[ \t]+")
SPEAKER_NAME = re.compile(rf"({FULL_NAME}|{NAME_WORD})(?=[ \t]*(?:,|-|–|:|$|[ \t]{{2,}}))")
SPEAKER_TITLE = re.compile(rf"[ \t]*,[ \t]*([^,\n]*?(?:{TITLE_WORDS})[^,\n]*)")


def _speaker_lines(text: str) -> Iterator[tuple[int, str]]:
    """(offset, line) of the lines of 3 to 400 characters, where speaker lines are. Split, not
    found by a multi-line regex: the engine walked back over every longer paragraph."""
    offset = 0
    for line in text.split("\n"):
        if 3 <= len(line) <= 400:
            yield offset, line
        offset += len(line) + 1


def speaker_line_people(text: str, mentions, found) -> None:
    """Speaker lines: "Organization - Name[, Title]" / "Organization: Name -" / "ORG  Name"."""
    for offset, line in _speaker_lines(text):
        first_org = mentions.first(offset, offset + min(len(line), 80))
        if not first_org:
            continue
        org_spans = [s for s in mentions.orgs[first_org].spans if offset <= s.start < offset + 80]
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
        if mentions.first(offset + name_start, offset + name_start + len(name)):
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
    r"(?:participants|delegates)\s+(?:included|includes|were)|"
    r"(?:chaired|moderated|facilitated)\s+by)\s*:?\s*([^\n]+)",
    opening=(
        "participants",
        "delegates",
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


def presenter_list_people(text: str, mentions, found) -> None:
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
            if mentions.first(start, end):
                continue
            title, org_key = affiliation(text, mentions, end, base + item_m.end())
            _add(
                found,
                name=name_m.group(1),
                honorific="",
                title=title,
                org_key=org_key or mentions.first(end, base + item_m.end()),
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


LISTED_BEFORE = re.compile(
    rf"(?<![\w.])(?:{HONORIFIC}[ \t]+)?({FULL_NAME})(?:[ \t]*,[ \t]*|[ \t]+(?:and|&)[ \t]+)"
    rf"(?:{HONORIFIC}[ \t]+)?$"
)


LISTED_JOIN = re.compile(rf"(?:,|\sand|&)[ \t]*(?:{HONORIFIC}[ \t]+)?$")  # cheap gate


def listed_people(text: str, mentions, found) -> None:
    """A name listed beside a person's name is a person too, tied the same way: the names
    after it ("A and B") and the one before it ("A and B of X")."""
    for person in list(found.values()):
        for span in list(person.spans):
            at = span.end
            while (m := LISTED_NEXT.match(text, at)) and _add_listed(text, mentions, found, m):
                at = m.end(1)
            joined = LISTED_JOIN.search(text, max(0, span.start - 24), span.start)
            before = joined and LISTED_BEFORE.search(text, max(0, span.start - 80), span.start)
            if before:
                _add_listed(text, mentions, found, before)


def _add_listed(text: str, mentions, found, m: re.Match) -> bool:
    name, (start, end) = m.group(1), m.span(1)
    if not _valid_name(name) or mentions.overlaps(start, end):
        return False
    title, org_key = affiliation(text, mentions, start, end)
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
    return True
