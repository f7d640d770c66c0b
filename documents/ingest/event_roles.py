"""The roles bodies play in an event a sentence reports: `organized by X in partnership
with Y`, `with the support of Z`, the bodies taking part."""

from __future__ import annotations

import re

from .findings import OrganizationFinding

ROLE_CUES = [
    (re.compile(r"\bco-?organi[sz]ed\s+by\b", re.I), "co-organizer"),
    (
        re.compile(
            r"\b(?:organi[sz]ed|convened|conducted|hosted\s+and\s+organi[sz]ed)\s+by\b", re.I
        ),
        "organizer",
    ),
    (re.compile(r"\bin\s+(?:partnership|collaboration|cooperation)\s+with\b", re.I), "partner"),
    (
        re.compile(
            r"\b(?:with\s+the\s+(?:financial\s+)?support\s+of|funded\s+by|supported\s+by|sponsored\s+by)\b",
            re.I,
        ),
        "funder",
    ),
    (re.compile(r"\bhosted\s+by\b", re.I), "host"),
    (
        re.compile(
            r"\b(?:brought\s+together|participated\s+by|attended\s+by|participants?\s+(?:from|of))\b",
            re.I,
        ),
        "participant",
    ),
]
CLAUSE_END = re.compile(r",\s+(?:brought|which|who|was|were|to|and\s+(?:was|were))\b|[.;]\s|\n|$")


# "Agreement was reached after years of talks": agreement in general, nothing was signed.
AS_REGION = re.compile(r"\b(?:in|within|across|beyond|throughout|outside)\s+(?:the\s+)?$", re.I)
# A body's name used as an adjective: for the region it covers ("ASEAN CSOs", "ASEAN Member
# States", "SAARC countries") or for one of its texts ("ASEAN Declaration", "ILO Convention"
# when the rest of the title is garbled). The gathering is of those, or about that text; the
# body itself is not shown taking part.
AS_ATTRIBUTE = re.compile(
    r"\s+(?:CSOs?|NGOs?|civil\s+society|(?:member\s+)?(?:states|countries)|governments|"
    r"nationals|citizens|economies|region|declarations?|charter|conventions?|consensus|"
    r"framework|instruments?|protocols?|recommendations?)\b",
    re.I,
)


def _org_keys_between(
    orgs: dict[str, OrganizationFinding],
    start: int,
    end: int,
    sentence: tuple[str, int] | None = None,
) -> list[str]:
    """Bodies named between `start` and `end`, in order; given the (sentence, offset) they lie
    in, not those named as a place ("went beyond ASEAN", "unions in ASEAN", "ASEAN CSOs")."""

    def as_place(span) -> bool:
        if sentence is None:
            return False
        text, offset = sentence
        before = text[max(0, span.start - offset - 20) : max(0, span.start - offset)]
        return bool(AS_REGION.search(before) or AS_ATTRIBUTE.match(text, span.end - offset))

    hits = sorted(
        (s.start, key)
        for key, org in orgs.items()
        for s in org.spans
        if start <= s.start < end and not as_place(s)
    )
    seen, keys = set(), []
    for _, key in hits:
        if key not in seen:
            seen.add(key)
            keys.append(key)
    return keys


def sentence_roles(
    sentence: str, offset: int, orgs: dict[str, OrganizationFinding], trigger_start: int
) -> list[tuple[str, str]]:
    roles: dict[str, str] = {}
    for pattern, role in ROLE_CUES:
        for m in pattern.finditer(sentence):
            end_m = CLAUSE_END.search(sentence, m.end())
            stop = end_m.start() if end_m else len(sentence)
            if role == "organizer":  # "organized by X in partnership with Y": X alone organizes
                partner = ROLE_CUES[2][0].search(sentence, m.end(), stop)
                stop = partner.start() if partner else stop
            for key in _org_keys_between(orgs, offset + m.end(), offset + stop, (sentence, offset)):
                roles.setdefault(key, role)
    # "the ILO training ...": the body named just before the trigger runs it.
    before = _org_keys_between(orgs, max(offset, trigger_start - 40), trigger_start)
    if before and not roles:
        roles.setdefault(before[-1], "organizer")
    for key in _org_keys_between(orgs, offset, offset + len(sentence), (sentence, offset)):
        roles.setdefault(key, "participant")
    return list(roles.items())
