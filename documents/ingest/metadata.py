"""A document's own metadata: clean text, title, and the `date | category | region` header line."""

from __future__ import annotations

import re
from dataclasses import dataclass

from advocacy_site.partial_dates import PartialDate

from .dates import MONTHS, find_dates
from .reference import places

# Page furniture that survives a copy-paste of a web page; never part of the document.
BOILERPLATE = re.compile(
    r"""^(?:
        leave\ a\ (?:comment|reply) | \d*\s*comments? | no\ comments | read\ more
      | share(?:\ this)?(?::.*)? | tweet | print(?:\ this)? | e-?mail(?:\ this)?
      | (?:group|team|class)\ (?:photo|picture|panorama)\S*.* | photo(?:\ credit)?:.* | image:.*
      | posted\ (?:in|by|on)\ .* | tags?:.* | categories:.* | filed\ under.*
      | back\ to\ top | skip\ to\ content | home
    )$""",
    re.I | re.X,
)
BLANK_LINES = re.compile(r"\n{3,}")
HEADER_SEPARATOR = re.compile(r"\s*[|·]\s*")
TITLE_MAX = 160


@dataclass
class DocumentMetadata:
    title: str
    text: str
    date: PartialDate | None
    category: str
    region: str


def clean_text(text: str) -> str:
    """Drop boilerplate lines, normalise spaces and blank lines; keep every sentence as written."""
    lines = []
    for line in text.replace("\u00a0", " ").replace("\ufeff", "").split("\n"):
        stripped = line.strip()
        if stripped and BOILERPLATE.match(stripped):
            continue
        lines.append(line.rstrip())
    cleaned = "\n".join(lines)
    if "\n\n\n" in cleaned:  # the regex would walk every character to find none
        cleaned = BLANK_LINES.sub("\n\n", cleaned)
    return cleaned.strip("\n ") + "\n"


VENUE_WORD = re.compile(
    r"\b(?:Hotel|Resort|Inn|Cent(?:re|er)|Hall|Room|Auditorium|Venue|Building|Plaza|Campus|"
    r"University|Secretariat|Headquarters|Online|Virtual)\b"
)


def is_venue_line(line: str) -> bool:
    """`27–28 November 2019 | Hotel Novotel, Bangkok, Thailand`: an event page's date and
    venue, not a publication header (`date | category | region` names no venue)."""
    if "|" not in line:
        return False
    parts = [p for p in HEADER_SEPARATOR.split(line.strip()) if p]
    return any(
        (VENUE_WORD.search(part) or ("," in part and any(places().finditer(part))))
        and not find_dates(part)
        for part in parts
    )


def _header(line: str) -> tuple[PartialDate, str, str] | None:
    """`15 Aug 2007 | Consultations | Regional` -> (date, category, region)."""
    if "|" not in line and "·" not in line:
        return None  # one part: not a header (and long paragraph lines are not split)
    parts = [p for p in HEADER_SEPARATOR.split(line.strip()) if p]
    if len(parts) < 2 or is_venue_line(line):
        return None
    for i, part in enumerate(parts):  # `Press release | 02 November 2017`: the date anywhere
        dates = find_dates(part)
        if dates and len(dates[0].text) >= len(part) - 2:
            rest = parts[:i] + parts[i + 1 :]
            category = rest[0] if rest else ""
            region = rest[1] if len(rest) > 1 else ""
            return dates[0].date, category[:100], region[:100]
    return None


# A press release's first paragraph opens on its dateline: `MANILA, 14 November 2017 – ...`,
# `JAKARTA (10 March 2016) - ...`, `BANGKOK (ILO News) – ...` (no date there).
PARAGRAPH_DATELINE = re.compile(r"^[A-Z][\w .'’-]{1,40}(?:,\s*|\s*\(\s*)(.{6,30}?)\s*\)?\s*[–—-]\s")


def _dateline(line: str) -> PartialDate | None:
    """`Dhaka, November 14, 2019` or a date alone on a short line near the top, or the
    dateline a paragraph opens on."""
    if len(line) > 60:
        opening = PARAGRAPH_DATELINE.match(line)
        dates = find_dates(opening.group(1)) if opening else []
        return dates[0].date if dates and dates[0].text == opening.group(1).strip() else None
    m = re.match(r"^(?:[A-Z][\w .'’-]{1,40},\s*)?(.+?)\s*$", line)
    dates = find_dates(m.group(1)) if m else []
    if dates and dates[0].start == 0 and len(dates[0].text) >= len(m.group(1)) - 1:
        return dates[0].date
    return None


# "Published: Thursday, February 21, 2019", "Posted on 21/02/2019 by ...", "Date: 21 February
# 2019", "Last updated 3 March 2019".
PUBLICATION_LINE = re.compile(
    r"^(?:posted|published|updated|last\s+(?:updated|modified)|date[d]?|issued|released)\b"
    r"(?:\s+(?:on|at))?\s*:?\s*(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(.+)$",
    re.I,
)


def _publication_line(line: str) -> PartialDate | None:
    """The date a `Published: ...` (or `Posted on`, `Date:`, `Last updated`) line gives."""
    posted = PUBLICATION_LINE.match(line)
    found = find_dates(posted.group(1)) if posted else []
    return found[0].date if found and found[0].start < 3 else None


# A wire dateline with a day but no year: `KATHMANDU, Feb 20 (Agency) -`, `DHAKA, 20 February -`.
YEARLESS_DATELINE = re.compile(
    r"^[A-Z][A-Za-z .'’-]{1,40},\s*(?:(?P<m1>[A-Za-z]{3,9})\.?\s+(?P<d1>\d{1,2})|"
    r"(?P<d2>\d{1,2})\s+(?P<m2>[A-Za-z]{3,9})\.?)\b(?!,?\s*\d{4})"
)


def _yearless_dateline(lines: list[str], published: PartialDate) -> PartialDate | None:
    """The day a wire dateline gives, in the year of the page's publication (the month and day
    after it belong to the year before: `Dec 30` on a page of 2 January)."""
    for line in lines:
        m = YEARLESS_DATELINE.match(line)
        month = m and MONTHS.get((m.group("m1") or m.group("m2")).lower())
        if not month:
            continue
        year = published.start.year
        if month > published.start.month and published.precision != "year":
            year -= 1
        try:
            return PartialDate.from_parts(year, month, int(m.group("d1") or m.group("d2")))
        except ValueError:
            return None
    return None


def _title_from(line: str) -> str:
    line = " ".join(line.split())
    if len(line) <= TITLE_MAX:
        return line
    sentence = re.split(r"(?<=[.!?])\s", line, maxsplit=1)[0]
    if len(sentence) <= TITLE_MAX:
        return sentence.rstrip(".")
    return line[:TITLE_MAX].rsplit(" ", 1)[0] + "…"


def read_metadata(raw_text: str, *, fallback_title: str = "") -> DocumentMetadata:
    """Title (first meaningful line), header date, category and region, and the cleaned text."""
    text = clean_text(raw_text)
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    title, date, category, region = "", None, "", ""
    from_publication_line = False
    for line in lines[:12]:
        if PUBLICATION_LINE.match(line) and (published := _publication_line(line)):
            from_publication_line |= date is None
            date = date or published
            continue
        header = _header(line)
        if header and date is None:
            date, category, region = header
            continue
        if date is None and (dateline := _dateline(line)):
            date = dateline
            continue
        if not title and re.search(r"[A-Za-z]{3}", line):
            title = _title_from(line)
    if (
        date is None
    ):  # "Posted on 19 February 2019 by GEFONT": page furniture, but it dates the page
        raw_lines = [line.strip() for line in raw_text.split("\n") if line.strip()]
        date = next(filter(None, map(_publication_line, raw_lines[:12] + raw_lines[-12:])), None)
        from_publication_line = True
    if (
        from_publication_line and date is not None
    ):  # the wire dateline's day, when it gives one, is the report's
        date = _yearless_dateline(lines[:12], date) or date
    return DocumentMetadata(
        title=title or fallback_title or "Untitled document",
        text=text,
        date=date,
        category=category,
        region=region,
    )
