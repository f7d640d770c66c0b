"""Find organizations: gazetteer names and acronyms, `Full Name (ACRONYM)` and `ACRONYM (Full
Name)` definitions, and names built in one of the shapes of `organization_shapes`.

Each real-world body becomes one finding per document, whatever forms the text uses.
"""

from __future__ import annotations

import re

from advocacy_site.names import name_key

from .findings import OrganizationFinding
from .organization_acronyms import AcronymSteps
from .organization_findings import (
    add,
    by_bare_name,
    country_office_of,
    defined_name,
    document_countries,
    finding_key,
    initials_of,
    loosely_initials,
    office_of,
    pick,
)
from .organization_shapes import (
    HEAD,
    HEAD_FIRST,
    SHAPES,
    Candidate,
    NameShape,
    capitals_in_runs,
    clean_candidate,
    country_code,
    cues_by_shape,
    is_body_name,
    is_gathering,
    unconnected,
    unit_named_with_university,
)
from .organization_words import (
    ADDRESS_AFTER,
    CONNECTORS,
    EVENT_SERIES,
    NOT_BODY_WORDS,
    UN_AS_ADJECTIVE,
)
from .phrases import finditer_at
from .reference import KnownOrganization, acronym_key, countries, gazetteer

DEFINITION = re.compile(  # starts with a capital, as the name does
    r"(?=[A-Z])(?<![\w-])((?:[A-Z][\w'’.&-]*[ \t]+(?:(?:of|for|on|the|and|in|de|–|-)[ \t]+)*){1,9}[A-Z][\w'’.&-]*)"
    r"\s*\(\s*([A-Z][A-Za-z&\-]{1,11})\s*\)"
)
DEFINITION_BACKWARDS = re.compile(r"\s*[\w'’.&\-– \t]*")  # "Name (ACRONYM)", "Name\n(ACRONYM)"
ACRONYM_IN_PARENS = re.compile(r"\(\s*[A-Z][A-Za-z&\-]{1,11}\s*\)")  # as DEFINITION ends
# "SBMI (Serikat Buruh Migran Indonesia)": the acronym first, its name in brackets.
ACRONYM_BEFORE = re.compile(r"(?<![\w-])[A-Z][A-Za-z&\-]{1,11}[ \t]*$")
ACRONYM_FIRST = re.compile(
    r"\b([A-Z][A-Za-z&\-]{1,11})[ \t]*\([ \t]*([A-Z][^()\n]{3,150}?)[ \t]*\)"
)
PLURAL_ACRONYM = re.compile(r"^[A-Z]{2,}s$")  # "(RCPs)", "(CSOs)": a category, not a body
BRACKETED_ACRONYM = re.compile(r"[ \t]*\([ \t]*([A-Z][A-Za-z&\-]{1,11})[ \t]*\)")
UNIVERSITY_NAME = re.compile(
    r"(?:[A-Z][\w'’.-]*[ \t]+){0,4}(?:University|College)"
    r"(?:[ \t]+of[ \t]+[A-Z][\w'’-]*(?:[ \t][A-Z][\w'’-]*)*)?"
    r"|(?:Universiti|Universitas)(?:[ \t]+[A-Z][\w'’-]*)+"  # Malay and Indonesian: head first
)
UNIT_OF = re.compile(r"(?:\s+(?:in|at|of)\s+(?:the\s+)?|,\s+|\s*,?\n)$")
UNIT_LINK = re.compile(r"\s+(?:in|at|of)\s+(?:the\s+)?|,[ \t]*")
UNIT_HEAD = re.compile(
    r"(?:Centre|Center|Department|Office|Faculty|School|Unit|Programme|Program)\b"
)


class _OrganizationFinder(AcronymSteps):
    """The steps over one text, in order: definitions, known names, shaped names, acronyms.
    A span one step takes is not read again by a later one."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.gaz = gazetteer()
        self.found: dict[str, OrganizationFinding] = {}
        self.taken: list[tuple[int, int]] = []
        self.doc_countries = document_countries(text)
        self.defined: dict[str, str] = {}

    def run(self) -> dict[str, OrganizationFinding]:
        self.definitions()
        self.acronym_first_definitions()
        self.defined = {acronym_key(f.acronym): k for k, f in self.found.items() if f.acronym}
        for key, finding in self.found.items():  # as the text wrote them: "AseanTUC"
            for span in finding.spans:
                if span.rule == "definition-acronym":
                    self.defined.setdefault(acronym_key(span.text), key)
        self.known_names()
        self.units_with_their_parent()
        for shape, cues in zip(SHAPES, cues_by_shape(self.text), strict=True):
            self.shaped_names(shape, cues)
        self.acronyms()
        self.defined_acronyms()
        self.acronym_lists()
        for finding in self.found.values():
            named_as_the_text_names_it(finding, self.text)
        return self.found

    def free(self, start: int, end: int) -> bool:
        return not any(start < e and s < end for s, e in self.taken)

    def add(self, key, name, start, end, rule, confidence, known=None, acronym=""):
        self.taken.append((start, end))
        return add(
            self.found,
            key=key,
            name=name,
            text=self.text,
            start=start,
            end=end,
            rule=rule,
            confidence=confidence,
            known=known,
            acronym=acronym,
        )

    # 1. "Full Name (ACRONYM)": the text says both forms are one body; "Full Name (Country)"
    #    says where it is.
    def definitions(self) -> None:
        text = self.text
        parens = [(m.start(), m.start()) for m in ACRONYM_IN_PARENS.finditer(text)]
        starts = capitals_in_runs(text, parens, DEFINITION_BACKWARDS)
        for m in finditer_at(DEFINITION, text, starts):
            words, inside = m.group(1).split(), m.group(2)
            country = countries().get(inside.lower(), "")
            if country:
                name = clean_candidate(m.group(1))
                known = self.gaz.by_key.get(name_key(name))
                if not (is_body_name(name) or known):
                    continue
                acronym = ""
            else:
                picked = self._defined(words, inside)
                if picked is None:
                    continue
                (name, known), acronym = picked, inside
            start = m.start(1) + m.group(1).rfind(name)
            key = finding_key(name, known, country)
            finding = self.add(
                key, name, start, start + len(name), "definition", 0.9, known, acronym
            )
            if country and not finding.country:
                finding.country = country
            if acronym:
                self.add(key, name, m.start(2), m.end(2), "definition-acronym", 0.9, known, acronym)

    def _defined(self, words, acronym) -> tuple[str, KnownOrganization | None] | None:
        if PLURAL_ACRONYM.match(acronym):
            return None  # "Regional Consultative Processes (RCPs)": a kind of body
        picked = defined_name(words, acronym, self.gaz)
        if picked is None:
            return None
        name, known = picked
        if not known and not is_body_name(name) and len(name.split()) < 3:
            return None
        if any(w.lower() in NOT_BODY_WORDS for w in name.split()):
            return None
        return name, known

    def acronym_first_definitions(self) -> None:
        """ "SBMI (Serikat Buruh Migran Indonesia)": the name in brackets, when its initials say so."""
        text = self.text
        opening = text.find("(")
        while opening != -1:
            before = ACRONYM_BEFORE.search(text, max(0, opening - 14), opening)
            m = ACRONYM_FIRST.match(text, before.start()) if before else None
            opening = text.find("(", opening + 1)
            if m is None:
                continue
            acronym, inside = m.group(1), m.group(2)
            name = clean_candidate(inside)
            words = name.split()
            if not self.free(m.start(), m.end()) or len(words) < 2 or not unconnected(name):
                continue
            initials, target = initials_of(words), acronym_key(acronym)
            if initials != target and not loosely_initials(initials, target):
                continue
            known = self.gaz.by_key.get(name_key(name))
            key = finding_key(name, known)
            start = m.start(2) + inside.find(name)
            self.add(key, name, start, start + len(name), "definition", 0.9, known, acronym)
            self.add(key, name, m.start(1), m.end(1), "definition-acronym", 0.9, known, acronym)

    # 2. Known names from the gazetteer.
    def known_names(self) -> None:
        text = self.text
        for hit in self.gaz.names.finditer(text):
            if not self.free(hit.start, hit.end) or ADDRESS_AFTER.match(
                text[hit.end : hit.end + 20]
            ):
                continue
            if not unconnected(hit.text):
                continue  # "union to union cooperation" is not the body "Union to Union"
            if EVENT_SERIES.search(hit.text):
                self.taken.append((hit.start, hit.end))
                continue  # a conference series is an event, not an organization
            known = hit.value
            if known.name == "United Nations" and UN_AS_ADJECTIVE.match(text, hit.end):
                continue  # "senior United Nations experts", "UN Special Rapporteur on ..."
            self.add(
                f"known:{known.name}", known.name, hit.start, hit.end, "gazetteer-name", 0.95, known
            )

    def units_with_their_parent(self) -> None:
        """ "Institute for Population and Social Research at Mahidol University": a known unit
        named with its parent; the parent is not named on its own there."""
        for finding in list(self.found.values()):
            parent = self.found.get(f"known:{finding.parent}") if finding.parent else None
            if parent is None:
                continue
            for span in list(finding.spans):
                link = UNIT_LINK.match(self.text, span.end)
                after = [s for s in parent.spans if link and s.start == link.end()]
                for absorbed in after:
                    parent.spans.remove(absorbed)
                    self.taken.remove((absorbed.start, absorbed.end))
                    self.taken.append((span.start, absorbed.end))
            if not parent.spans:
                del self.found[parent.key]

    # 3. Names in the shape of a body's ("APWLD Labor and Migration Task Force").
    def shaped_names(self, shape: NameShape, cues: list[tuple[int, int]]) -> None:
        """Each match builds a candidate; the text after the candidate is read again, so
        "Nepal's Ministry of X and Malaysia's Ministry of Y" holds two bodies."""
        after = 0
        for at in shape.starts(self.text, cues):
            if at < after or not (m := shape.pattern.match(self.text, at)):
                continue
            candidate = shape.build(self.text, m)
            after = max(candidate.end, at + 1) if candidate else m.end()
            if candidate is not None:
                self._place(candidate, shape.rule)

    def _place(self, candidate: Candidate, rule: str) -> None:
        candidate = self._outside_taken(candidate)
        if candidate is None:
            return
        if not self._acceptable(candidate):
            candidate = self._sub_body(candidate)  # "Thai Trade Unions in the National ..."
            if candidate is None or not self._acceptable(candidate):
                return
        name, country = unit_named_with_university(candidate.name), candidate.country
        known = (
            self.gaz.by_key.get(name_key(name))
            or self._known_by_bracketed_acronym(candidate.end)
            or office_of(name, self.gaz)
            or country_office_of(name, self.gaz)
            or by_bare_name(name, self.gaz, country, self.doc_countries)
        )
        key = finding_key(name, known, country)
        confidence = 0.95 if known else 0.7
        finding = self.add(key, name, candidate.start, candidate.end, rule, confidence, known)
        if country and not finding.country:
            finding.country = country

    def _known_by_bracketed_acronym(self, end: int) -> KnownOrganization | None:
        """ "Confederation of Indonesian Prosperity Trade Unions (KSBSI)": a translated name
        whose initials differ, with the known body's acronym in brackets after it."""
        m = BRACKETED_ACRONYM.match(self.text, end)
        if not m:
            return None
        candidates = self.gaz.by_acronym.get(acronym_key(m.group(1))) or []
        return pick(candidates, self.doc_countries)[0] if candidates else None

    def _acceptable(self, candidate: Candidate) -> bool:
        name = candidate.name
        if not name or "\n" in name or not is_body_name(name):
            return False
        if not (HEAD.search(name) or HEAD_FIRST.match(name)):
            return False
        if name.split()[0].lower() in countries() and len(name.split()) == 2:
            return False  # "Korean unions", "Malaysia's Union": too vague
        return not is_gathering(self.text, candidate)

    def _sub_body(self, candidate: Candidate) -> Candidate | None:
        """The last body named after `in the` or `at the` inside a phrase that is none."""
        cuts = list(re.finditer(r"\s(?:in|at)\s+the\s+(?=[A-Z])", candidate.name))
        if not cuts:
            return None
        at = cuts[-1].end()
        return Candidate(
            candidate.name[at:], candidate.start + at, candidate.end, candidate.country
        )

    def _outside_taken(self, candidate: Candidate) -> Candidate | None:
        """A candidate overlapping a body already found: the part before it, or, for a unit of
        a university ("Centre for Population Studies in Mahidol University"), the unit with it."""
        start, end = candidate.start, candidate.end
        blocking = [(s, e) for s, e in self.taken if start < e and s < end]
        if not blocking:
            return self._with_university(candidate) or candidate
        block_start, _block_end = min(blocking)
        cut = UNIT_OF.search(self.text, start, block_start)
        if block_start <= start or not cut:
            return None
        unit = Candidate(self.text[start : cut.start()], start, cut.start(), candidate.country)
        return self._with_university(unit) or unit

    def _with_university(self, unit: Candidate) -> Candidate | None:
        """ "Centre for X in Y University", "Department of Z, Y University": the unit is a body
        of its own, named with its university; the university is not proposed for it."""
        link = UNIT_LINK.match(self.text, unit.end)
        if not link or (link.group(0).lstrip().startswith(",") and not UNIT_HEAD.match(unit.name)):
            return None
        span = next(((s, e) for s, e in self.taken if s == link.end()), None)
        owner = self._owner_of(*span) if span else None
        if owner is not None and re.search(
            r"\b(?:University|College|Universiti|Universitas)\b", owner.name
        ):
            owner.spans = [s for s in owner.spans if (s.start, s.end) != span]
            if not owner.spans:
                del self.found[owner.key]
            self.taken.remove(span)
        elif span is None and (university := UNIVERSITY_NAME.match(self.text, link.end())):
            span = university.span()  # named further on, not found yet
        else:
            return None
        name = f"{' '.join(unit.name.split())}, {' '.join(self.text[span[0] : span[1]].split())}"
        return Candidate(name, unit.start, span[1], unit.country)

    def _owner_of(self, start: int, end: int) -> OrganizationFinding | None:
        for finding in self.found.values():
            if any((s.start, s.end) == (start, end) for s in finding.spans):
                return finding
        return None


COUNTRY_SUFFIX = re.compile(r"^(.+?)\s+\(([^()]+)\)$")


def named_as_the_text_names_it(finding: OrganizationFinding, text: str) -> None:
    """ "Ministry of Human Resources (Malaysia)" written "Ministry of Human Resources": the
    text's name, its country in `country`; the gazetteer's stays an alias of the one body.
    A name of one portfolio, which many governments use ("Ministry of Labour"), keeps it."""
    m = COUNTRY_SUFFIX.match(finding.name)
    if not m or not finding.country or m.group(2).lower() not in countries():
        return
    bare = name_key(m.group(1))
    if len([w for w in bare.split() if w not in CONNECTORS]) < 3:
        return
    if len(gazetteer().by_bare_name.get(bare, ())) > 1:
        return
    surface = next(
        (
            s.text
            for s in finding.spans
            if name_key(s.text) == bare and not _country_before(text, s.start)
        ),
        None,
    )
    if surface is not None:
        finding.aliases.discard(surface)
        finding.aliases.add(finding.name)
        finding.name = " ".join(surface.split())


COUNTRY_WORDS_BEFORE = re.compile(r"([A-Z][\w]*(?:[ \t][A-Z][\w]*)?)(?:['’]s)?[ \t]+$")


def _country_before(text: str, start: int) -> bool:
    """ "Lao PDR Ministry of ...", "Nepal's Ministry of ...": the text names it with its country."""
    m = COUNTRY_WORDS_BEFORE.search(text, max(0, start - 30), start)
    words = m.group(1).split() if m else []
    return any(country_code(" ".join(words[i:])) for i in range(len(words)))


def find_organizations(text: str) -> dict[str, OrganizationFinding]:
    return _OrganizationFinder(text).run()
