"""The acronym steps of the organization finder: gazetteer acronyms, acronyms the text
defined, unknown acronyms listed among known ones, and the branches and units acronyms name."""

from __future__ import annotations

import re

from advocacy_site.names import name_key

from .findings import OrganizationFinding
from .organization_findings import finding_key, names_region, pick
from .organization_shapes import country_code
from .organization_words import EVENT_SERIES, UN_AS_ADJECTIVE
from .phrases import capital_starts, finditer_at
from .reference import Gazetteer, KnownOrganization, acronym_key, countries

# Three or more acronyms in a list: "KSPI, KSBSI, SBSI and GEFONT".
_ACRONYM = r"\b[A-Z][A-Za-z0-9&-]{1,11}\b"
ACRONYM_LIST = re.compile(rf"{_ACRONYM}(?:[ \t]*(?:,|and|&|,[ \t]*and)[ \t]*{_ACRONYM}){{2,}}")
ACRONYM_TOKEN = re.compile(_ACRONYM)
NOT_ACRONYMS = {"MOU", "NGO", "CSO", "INGO", "UN", "EU", "USA", "UK", "SDG", "SDGS", "COVID-19"}
WORD_CHAR = re.compile(r"[\w-]")
NEXT_WORD = re.compile(r"[ \t]+([A-Z][\w&-]+)")
COUNTRY_AFTER = re.compile(r"[ \t]+([A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?)(?![ \t]*[A-Z\w(-])")


class AcronymSteps:
    """Mixed into the finder (whose `add` and `free` they use): the steps that read acronyms,
    after the names are found."""

    text: str
    gaz: Gazetteer
    found: dict[str, OrganizationFinding]
    defined: dict[str, str]
    doc_countries: set[str]

    # 4. Acronyms: defined in this text first, then the gazetteer.
    def acronyms(self) -> None:
        text = self.text
        for hit in self.gaz.acronyms.finditer(text):
            start, end, akey = hit.start, hit.end, hit.value
            candidates = self.gaz.by_acronym.get(akey)
            if not self.free(start, end) or names_region(text, start, end, candidates):
                continue  # "unions in ASEAN", "ASEAN countries": the region, not the body
            if akey in self.defined:
                finding = self.found[self.defined[akey]]
                self.add(finding.key, finding.name, start, end, "defined-acronym", 0.9)
                continue
            if not candidates or EVENT_SERIES.search(candidates[0].name):
                continue
            if candidates[0].name == "United Nations" and UN_AS_ADJECTIVE.match(text, end):
                continue  # "the UN system", "UN Special Envoy on Youth": no body of its own
            if self._branch(start, end, candidates) or self._qualifies_child(end, candidates):
                continue
            already = [c for c in candidates if f"known:{c.name}" in self.found]
            known, confidence = (
                (already[0], 0.9) if already else pick(candidates, self.doc_countries)
            )
            self.add(
                f"known:{known.name}",
                known.name,
                start,
                end,
                "gazetteer-acronym",
                confidence,
                known,
            )

    def defined_acronyms(self) -> None:
        """Later mentions of an acronym the text defined in a form the gazetteer lacks ("PMRW",
        "AseanTUC")."""
        forms = {
            span.text: key
            for key, finding in self.found.items()
            for span in finding.spans
            if span.rule == "definition-acronym"
        }
        text = self.text
        for form, key in forms.items():
            at = text.find(form)
            while at != -1:
                end = at + len(form)
                whole = not ((at and WORD_CHAR.match(text, at - 1)) or WORD_CHAR.match(text, end))
                if whole and self.free(at, end):
                    self.add(key, self.found[key].name, at, end, "defined-acronym", 0.9)
                at = text.find(form, end)

    # 5. "KSPI, KSBSI, SBSI and GEFONT": an unknown acronym listed among known bodies' is a body.
    def acronym_lists(self) -> None:
        if sum(s.rule.endswith("acronym") for f in self.found.values() for s in f.spans) < 2:
            return  # a list needs two known bodies' acronyms
        for m in finditer_at(ACRONYM_LIST, self.text, capital_starts(self.text)):
            tokens = list(ACRONYM_TOKEN.finditer(self.text, m.start(), m.end()))
            for token in tokens:  # "ArabTUC, SARTUC and AseanTUC": defined in the text
                key = self.defined.get(acronym_key(token.group(0)))
                if key and self.free(token.start(), token.end()):
                    finding = self.found[key]
                    self.add(key, finding.name, token.start(), token.end(), "defined-acronym", 0.9)
            unknown = [t for t in tokens if self.free(t.start(), t.end())]
            known = len(tokens) - len(unknown)
            if known < 2 or known < len(unknown):
                continue
            for token in unknown:
                word = token.group(0)
                if sum(c.isupper() for c in word) < 2 or word.lower() in countries():
                    continue
                if word.upper() in NOT_ACRONYMS or (word.endswith("s") and word[:-1].isupper()):
                    continue  # "NGOs", "MoU": no body
                key = finding_key(word, None)
                self.add(key, word, token.start(), token.end(), "acronym-list", 0.5, acronym=word)

    def _qualifies_child(self, end: int, candidates: list[KnownOrganization]) -> bool:
        """ "UN OHCHR", "ILO ROAP": a parent's acronym before its own body's names that body."""
        m = NEXT_WORD.match(self.text, end)
        if not m:
            return False
        parents = {c.name for c in candidates}
        children = self.gaz.by_acronym.get(acronym_key(m.group(1))) or []
        return any(child.parent in parents for child in children)

    def _branch(self, start: int, end: int, candidates: list[KnownOrganization]) -> bool:
        """ "UNI Malaysia": a federation's or network's branch in a country, a body of its own."""
        m = COUNTRY_AFTER.match(self.text, end)
        if not m or not country_code(m.group(1)) or len(candidates) != 1:
            return False
        parent = candidates[0]
        if parent.kind in ("intergovernmental", "government") or parent.country:
            return False
        name = f"{self.text[start:end]} {m.group(1)}"
        known = self.gaz.by_key.get(name_key(name))
        finding = self.add(finding_key(name, known), name, start, m.end(1), "branch", 0.7, known)
        if known is None:
            finding.parent, finding.country = parent.name, country_code(m.group(1))
        return True
