"""Find organizations: gazetteer names and acronyms, `Full Name (ACRONYM)` definitions, and
capitalised names built like an organization's ("... Trade Union Council", "... Forum in Asia").

Each real-world body becomes one finding per document, whatever forms the text uses.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from organizations.names import name_key

from .findings import OrganizationFinding, Span
from .phrases import capital_starts, finditer_at
from .reference import KnownOrganization, acronym_key, countries, gazetteer

ORG_HEADS = (
    r"Union|Unions|Congress|Council|Forum|Network|Centre|Center|Commission|Organi[sz]ation|"
    r"Federation|Confederation|Association|Task\s?Force|Taskforce|Caucus|University|Institute|"
    r"Foundation|Stiftung|Alliance|Coalition|Ministry|Department|Office|Secretariat|Assembly|"
    r"Parliament|Group|Committee|Bank|Agency|Fund|Trust|League|Society|Movement|Platform|"
    r"Programme\s+Office|Bureau|Authority|Board|Chamber|Cooperative|Collective|"
    r"Observatory|School|College|Academy|Embassy|Consulate|High\s+Commission|"
    r"House\s+of\s+Representatives|Senate|Hluttaw|National\s+Assembly|"
    r"(?:Pvt\.?\s+)?Ltd\.?|Limited|Corporation|Company|Manpower"
)
HEAD = re.compile(rf"\b(?:{ORG_HEADS})(?![\w-])")
_CAP = r"(?:[A-Z][\w'’.&-]*|[A-Z]{2,}(?:-[A-Z]+)?)"
_CONNECT = r"(?:of|for|on|the|and|in|de|du|des|to|&)"
# A run of capitalised words (with small connectors) that contains an organization head word.
# It starts with a capital: saying so first spares the engine trying the rest at other words.
CANDIDATE = re.compile(
    rf"(?=[A-Z])(?<![\w-])((?:{_CAP}[ \t]+(?:{_CONNECT}[ \t]+)*)*?(?:{_CAP}[ \t]+)*(?:{ORG_HEADS})"
    rf"(?:[ \t]+(?:{_CONNECT}[ \t]+)+(?:{_CAP}[ \t]?)+)*)(?![\w-])"
)
DEFINITION = re.compile(  # starts with a capital, said first as in CANDIDATE
    r"(?=[A-Z])(?<![\w-])((?:[A-Z][\w'’.&-]*[ \t]+(?:(?:of|for|on|the|and|in|de)[ \t]+)*){1,9}[A-Z][\w'’.&-]*)"
    r"\s*\(\s*([A-Z][A-Za-z&\-]{1,11})\s*\)"
)
# CANDIDATE and DEFINITION match a run of capitalised words and connectors, made of these
# characters, that holds a head word or comes before "(ACRONYM)". Read backwards from each head
# word or parenthesis (matching over the reversed text), the runs say which capitals to try.
RUN_BACKWARDS = re.compile(r"[\w'’.&\- \t]*")
DEFINITION_BACKWARDS = re.compile(r"\s*[\w'’.&\- \t]*")  # "Name (ACRONYM)", "Name\n(ACRONYM)"
# A head word, tried at each capital start: in CANDIDATE one opens the name or follows a space.
HEAD_AT = re.compile(rf"(?:{ORG_HEADS})")
ACRONYM_IN_PARENS = re.compile(r"\(\s*[A-Z][A-Za-z&\-]{1,11}\s*\)")  # as DEFINITION ends


def _capitals_in_runs(
    text: str, spans: list[tuple[int, int]], backwards_run: re.Pattern = RUN_BACKWARDS
) -> list[int]:
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


LEADING_NOISE = re.compile(
    r"^(?:(?:(?:Regional|National|Senior|Deputy|Executive|Country|General|Assistant|Acting)\s+"
    r"(?=(?:Director|Coordinator|Co-ordinator|Representative|Secretary|Officer|Specialist|"
    r"Manager|Advis[eo]r|Counsellor)\b))|"
    r"(?:The|A|An|This|That|Its|Their|Our|By|With|From|At|In|On|For|And|Of|To|As|"
    r"Both|Each|Several|Many|Other|New|Newly|When|While|Under|After|Before|Since|"
    r"Formed|Established|Organized|Organised|Supported|Funded|Led|Hosted|Among|Including|"
    r"Head|Country|General|Deputy|Chief|Director|Coordinator|Representative|Executive|"
    r"Senior|Specialist|Secretary|Officer|Presentations?)\s+)+",
    re.I,
)
CONNECTORS = {"of", "for", "on", "the", "and", "in", "de", "du", "des", "to", "&", "at"}
# Words that make a capitalised phrase an instrument, a plan or a generic group, not a body.
NOT_BODY_WORDS = {
    "memorandum",
    "agreement",
    "declaration",
    "convention",
    "conventions",
    "framework",
    "protocol",
    "resolution",
    "charter",
    "plan",
    "compact",
    "guidelines",
    "principles",
    "objectives",
    "toolkit",
    "tool",
    "kit",
    "kits",
    "database",
}
GENERIC_MODIFIERS = {
    "expert",
    "working",
    "steering",
    "advisory",
    "technical",
    "national",
    "regional",
    "international",
    "local",
    "global",
    "informal",
    "new",
    "joint",
    "special",
    "ngo",
    "ngos",
    "cso",
    "csos",
    "civil",
    "trade",
    "union",
    "public",
    "private",
    "other",
    "member",
}
PLURAL_HEADS = re.compile(
    r"\b(?:Unions|Organi[sz]ations|Groups|Networks|Councils|Agencies|Federations|Associations|"
    r"Centres|Centers|Institutes|Ministries|Departments|Offices|Committees|Movements)\b"
)
REGION_BEFORE = re.compile(r"\b(?:in|within|across|throughout|outside|of\s+the)\s+$", re.I)
REGION_AFTER = re.compile(
    r"\s+(?:region|countries|nations|economies|residents|peoples|member\s+states|pillar)\b", re.I
)


def _names_region(text: str, start: int, end: int, candidates) -> bool:
    """`in ASEAN`, `ASEAN countries`: an intergovernmental body's acronym naming its region
    (never "on behalf of the MMN": a network is no region)."""
    if not candidates or any(c.kind != "intergovernmental" for c in candidates):
        return False
    return bool(
        REGION_BEFORE.search(text[max(0, start - 12) : start])
        or REGION_AFTER.match(text[end : end + 20])
    )


EVENT_SERIES = re.compile(r"\b(?:Conference|Summit)$")
ADDRESS_AFTER = re.compile(r"^\s*(?:Building|Bldg|Avenue|Road|Street|Floor|Block|Compound|Tower)\b")
GENERIC = {
    "union",
    "unions",
    "trade union",
    "trade unions",
    "council",
    "forum",
    "network",
    "office",
    "group",
    "task force",
    "the task force",
    "secretariat",
    "commission",
    "committee",
    "organization",
    "organisation",
    "international",
    "the forum",
    "centre",
    "center",
    "university",
    "institute",
    "department",
    "ministry",
    "assembly",
    "parliament",
    "agency",
    "national unions",
    "regional office",
    "working group",
    "asean and jordan working group",
    "international agencies",
    "civil society",
    "programme",
    "project",
}


def _add(
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


# One or two capitalised words; "not after a word character" is checked after the capital, so
# the engine can jump from capital to capital.
CAPITALISED = re.compile(r"[A-Z](?<!\w.)[a-z]+(?:\s[A-Z][a-z]+)?\b")


def _document_countries(text: str) -> set[str]:
    names = countries()
    return {names[word] for word in map(str.lower, CAPITALISED.findall(text)) if word in names}


def _pick(
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


SENTENCE_BREAK = re.compile(r"(?<!Pvt)(?<!Ltd)(?<!Co)(?<!Inc)(?<!No)(?<!St)[.!?]['’\"]?\s")
TRAILING_PUNCTUATION = re.compile(r"[\s,;:.\-–]+$")


def _clean_candidate(raw: str) -> str:
    # never across a sentence end (but "Pvt. Ltd." and "No. 3" are not ends)
    name = SENTENCE_BREAK.split(raw.strip(), maxsplit=1)[0]
    name = LEADING_NOISE.sub("", name)
    name = TRAILING_PUNCTUATION.sub("", name)
    return " ".join(name.split())


def _initials(words: list[str]) -> str:
    return "".join(
        part[0].upper()
        for w in words
        if w.lower() not in CONNECTORS
        for part in re.split(r"-", w)
        if part
    )


def _defined_name(
    words: list[str], acronym: str, gaz
) -> tuple[str, KnownOrganization | None] | None:
    """The words before `(ACRONYM)` that name the body: a known name, or matching initials."""
    target = acronym_key(acronym)
    for i in range(len(words) - 1):
        candidate = words[i:]
        if candidate[0].lower() in CONNECTORS:
            continue
        name = " ".join(candidate)
        known = gaz.by_key.get(name_key(name))
        if known is not None:
            return name, known
        initials = _initials(candidate)
        if len(candidate) >= 2 and (initials == target or initials == target.rstrip("S")):
            return name, None
    return None


def _capitalised(surface: str) -> bool:
    return all(
        w[0].isupper() or not w[0].isalpha()  # "ITUC – Asia Pacific": a dash is no word
        for w in surface.split()
        if w.lower() not in CONNECTORS
    )


def _is_body_name(name: str) -> bool:
    words = name.split()
    lowered = [w.lower().strip(".,") for w in words]
    if len(words) < 2 or name_key(name) in GENERIC:
        return False
    if any(w in NOT_BODY_WORDS for w in lowered) or PLURAL_HEADS.search(name):
        return False
    if lowered[0] == lowered[-1] or lowered[0] in {"ngo", "ngos", "cso", "csos"}:
        return False  # "Union to Union", "NGO and International"
    return not (len(words) == 2 and lowered[0] in GENERIC_MODIFIERS)


def _finding_key(name: str, known: KnownOrganization | None, country: str = "") -> str:
    """One key per body within a document: the gazetteer entry, else the name (and country)."""
    if known is not None:
        return f"known:{known.name}"
    return f"name:{name_key(name)}|{country}" if country else f"name:{name_key(name)}"


def _by_bare_name(name, gaz, country, doc_countries) -> KnownOrganization | None:
    """`National Human Rights Commission`: the one of the country the text is about."""
    candidates = gaz.by_bare_name.get(name_key(name))
    if not candidates:
        return None
    if country:
        local = [c for c in candidates if c.country == country]
        return local[0] if len(local) == 1 else None
    known, confidence = _pick(candidates, doc_countries)
    return known if confidence >= 0.6 else None


def _office_of(name: str, gaz) -> KnownOrganization | None:
    """`Office of the OHCHR`, `Secretariat of the ILO`: the known body itself."""
    m = re.match(r"^(?:Office|Secretariat|Offices)\s+of\s+(?:the\s+)?(.+)$", name)
    if not m:
        return None
    inner = m.group(1)
    candidates = gaz.by_acronym.get(acronym_key(inner)) or []
    return gaz.by_key.get(name_key(inner)) or (candidates[0] if len(candidates) == 1 else None)


POSSESSIVE_COUNTRY = re.compile(r"^(.*?\b)([A-Z][\w ]*?)['’]s\s+(?=[A-Z])")
JOINED_BODY = re.compile(r"^([A-Z][\w-]*)\s+and\s+(?:the\s+)?")


def find_organizations(text: str) -> dict[str, OrganizationFinding]:
    gaz = gazetteer()
    found: dict[str, OrganizationFinding] = {}
    taken: list[tuple[int, int]] = []
    doc_countries = _document_countries(text)
    country_names = countries()

    def free(start: int, end: int) -> bool:
        return not any(start < e and s < end for s, e in taken)

    # 1. "Full Name (ACRONYM)" definitions: the text tells us both forms are one body;
    #    "Full Name (Country)" tells where it is.
    parens = [(m.start(), m.start()) for m in ACRONYM_IN_PARENS.finditer(text)]
    definition_starts = _capitals_in_runs(text, parens, DEFINITION_BACKWARDS)
    for m in finditer_at(DEFINITION, text, definition_starts):
        words, inside = m.group(1).split(), m.group(2)
        country = country_names.get(inside.lower(), "")
        if country:
            name = _clean_candidate(m.group(1))
            known = gaz.by_key.get(name_key(name))
            if not (_is_body_name(name) or known):
                continue
            acronym = ""
        else:
            picked = _defined_name(words, inside, gaz)
            if picked is None:
                continue
            name, known = picked
            acronym = inside
            if not known and not _is_body_name(name) and len(name.split()) < 3:
                continue
            if any(w.lower() in NOT_BODY_WORDS for w in name.split()):
                continue
        key = _finding_key(name, known, country)
        start = m.start(1) + m.group(1).rfind(name)
        finding = _add(
            found,
            key=key,
            name=name,
            text=text,
            start=start,
            end=start + len(name),
            rule="definition",
            confidence=0.9,
            known=known,
            acronym=acronym,
        )
        taken.append((start, start + len(name)))
        if country and not finding.country:
            finding.country = country
        if acronym:
            _add(
                found,
                key=key,
                name=name,
                text=text,
                start=m.start(2),
                end=m.end(2),
                rule="definition-acronym",
                confidence=0.9,
                known=known,
                acronym=acronym,
            )
            taken.append((m.start(2), m.end(2)))

    defined = {acronym_key(f.acronym): k for k, f in found.items() if f.acronym}

    # 2. Known names from the gazetteer.
    for hit in gaz.names.finditer(text):
        if not free(hit.start, hit.end) or ADDRESS_AFTER.match(text[hit.end : hit.end + 20]):
            continue
        if not _capitalised(hit.text):
            continue  # "union to union cooperation" is not the body "Union to Union"
        if EVENT_SERIES.search(hit.text):
            taken.append((hit.start, hit.end))
            continue  # a conference series is an event, not an organization
        known = hit.value
        taken.append((hit.start, hit.end))
        _add(
            found,
            key=f"known:{known.name}",
            name=known.name,
            text=text,
            start=hit.start,
            end=hit.end,
            rule="gazetteer-name",
            confidence=0.95,
            known=known,
        )

    # 3. Unknown bodies named like organizations ("APWLD Labor and Migration Task Force").
    heads = [m.span() for at in capital_starts(text) if (m := HEAD_AT.match(text, at))]
    for m in finditer_at(CANDIDATE, text, _capitals_in_runs(text, heads)):
        raw = m.group(1)
        country = ""
        # "Nepal's Ministry of Labour": the country owns it; "FES and the Myanmar Ministry": two.
        split = POSSESSIVE_COUNTRY.search(raw)
        if split and split.group(2).lower() in country_names:
            country = country_names[split.group(2).lower()]
            raw = raw[split.end() :]
        joined = JOINED_BODY.match(raw)
        if joined and (acronym_key(joined.group(1)) in gaz.by_acronym or joined.group(1).isupper()):
            raw = raw[joined.end() :]
        name = _clean_candidate(raw)
        start = m.start(1) + m.group(1).find(name)
        end = start + len(name)
        ministry = re.match(
            r"(?:,\s+[A-Z][\w'’]*(?:\s+[A-Z][\w'’]*)*)*\s+and\s+[A-Z][\w'’]*(?:\s+[A-Z][\w'’]*)*",
            text[end : end + 120],
        )
        if ministry and name.startswith(("Ministry", "Department")):
            end += ministry.end()  # "Ministry of Labour, Employment and Social Security"
            name = text[start:end]
        blocking = [s for s, e in taken if start < e and s < end]
        if blocking:  # "Centre for Population Studies in Mahidol University": keep the first body
            cut = re.search(r"\s+(?:in|at|of)\s+(?:the\s+)?$", text[start : min(blocking)])
            if not cut or min(blocking) <= start:
                continue
            end = start + cut.start()
            name = text[start:end]
        if not name or "\n" in name or not _is_body_name(name) or not HEAD.search(name):
            continue
        if name.split()[0].lower() in country_names and len(name.split()) == 2:
            continue  # "Korean unions", "Malaysia's Union": too vague
        taken.append((start, end))
        known = (
            gaz.by_key.get(name_key(name))
            or _office_of(name, gaz)
            or _by_bare_name(name, gaz, country, doc_countries)
        )
        key = _finding_key(name, known, country)
        finding = _add(
            found,
            key=key,
            name=name,
            text=text,
            start=start,
            end=end,
            rule="name-shape",
            confidence=0.95 if known else 0.7,
            known=known,
        )
        if country and not finding.country:
            finding.country = country

    # 4. Acronyms: defined in this text first, then the gazetteer.
    for hit in gaz.acronyms.finditer(text):
        start, end, akey = hit.start, hit.end, hit.value
        if not free(start, end):
            continue
        if _names_region(text, start, end, gaz.by_acronym.get(akey)):
            continue  # "unions in ASEAN", "ASEAN countries": the region, not the body
        if akey in defined:
            finding = found[defined[akey]]
            _add(
                found,
                key=finding.key,
                name=finding.name,
                text=text,
                start=start,
                end=end,
                rule="defined-acronym",
                confidence=0.9,
            )
        else:
            candidates = gaz.by_acronym.get(akey)
            if not candidates or EVENT_SERIES.search(candidates[0].name):
                continue
            already = [c for c in candidates if f"known:{c.name}" in found]
            known, confidence = (already[0], 0.9) if already else _pick(candidates, doc_countries)
            _add(
                found,
                key=f"known:{known.name}",
                name=known.name,
                text=text,
                start=start,
                end=end,
                rule="gazetteer-acronym",
                confidence=confidence,
                known=known,
            )
        taken.append((start, end))
    return found
