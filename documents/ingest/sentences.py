"""Splitting running text into sentences, with their offsets."""

import re

# A sentence ends at . ! ? before a capital (or the text's end), or at a line end; not after
# an abbreviation such as "c.", "No.", "Dr." or an initial. The pattern opens on the one class
# of those characters, so the regex engine jumps from one to the next.
SENTENCE_END = re.compile(r"[.!?\n](?:(?<=\n)|(?<=[.!?])['’\"”)]*(?=\s+[A-Z\"“(\[•]|\s*$))")
ABBREVIATIONS = {
    "c",
    "ca",
    "no",
    "nos",
    "dr",
    "mr",
    "ms",
    "mrs",
    "st",
    "pvt",
    "ltd",
    "co",
    "inc",
    "hon",
    "prof",
    "atty",
    "vs",
    "e.g",
    "i.e",
}


def sentences(text: str):
    """(offset, sentence) pairs."""
    start = 0
    for m in SENTENCE_END.finditer(text):
        if m.group(0) != "\n":
            word = text[max(start, m.start() - 6) : m.start()].rsplit(None, 1)[-1:]
            if word and (
                word[0].lower() in ABBREVIATIONS or (len(word[0]) == 1 and word[0].isupper())
            ):
                continue
        if text[start : m.end()].strip():
            yield start, text[start : m.end()]
        start = m.end()
    if text[start:].strip():
        yield start, text[start:]
