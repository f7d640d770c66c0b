"""Synthetic advocacy-report texts for measuring the archive at scale (issue 12).

Each text is about 5 KB of the genre the importer reads: a title line with the event's dates and
place, a header line, who organized it, a speaker list with titles and affiliations, the
instruments discussed, and background paragraphs. The names come from the shipped gazetteer
and from plausible new unions and NGOs made up here, drawn with a long-tailed (Zipf-like)
frequency so that a few bodies are very busy and most appear a handful of times, as in a real
archive. The same seed gives the same texts.
"""

from __future__ import annotations

import itertools
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .vocabulary import (
    BACKGROUND,
    CITIES,
    FIRST_NAMES,
    INSTRUMENTS,
    KINDS,
    LAST_NAMES,
    MONTHS,
    MORE_ORGANIZATION_FORMS,
    ORGANIZATION_FORMS,
    PLACES,
    SECTORS,
    THEMES,
    TITLES,
)

REFERENCE = Path(__file__).resolve().parents[2] / "data" / "reference"
FIRST_YEAR, LAST_YEAR = 1990, 2026
ORGANIZATIONS_PER_DOCUMENT = 0.2  # about 20,000 bodies at 100,000 documents
PEOPLE_PER_DOCUMENT = 0.5  # about 50,000 people at 100,000 documents
ILO_SHARE = 0.5  # the ILO is named in about half the documents
RARE_WORD = "sericulture"  # in about one document in 500, for a search with few hits
RARE_WORD_SHARE = 0.002


@dataclass(frozen=True)
class Body:
    name: str
    acronym: str


@dataclass(frozen=True)
class Speaker:
    name: str
    title: str
    body: Body


def _zipf_cumulative(size: int, shift: float) -> list[float]:
    """Cumulative weights 1/(rank + shift): a long tail with a few very frequent heads. The
    shift sets how busy the head is: with 12, the busiest body takes part in about 4% of
    the events (4,000 at 100,000 documents)."""
    return list(itertools.accumulate(1.0 / (rank + shift) for rank in range(1, size + 1)))


def _initials(name: str) -> str:
    return "".join(word[0] for word in name.replace("'", "").split() if word[0].isupper())


class ArchiveTextGenerator:
    """Texts for an archive of `documents` documents; the same seed gives the same texts."""

    def __init__(self, *, seed: int, documents: int):
        self.rng = random.Random(seed)
        self.bodies = self._bodies(max(40, int(documents * ORGANIZATIONS_PER_DOCUMENT)))
        self.body_weights = _zipf_cumulative(len(self.bodies), shift=12)
        self.speakers = self._speakers(max(40, int(documents * PEOPLE_PER_DOCUMENT)))
        self.speaker_weights = _zipf_cumulative(len(self.speakers), shift=20)

    def _bodies(self, count: int) -> list[Body]:
        """Gazetteer bodies at the head of the ranking (the known ones are the busy ones),
        then made-up unions and NGOs for the tail."""
        gazetteer = json.loads((REFERENCE / "organizations.json").read_text(encoding="utf-8"))
        known = [Body(o["name"], o["acronym"]) for o in gazetteer if o["name"] != ILO.name]
        self.rng.shuffle(known)
        known = known[: max(count // 4, min(count, 30))]
        made_up = self._made_up_names(ORGANIZATION_FORMS)
        if len(made_up) < count - len(known):  # over about 87,000 documents
            made_up += self._made_up_names(MORE_ORGANIZATION_FORMS)
        made_up = made_up[: count - len(known)]
        return known + [Body(name, _initials(name)) for name in made_up]

    def _made_up_names(self, forms: list[str]) -> list[str]:
        names = [
            form.format(sector=sector, place=place)
            for form in forms
            for sector in SECTORS
            for place in PLACES
        ]
        self.rng.shuffle(names)
        return names

    def _speakers(self, count: int) -> list[Speaker]:
        names: set[str] = set()
        rng = self.rng
        while len(names) < count:
            given = rng.sample(FIRST_NAMES, 2 if rng.random() < 0.6 else 1)
            names.add(f"{' '.join(given)} {rng.choice(LAST_NAMES)}")
        ranked = sorted(names)  # a set's order changes from run to run; the seed's must not
        rng.shuffle(ranked)
        return [Speaker(name, rng.choice(TITLES), self._body_draw(1)[0]) for name in ranked]

    def _body_draw(self, k: int) -> list[Body]:
        return self.rng.choices(self.bodies, cum_weights=self.body_weights, k=k)

    def _organizers(self) -> list[Body]:
        drawn: list[Body] = []
        while len(drawn) < 4:
            body = self._body_draw(1)[0]
            if body not in drawn:
                drawn.append(body)
        return drawn

    def document(self, number: int) -> str:
        """The text of document `number`, about 5 KB."""
        rng = self.rng
        city, country = rng.choice(CITIES)
        year, month = rng.randint(FIRST_YEAR, LAST_YEAR), rng.randint(1, 12)
        day = rng.randint(1, 24)
        month_name = MONTHS.split()[month - 1]
        kind, theme = rng.choice(KINDS), rng.choice(THEMES)
        organizers = self._organizers()
        speakers = rng.choices(self.speakers, cum_weights=self.speaker_weights, k=5)
        first, second = rng.sample(INSTRUMENTS, 2)
        parts = [
            f"{kind} on {theme.title()}, {city}, {day}-{day + 2} {month_name} {year}",
            f"{day + 4} {month_name[:3]} {year} | {kind.split()[-1]}s | Regional",
            f"The {kind.lower()} on {theme} was held in {city}, {country} on {day}-{day + 2} "
            f"{month_name} {year}, organized by {_defined(organizers[0])} in partnership with "
            f"{_defined(organizers[1])}, with the support of {_defined(organizers[2])}.",
            "Speakers included: "
            + "; ".join(f"{s.name}, {s.title}, {s.body.name}" for s in dict.fromkeys(speakers))
            + ".",
            f"Discussions focused on {first} and {second}, and on the role of "
            f"{_defined(organizers[3])}.",
        ]
        if rng.random() < ILO_SHARE:
            parts.append(f"The {ILO.name} ({ILO.acronym}) presented its recent work on {theme}.")
        if rng.random() < RARE_WORD_SHARE:
            parts.append(f"Workers from the {RARE_WORD} cooperatives of the region also spoke.")
        background = rng.sample(BACKGROUND, 4)
        while sum(len(p) for p in parts) < 5000:
            parts.append(" ".join(background))
        parts.append(
            f"In {year - rng.randint(1, 5)}, {organizers[0].name} signed a Memorandum of "
            f"Understanding with {organizers[3].name}."
        )
        return "\n\n".join(parts) + "\n"

    def documents(self, count: int, first: int = 0) -> Iterator[tuple[str, str]]:
        """(file name, text) of `count` documents numbered from `first`."""
        for number in range(first, first + count):
            yield f"synthetic-{number:06d}.txt", self.document(number)


ILO = Body("International Labour Organization", "ILO")


def _defined(body: Body) -> str:
    """A body as reports first name it: its full name with its acronym, if it has one."""
    return f"{body.name} ({body.acronym})" if body.acronym else body.name
