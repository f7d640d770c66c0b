"""How an event found in a text is named: from its own title words when it has them
(`3rd ASEAN Civil Society Conference`, `Second regional meeting of the Caucus`), else from what
it does (`Founding of the ...`, `Memorandum of Understanding between ...`)."""

from __future__ import annotations

import re

from .reference import cities, countries

KIND_LABEL = {
    "training": "Training",
    "consultation": "Consultation",
    "workshop": "Workshop",
    "conference": "Conference",
    "meeting": "Meeting",
    "forum": "Forum",
    "seminar": "Seminar",
    "founding": "Founding",
    "agreement": "Agreement",
    "visit": "Visit",
    "campaign": "Campaign",
    "launch": "Launch",
    "adoption": "Adoption",
}
_SMALL = {"and", "on", "of", "for", "the", "in", "to", "at"}
_TOKEN = re.compile(r"[\w'’\-]+|\S")


def titled_phrase(sentence: str, t_start: int, t_end: int) -> str:
    """The capitalised title around a trigger: `3rd ASEAN Civil Society Conference`,
    `Regional Consultation on the ASEAN Declaration`, `2018 International Labour Conference`."""
    before = list(_TOKEN.finditer(sentence[:t_start]))
    words: list[str] = []
    for m in reversed(before):
        w = m.group(0)
        if w[0].isupper() or re.fullmatch(r"\d+(?:st|nd|rd|th)?|\d{4}", w) or w in ("-",):
            words.insert(0, w)
        else:
            break
    while words and words[0] in ("The", "A", "An", "This", "That"):
        words.pop(0)  # "The 5th Bangladesh Migration Forum" opens a sentence
    trigger = sentence[t_start:t_end]
    after = re.match(
        r"((?:\s+(?:on|of|for)(?:\s+the)?(?:\s+(?:[A-Z][\w'’\-]*|and|of|on|the|in|for|to))+))?",
        sentence[t_end:],
    )
    tail = after.group(1) if after and after.group(1) else ""
    tail_words = tail.split()
    while tail_words and tail_words[-1].lower() in _SMALL:
        tail_words.pop()
    phrase = " ".join([*words, trigger[:1].upper() + trigger[1:], *tail_words]).replace(" - ", "-")
    return phrase if ((words or tail_words) and trigger[:1].isupper()) or len(words) >= 2 else ""


def _name_after_trigger(sentence: str, trigger_end: int) -> str:
    """`training Trade Union Policy and Organising on Labour Migration in Asia Pacific in Kathmandu`."""
    m = re.match(
        r"\s+[\"“']?([A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|and|on|of|for|the|in|to))*)",
        sentence[trigger_end:],
    )
    if not m:
        return ""
    words = m.group(1).split()
    while words and words[-1].lower() in _SMALL:
        words.pop()
    name = " ".join(words)
    city_cut = re.search(r"\s+in\s+[A-Z]\w+(?:\s+[A-Z]\w+)?$", name)
    if city_cut and city_cut.group(0).split(" in ", 1)[1].strip().lower() in {
        **cities(),
        **countries(),
    }:
        name = name[: city_cut.start()]
    return name if len(name.split()) >= 3 else ""


def _described_phrase(sentence: str, t_start: int, t_end: int) -> str:
    """`the second regional meeting of the Asian Caucus` -> `Second regional meeting of the Asian Caucus`."""
    before = re.search(r"\b(?:[Tt]he|[Aa]n?)\s+((?:[a-z][\w-]*\s+){0,3})$", sentence[:t_start])
    # ... or the sentence opens on them: "National consultations were held in July 2019".
    before = before or re.fullmatch(
        r"\s*((?:[A-Z][a-z-]+\s+)(?:[a-z][\w-]*\s+){0,2})", sentence[:t_start]
    )
    after = re.match(
        r"\s+(?:of|on|for|to)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|and|of|on|the|in|for))*",
        sentence[t_end:],
    )
    adjectives = before.group(1) if before else ""
    tail = after.group(0).rstrip() if after else ""
    tail = re.sub(r"\s+(?:and|of|on|the|in|for)$", "", tail)
    if not adjectives.strip() and not tail:
        return ""
    phrase = f"{adjectives}{sentence[t_start:t_end]}{tail}".strip()
    return phrase[:1].upper() + phrase[1:]


def _subject_before(sentence: str, trigger_start: int) -> str:
    """`a joint migrant resource centre (MRC) will be established` -> `joint migrant resource centre (MRC)`."""
    head = sentence[:trigger_start]
    verb = re.search(
        r"\s+(?:was|were|will\s+be|has\s+been|have\s+been|is\s+to\s+be|is|are)\s+(?:formally\s+|officially\s+)?$",
        head,
    )
    if not verb:
        return ""
    clause = re.split(r"[,;:]\s+|\bwhen\b|\bthat\b", head[: verb.start()])[-1].strip()
    clause = re.sub(r"^(?:[Tt]he|[Aa]n?|[Tt]his|[Ii]ts|[Tt]heir)\s+", "", clause)
    return clause if 1 <= len(clause.split()) <= 9 else ""


FOUNDED_THING = (
    r"initiative|project|programme|program|network|centre|center|office|alliance|coalition|"
    r"union|federation|association|forum|platform|committee|task\s+force|group|fund|desk|"
    r"shelter|school|caucus|council|secretariat"
)
OBJECT_AFTER = re.compile(
    rf"\s+(?:a|an|the|its|their)\s+((?:[\w'’-]+\s+){{0,4}}?(?:{FOUNDED_THING})s?)\b"
    r"(?:[^.:;]{0,20}:\s+(?:the\s+)?([A-Z][^,.;(]{3,120}))?"
)


KNOWN_AS = re.compile(
    r",?\s*(?:usually|commonly|also|better|widely)?\s*(?:called|known\s+as|referred\s+to\s+as)"
    r"\s+(?:the\s+)?([A-Z][^,.;(]{3,80}?)\s*(?:\(|[,.;]|$)"
)


def _object_after(sentence: str, trigger_end: int) -> str:
    """`the ILO and Canada set up a joint initiative in 2012: the Tripartite Action for ...` ->
    `Tripartite Action for ...`; without a name after a colon, `joint initiative`."""
    m = OBJECT_AFTER.match(sentence, trigger_end)
    if not m:
        return ""
    called = KNOWN_AS.match(sentence, m.end())  # "..., usually called the ASEAN TRIANGLE Project"
    return (called.group(1) if called else m.group(2) or m.group(1)).strip()


# `launch of the ILO report 'Title'`, `launched a study on recruitment fees`, `launched its
# new handbook, "Title"`: what was launched, with its title when the text quotes it.
LAUNCHED_OBJECT = re.compile(
    r"\s+(?:of\s+)?(?:the|a|an|its|their|our|his|her)?\s*"
    r"(?P<thing>(?:[\w'’-]+\s+){0,4}?(?:report|study|book|campaign|publication|research|guide"
    r"|guidebook|handbook|toolkit|tool-kit|manual|film|video|documentary|website|app|survey|"
    r"paper|brief|index|database|petition|action\s+plan|guidelines)s?\b)"
    r"(?P<topic>\s+(?:on|about|into|for|against)\s+[^,.;:“\"‘(]{3,80}?"
    r"(?=\s+(?:in|at|on|by)\s+(?:[A-Z]|\d)|\s+(?:on|in)\s+\d|[,.;:“\"‘(]|$))?"
)


def _launched_object(sentence: str, t_start: int, t_end: int) -> str:
    """`the ILO report 'Fair Recruitment'`, `study on recruitment fees`: what a launch puts
    out; a `book launch` is the launch of a book."""
    m = LAUNCHED_OBJECT.match(sentence, t_end)
    if not m:
        before = re.search(r"\b(book|report|campaign|film|video)\s+$", sentence[:t_start], re.I)
        if before is None:
            return ""
        of = re.match(r"\s+of\s+(?:the\s+)?", sentence[t_end:])  # "book launch of 'Title'"
        quoted = quoted_title(sentence, t_end + of.end()) if of else ""
        return f"{before.group(1).lower()} '{quoted}'" if quoted else before.group(1).lower()
    thing = m.group("thing").strip()
    quoted = quoted_title(sentence, m.end())
    topic = (m.group("topic") or "").strip()
    return f"{thing} '{quoted}'" if quoted else " ".join(f"{thing} {topic}".split())


def _agreement_phrase(sentence: str, trigger_start: int, trigger_end: int) -> str:
    """`the ATUC inter-union agreement` -> `ATUC inter-union agreement`."""
    m = re.search(r"\b(?:the|an?|its|their)\s+((?:[\w'’\-]+\s+){0,4})$", sentence[:trigger_start])
    if not m or not m.group(1).strip():
        return ""
    return f"{m.group(1)}{sentence[trigger_start:trigger_end]}".strip()


# `a workshop entitled "Organising Migrant Domestic Workers"`, `a forum themed 'Decent Work
# for All'`, `the seminar "Safe Migration"`: the quoted words are the event's name.
QUOTED_TITLE = re.compile(
    r"\s*,?\s*(?:(?:was\s+|is\s+)?(?:entitled|titled|called|named|themed|on\s+the\s+theme|"
    r"with\s+the\s+theme|under\s+the\s+theme)\s*:?\s*)?"
    r"(?:“(?P<a>[^”]{4,160})”|\"(?P<b>[^\"]{4,160})\"|‘(?P<c>[^’]{4,160})’(?!\w)|'(?P<d>[^\n]{4,160}?)'(?!\w))"
)


def quoted_title(sentence: str, t_end: int) -> str:
    """The quoted title right after a trigger, when it opens with a capital."""
    m = QUOTED_TITLE.match(sentence, t_end)
    if not m:
        return ""
    title = " ".join((m.group("a") or m.group("b") or m.group("c") or m.group("d")).split())
    return title.strip(" ,.") if title[:1].isupper() or title[:1].isdigit() else ""


VERB = re.compile(r"(?:came|come|gathered|convened|met)\b", re.I)


def event_name(kind, sentence, t_start, t_end, orgs, org_roles, city, date) -> str:
    label = KIND_LABEL[kind]
    quoted = quoted_title(sentence, t_end)
    if quoted:
        return quoted
    names = [orgs[k].acronym or orgs[k].name for k, _ in org_roles if k in orgs][:4]
    if kind == "founding":
        subject = _subject_before(sentence, t_start) or _object_after(sentence, t_end)
        if subject:
            return f"Founding of the {subject}"
        if names:
            return f"Founding of the {orgs[org_roles[0][0]].name}"
    if kind == "launch" and (launched := _launched_object(sentence, t_start, t_end)):
        return f"Launch of the {launched}"
    if kind == "agreement":
        phrase = _agreement_phrase(sentence, t_start, t_end)
        if phrase and len(phrase.split()) >= 2 and not re.search(r"\bsign", phrase, re.I):
            return phrase[:1].upper() + phrase[1:]
        if len(names) >= 2:
            return f"Memorandum of Understanding between {', '.join(names[:-1])} and {names[-1]}"
    if not VERB.match(sentence, t_start):  # "gathered in Kuala Lumpur" names nothing
        titled = titled_phrase(sentence, t_start, t_end)
        if titled and len(titled.split()) >= 3:
            return titled
        described = _described_phrase(sentence, t_start, t_end)
        if described:
            return described
        after = _name_after_trigger(sentence, t_end)
        if after:
            return f"{label}: {after}" if label.lower() not in after.lower() else after
    where = f" in {city}" if city else ""
    by = f" by {names[0]}" if names else ""
    return f"{label}{by}{where}, {date.display()}" if date else f"{label}{by}{where}"
