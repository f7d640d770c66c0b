"""Turning what a text says into findings: one finding per body, a known body picked among those
sharing an acronym, and the name a definition gives."""

from __future__ import annotations

import re

from advocacy_site.names import name_key

from .findings import OrganizationFinding, Span
from .organization_words import CONNECTORS, REGION_AFTER, REGION_BEFORE
from .reference import KnownOrganization, acronym_key, countries

# One or two capitalised words; "not after a word character" is checked after the capital, so
# the engine can jump from capital to capital.
CAPITALISED = re.compile(r"[A-Z](?<!\w.)[a-z]+(?:\s[A-Z][a-z]+)?\b")


def add(
    found: dict[str, OrganizationFinding],
    *,
    key: str,
    name: str,
    text: str,
    start: int,
    end: int,
    rule: str,
    confidence: float,
    known: KnownOrganization | None = None,
    acronym: str = "",
) -> OrganizationFinding:
    finding = found.get(key)
    if finding is None:
        finding = OrganizationFinding(key=key, name=name, acronym=acronym)
        if known is not None:
            finding.name, finding.acronym = known.name, known.acronym
            finding.kind, finding.country = known.kind, known.country
            finding.parent, finding.website = known.parent, known.website
            finding.known = True
        found[key] = finding
    if acronym and not finding.acronym:
        finding.acronym = acronym
    surface = text[start:end]
    if name_key(surface) != name_key(finding.name) and surface != finding.acronym:
        finding.aliases.add(surface)
    finding.spans.append(Span(start, end, surface, rule, confidence))
    return finding


def document_countries(text: str) -> set[str]:
    names = countries()
    return {names[word] for word in map(str.lower, CAPITALISED.findall(text)) if word in names}


def pick(
    candidates: list[KnownOrganization], context_countries: set[str]
) -> tuple[KnownOrganization, float]:
    """An acronym shared by several bodies is resolved by the countries the document names."""
    if len(candidates) == 1:
        return candidates[0], 0.9
    local = [c for c in candidates if c.country and c.country in context_countries]
    if len(local) == 1:
        return local[0], 0.75
    regional = [c for c in candidates if not c.country]
    if len(regional) == 1 and not local:
        return regional[0], 0.6
    return candidates[0], 0.4  # a proposal a curator must check


def initials_of(words: list[str]) -> str:
    return "".join(
        part[0].upper()
        for w in words
        if w.lower() not in CONNECTORS and w[0].isalnum()
        for part in re.split(r"-", w)
        if part
    )


def loosely_initials(initials: str, target: str) -> bool:
    """`SERC` for "State Enterprise Worker Relations Confederation of Thailand": the acronym's
    letters in order among the initials, from the first."""
    if not initials or not target or initials[0] != target[0] or len(target) < 3:
        return False
    letters = iter(initials)
    return all(letter in letters for letter in target)


def defined_name(
    words: list[str], acronym: str, gaz
) -> tuple[str, KnownOrganization | None] | None:
    """The words before `(ACRONYM)` that name the body: a known name, or matching initials;
    failing those, the longest run whose initials hold the acronym's letters in order."""
    target = acronym_key(acronym)
    runs = [words[i:] for i in range(len(words) - 1) if words[i].lower() not in CONNECTORS]
    for run in runs:
        name = " ".join(run)
        known = gaz.by_key.get(name_key(name))
        if known is not None:
            return name, known
        initials = initials_of(run)
        if len(run) >= 2 and (initials == target or initials == target.rstrip("S")):
            return name, None
    for run in runs:
        if run[0][0].isupper() and loosely_initials(initials_of(run), target):
            return " ".join(run), None
    return None


def finding_key(name: str, known: KnownOrganization | None, country: str = "") -> str:
    """One key per body within a document: the gazetteer entry, else the name (and country)."""
    if known is not None:
        return f"known:{known.name}"
    return f"name:{name_key(name)}|{country}" if country else f"name:{name_key(name)}"


def by_bare_name(name, gaz, country, doc_countries) -> KnownOrganization | None:
    """`National Human Rights Commission`: the one of the country the text is about."""
    candidates = gaz.by_bare_name.get(name_key(name))
    if not candidates:
        return None
    if country:
        local = [c for c in candidates if c.country == country]
        return local[0] if len(local) == 1 else None
    known, confidence = pick(candidates, doc_countries)
    return known if confidence >= 0.6 else None


def office_of(name: str, gaz) -> KnownOrganization | None:
    """`Office of the OHCHR`, `Secretariat of the ILO`, `MFA Secretariat`: the known body."""
    m = re.match(r"^(?:Office|Secretariat|Offices)\s+of\s+(?:the\s+)?(.+)$", name) or re.match(
        r"^(.+?)\s+[Ss]ecretariat$", name
    )
    if not m:
        return None
    inner = m.group(1)
    candidates = gaz.by_acronym.get(acronym_key(inner)) or []
    return gaz.by_key.get(name_key(inner)) or (candidates[0] if len(candidates) == 1 else None)


COUNTRY_OFFICE = re.compile(
    r"^(?P<owner>[A-Z][\w-]*)(?:['’]s)?\s+(?P<country>[A-Z].*?)\s+(?:Country\s+)?Office$"
)


def country_office_of(name: str, gaz) -> KnownOrganization | None:
    """`ILO Viet Nam Office`, `the ILO's Nepal Office`: the known body's office in that country
    ("ILO Country Office for Viet Nam"), never a body called "Viet Nam Office"."""
    m = COUNTRY_OFFICE.match(name)
    if not m:
        return None
    owners = gaz.by_acronym.get(acronym_key(m.group("owner"))) or []
    code = countries().get(m.group("country").lower(), "")
    if len(owners) != 1 or not code:
        return None
    owner = owners[0]
    offices = {
        known.name: known
        for known in gaz.by_key.values()
        if known.country == code
        and "Office" in known.name
        and (owner.acronym in known.name.split() or _run_by(known, owner.name, gaz))
    }
    return next(iter(offices.values())) if len(offices) == 1 else None


def _run_by(known: KnownOrganization, owner: str, gaz) -> bool:
    """Whether the owner is the known body's parent, or its parent's, and so on."""
    for _depth in range(4):
        if not known.parent:
            return False
        if known.parent == owner:
            return True
        known = gaz.by_key.get(name_key(known.parent))
        if known is None:
            return False
    return False


def names_region(text: str, start: int, end: int, candidates) -> bool:
    """`in ASEAN`, `ASEAN countries`: an intergovernmental body's acronym naming its region
    (never "on behalf of the MMN": a network is no region)."""
    if not candidates or any(c.kind != "intergovernmental" or not c.region for c in candidates):
        return False
    if any(c.region == "Global" for c in candidates):
        return False  # "of the ILO" is the ILO: a global body names no region
    return bool(
        REGION_BEFORE.search(text[max(0, start - 12) : start])
        or REGION_AFTER.match(text[end : end + 20])
    )
