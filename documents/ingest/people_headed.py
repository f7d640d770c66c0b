"""A name headed by its body and title: "SBMI's secretary-general Nurul Hidayati said", "JTUCC
coordinator Bishnu Lamsal-Gautam", "MTUC Deputy President Bro. Name", "Tenaganita's Executive
Director, Name, cautioned", "the Malaysian Trades Union Congress (MTUC), its Vice-President Name".

Tried only where a body's mention ends: the body is the person's organization, whatever other
body the rest of the sentence names.
"""

from __future__ import annotations

import re

from .people_names import FULL_NAME, NAME_WORD, valid_name
from .people_ties import OrgMentions, clean_title
from .people_ties import add_person as _add
from .people_words import HONORIFIC, TITLE_MODIFIERS, TITLE_WORDS

_TITLE_WORD = rf"(?i:{TITLE_WORDS})(?:-[A-Za-z]+|[ \t]+[Gg]eneral)?"
# A name's first word is never a title word ("President Bro." is no name, nor "General X"
# after "Secretary").
_NOT_TITLE = rf"(?!(?:[A-Za-z]*-?(?i:{TITLE_WORDS})|General)\b)"
# A name of one word only where a verb of speech or a comma follows ("ILO Member States to").
_ALONE_THEN = (
    r"(?=,|[ \t]+(?:said|says|told|added|noted|stressed|called|urged|explained|welcomed|"
    r"spoke|opened|asked|argued|warned|stated|emphasi[sz]ed|highlighted|pointed)\b)"
)
HEADED_NAME = re.compile(
    rf"(?:['’]s|\)?,[ \t]+(?:its|their))?[ \t]+"
    rf"(?P<title>(?:(?:[A-Z][\w’'-]*|{TITLE_MODIFIERS})[ \t]+){{0,3}}?{_TITLE_WORD})"
    rf"(?P<comma>,)?[ \t]+(?:(?P<honorific>{HONORIFIC})[ \t]+)?{_NOT_TITLE}"
    rf"(?P<name>{FULL_NAME}|{NAME_WORD}{_ALONE_THEN})"  # one name: "SBMI chair Hariyanto said"
    rf"(?(comma),|(?![ \t]*(?:[A-Z]|\()))"
)


def headed_people(text: str, mentions: OrgMentions, found: dict) -> None:
    for _start, end, key in mentions.spans:
        m = HEADED_NAME.match(text, end)
        if not m or not valid_name(m.group("name"), single_ok=True):
            continue
        start, stop = m.span("name")
        if mentions.overlaps(start, stop):
            continue  # the words are (part of) a body's name
        honorific = (m.group("honorific") or "").rstrip(".")
        _add(
            found,
            name=m.group("name"),
            honorific=f"{honorific}." if honorific else "",
            title=clean_title(m.group("title")),
            org_key=key,
            text=text,
            start=start,
            end=stop,
            rule="org-title-name",
            confidence=0.8,
        )
