"""Find events: the one a document reports (its title and heading lines) and the other dated
events it mentions, with kind, dates at their precision, place, and the roles of organizations.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from advocacy_site.names import name_key

from .date_forms import DateContext
from .dates import FORMS, FoundDate, find_dates
from .event_filters import is_deadline, occasions
from .event_foundings import fold_foundings, fold_launch_venues
from .event_headings import document_events, place_between
from .event_merging import SCOPE, merge, one_gathering_per_date
from .event_names import event_name
from .event_roles import sentence_roles
from .event_stages import listed_stages
from .findings import EventFinding, OrganizationFinding, PersonFinding, Span
from .reference import places
from .reported_dates import day_of_event, reported_date
from .sentences import sentences
from .series import (
    ORDINAL_BEFORE,
    SeriesMention,
    find_series,
    ordinal_value,
    series_label,
    series_of_name,
)
from .triggers import GATHERINGS, TRIGGER_PATTERN, holds_stem, trigger_kinds, trigger_stems


@dataclass
class _Document:
    """What every sentence of one document is read against."""

    text: str
    orgs: dict[str, OrganizationFinding]
    conventions: dict
    series_at: dict[int, SeriesMention]
    blocked: list[tuple[int, int]]  # names a trigger or a date inside is part of
    instruments: list[tuple[int, int]]  # instruments' names
    place_hits: list


def find_events(
    title: str,
    text: str,
    orgs: dict[str, OrganizationFinding],
    people: dict[str, PersonFinding],
    conventions: dict,
    *,
    series: list[SeriesMention] | None = None,
    context_year: int | None,
    context_month: int | None = None,
    context_day: int | None = None,
) -> list[EventFinding]:
    """Events of one document. Unknown bodies whose names the text uses as an event's
    (`at Migrant Workers' Forum in Bangkok`) lose those mentions."""
    series = find_series(text) if series is None else series
    instruments = [(s.start, s.end) for f in conventions.values() for s in f.spans]
    names_of_things = [*instruments, *((m.start, m.end) for m in series)]
    known = [(s.start, s.end) for f in orgs.values() if f.known for s in f.spans]
    unknown = [(s.start, s.end) for f in orgs.values() if not f.known for s in f.spans]
    named = [span for span in unknown if _named_as_event(text, *span)]
    doc = _Document(
        text,
        orgs,
        conventions,
        {m.start: m for m in series},
        [*known, *instruments, *(span for span in unknown if span not in named)],
        instruments,
        # A place inside an instrument's or a series' name ("Cebu Declaration", "Bali Process
        # Ministerial Conference") is not where the event was.
        [h for h in places().finditer(text) if not _inside(h.start, names_of_things)],
    )
    _drop_mentions(orgs, named)
    events = document_events(
        title, text, orgs, context_year, context_month, series, context_day, doc.blocked
    )
    last_gathering: EventFinding | None = None
    stems = trigger_stems(text)
    year_in_text = None  # without a publication date, "On May 11-12" is in the text's year
    previous = (0, "")
    for offset, sentence in sentences(text):
        prior, previous = previous, (offset, sentence)
        if "|" in sentence:
            continue  # a `date | category | region` header: the publication, not an event
        if context_year is None and YEAR.search(sentence):
            year_in_text = _last_year(sentence) or year_in_text
        if stems is not None and not holds_stem(stems, offset, offset + len(sentence)):
            continue  # no trigger word in it
        all_kinds = trigger_kinds(sentence, doc.blocked, offset, series)
        kinds = occasions(sentence, offset, all_kinds)
        if not all_kinds or (not kinds and not any(k[0] in GATHERINGS for k in all_kinds)):
            continue
        dates = [
            d
            for d in find_dates(
                sentence,
                context_year=context_year or year_in_text,
                context_month=context_month,
                context_day=context_day,
            )
            if not _inside(offset + d.start, doc.blocked)
            and not is_deadline(sentence, d.start)
            and _dates_its_clause(d, sentence, kinds, offset)
        ]
        if stages := listed_stages(sentence, offset, all_kinds, dates, doc.place_hits):
            events.extend(_stage_event(doc, offset, sentence, stage) for stage in stages)
            last_gathering = events[-1]
            continue
        if not kinds:
            continue
        if not any(d.date.precision == "day" for d in dates):
            context = DateContext(context_year, context_month, context_day)
            kinds, dates = _borrowed_dates(doc, events, prior, sentence, kinds, dates, context)
        if not dates:
            _credit_undated(sentence, offset, kinds, orgs, events, last_gathering)
            continue
        for event in _sentence_events(doc, offset, sentence, kinds, dates, events):
            events.append(event)
            if event.kind in GATHERINGS:
                last_gathering = event
    merged = merge(events)
    for event in merged:
        _mark_founded(event, orgs)
    merged = fold_launch_venues(fold_foundings(merged))
    speakers = [k for k, p in people.items() if any(_in_speaker_list(text, s) for s in p.spans)]
    document_event = next(
        (e for e in merged if e.is_document_event and e.kind not in ("founding",)), None
    )
    if document_event is not None:
        document_event.people = [(k, "speaker") for k in speakers]
        # In the order the speakers appear: a set here made the output vary run to run.
        for key in dict.fromkeys(people[k].organization_key for k in speakers):
            if key and key not in dict(document_event.organizations):
                document_event.organizations.append((key, "participant"))
    unsigned = []  # agreements a text says will be signed: intentions, not yet events
    for event in merged:
        event.conventions = [
            c
            for c in conventions
            if event is document_event
            or any(sp.start <= s.start < sp.end for sp in event.spans for s in conventions[c].spans)
        ]
        if not event.series:  # "the 5th Bangladesh Migration Forum": an edition of a series
            event.series, event.edition = series_of_name(event.name)
        if _mark_planned(event, text) and event.kind == "agreement":
            unsigned.append(event)
        event.description = " ".join(
            dict.fromkeys(" ".join(sp.text.split()) for sp in event.spans)
        )[:1000]
        event.key = (
            f"{event.kind}:{event.date.iso() if event.date else ''}:{name_key(event.name)[:60]}"
        )
    # An undated event cannot be placed in time, unless it is what the title reports.
    title_end = text.find("\n")
    return [
        e
        for e in merged
        if (e.date is not None or _titled(e, title_end, merged)) and e not in unsigned
    ]


def _borrowed_dates(doc: _Document, events, prior, sentence: str, kinds, dates, context):
    """(kinds, dates) of a sentence that gives no day of its own: the day of a speech the
    sentence before reports (`said yesterday ... . Speaking at a consultation ...`), or a day of
    the gathering the text reports (`On the second day ...`)."""
    prior_offset, prior_sentence = prior
    if not dates and context.day and any(k[0] in GATHERINGS for k in kinds):
        reported = reported_date(
            prior_sentence,
            sentence,
            context_year=context.year,
            context_month=context.month,
            context_day=context.day,
        )
        if reported is not None and not trigger_kinds(prior_sentence, doc.blocked, prior_offset):
            # The sentence's gathering, dated from the sentence before.
            return [k for k in kinds if k[0] in GATHERINGS][:1], [replace(reported, start=0, end=0)]
    # The gathering the text reports: its own, else the first it dates to the day.
    held = [e for e in events if e.kind in GATHERINGS and e.date and e.date.precision == "day"]
    gathering = next((e for e in held if e.is_document_event), held[0] if held else None)
    if (day := day_of_event(sentence, gathering)) is not None:
        return kinds, [day, *dates]
    return kinds, dates


def _titled(event: EventFinding, title_end: int, events: list[EventFinding]) -> bool:
    """The document's own event, named by its first line: kept even when the text gives no
    date (a forum announced without one), unless a dated one of its kind is the same."""
    if event.kind not in GATHERINGS or not any(
        s.rule == "heading-event" and s.start == 0 and s.end >= title_end for s in event.spans
    ):
        return False
    dated = next((e for e in events if e.kind == event.kind and e.date is not None), None)
    if dated is not None:  # "Report of the Dhaka consultation": the one the text dates
        dated.is_document_event = True
        dated.spans[:0] = event.spans
        return False
    return True


WITH_YEAR = {form.name for form in FORMS if not form.from_context}
YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")


def _last_year(sentence: str) -> int | None:
    """The year of the last date the sentence gives with its year."""
    explicit = [d for d in find_dates(sentence) if d.rule in WITH_YEAR]
    return explicit[-1].date.start.year if explicit else None


EVENT_NAME_BEFORE = re.compile(
    r"\b(?:at|attend(?:ed|ing)?|organi[sz](?:ed|ing)|host(?:ed|ing)|held|convened|opened|"
    r"closed|join(?:ed)?|during)\s+(?:the\s+|a\s+|this\s+)?$",
    re.I,
)
GATHERING_WORD = re.compile(
    r"\b(?:Forum|Conference|Summit|Congress|Meeting|Consultation|Workshop|Seminar|Training)\b"
)


# Words that make a name a gathering's wherever they stand in it ("Follow-up Training on
# Strengthening Joint Union Actions"); "Forum" and "Conference" also name bodies.
GATHERING_ONLY_WORD = re.compile(
    r"\b(?:Training|Workshop|Seminar|Webinar|Symposium|Consultation|Summit|Meeting)s?\b"
)


def _named_as_event(text: str, start: int, end: int) -> bool:
    """An unknown body's name the text uses as a gathering's: `meet at Migrant Workers' Forum
    in Bangkok`, `organized the Forum in December 2014`, `the Follow-up Training on ...`."""
    if GATHERING_ONLY_WORD.search(text, start, end):
        return True
    if not GATHERING_WORD.search(text, start, end):
        return False
    before = max(0, start - 30)
    if EVENT_NAME_BEFORE.search(text, before, start):
        return True
    ordinal = ORDINAL_BEFORE.search(text, before, start)  # an edition: "the 5th ... Forum"
    return bool(ordinal and ordinal_value(ordinal.group("ordinal")))


CLAUSE_BREAK = re.compile(r"[,;:]|\s[–—-]\s")


def _dates_its_clause(found: FoundDate, sentence: str, kinds, offset: int) -> bool:
    """`Ten years since the adoption of C189, unions came together`: the count of years dates
    what follows `since` in its own clause, not the sentence's gathering."""
    if found.rule != "years-since":
        return True
    clause = CLAUSE_BREAK.search(sentence, found.end)
    stop = offset + (clause.start() if clause else len(sentence))
    return any(offset + found.end <= start < stop for _, start, _ in kinds)


def _inside(at: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= at < e for s, e in spans)


def _drop_mentions(orgs: dict[str, OrganizationFinding], spans: list[tuple[int, int]]) -> None:
    for key in list(orgs):
        orgs[key].spans = [s for s in orgs[key].spans if (s.start, s.end) not in spans]
        if not orgs[key].spans:
            del orgs[key]


REFERS_BACK = re.compile(r"\b(?:the|this|that)\s+$", re.I)
TITLE_AFTER = re.compile(r"\s+(?:on|of|for)\s+(?:the\s+)?[A-Z]")


def _earlier(events: list[EventFinding], kind: str, sentence: str, t_local: int, t_end: int):
    """The event `the Forum` or `this consultation` refers back to: the document's own, else
    the last one of that kind."""
    if not REFERS_BACK.search(sentence[max(0, t_local - 8) : t_local]) or TITLE_AFTER.match(
        sentence, t_end
    ):
        return None
    same = [e for e in events if e.kind == kind]
    return next((e for e in same if e.is_document_event), same[-1] if same else None)


def _sentence_events(doc: _Document, offset: int, sentence: str, kinds, dates, events):
    """The events a dated sentence reports; one `the Forum` refers back to takes its date."""
    city, country, lat, lon = place_between(doc.place_hits, offset, offset + len(sentence))
    span = Span(
        offset, offset + len(sentence.rstrip()), sentence.rstrip(), "dated-event-sentence", 0.75
    )
    org_roles = None
    for kind, t_start, t_end, found in one_gathering_per_date(kinds, dates, offset, sentence):
        found = found or min(dates, key=lambda d: abs(offset + d.start - t_start))
        date = found.date
        roles = sentence_roles(sentence, offset, doc.orgs, t_start)
        if org_roles is not None:  # the sentence's bodies belong to its first event
            roles = [(k, r) for k, r in roles if r == "organizer"][:1]
        org_roles = roles
        target = _earlier(events, kind, sentence, t_start - offset, t_end - offset)
        if target is not None and (target.date is None or target.date.start == date.start):
            target.date = target.date or date
            target.city, target.country = target.city or city, target.country or country
            target.latitude, target.longitude = target.latitude or lat, target.longitude or lon
            target.spans.append(span)
            for key, role in roles:
                if key not in dict(target.organizations):
                    target.organizations.append((key, role))
            continue
        if kind == "agreement":
            roles = [(k, "signatory" if r in ("participant", "organizer") else r) for k, r in roles]
        name = (
            _signed_instrument(doc, offset, sentence, t_end - offset) if kind == "agreement" else ""
        )
        event = EventFinding(
            key="",
            name=(
                name
                or event_name(
                    kind, sentence, t_start - offset, t_end - offset, doc.orgs, roles, city, date
                )
            )[:300],
            kind=kind,
            date=date,
            city=city,
            country=country,
            latitude=lat,
            longitude=lon,
            organizations=roles,
            spans=[span],
        )
        if (mention := doc.series_at.get(t_start)) is not None:
            event.name = series_label(mention)
            event.series, event.edition = mention.series.name, mention.edition
        yield event


def _stage_event(doc: _Document, offset: int, sentence: str, stage) -> EventFinding:
    """One stage of a listed process: `National consultation in Dhaka`, on its own date."""
    hits = [stage.place] if stage.place is not None else []
    city, country, lat, lon = place_between(hits, 0, len(doc.text))
    t_start, t_end = stage.trigger
    roles = sentence_roles(sentence, offset, doc.orgs, t_start)
    word = sentence[t_start - offset : t_end - offset - 1]  # singular: "consultation"
    scope = SCOPE.search(sentence, max(0, t_start - offset - 25), t_start - offset)
    base = f"{scope.group(0).capitalize()} {word.lower()}" if scope else word.capitalize()
    place = stage.place.text if stage.place is not None else ""
    return EventFinding(
        key="",
        name=f"{base} in {place}" if place and place not in base else base,
        kind=stage.kind,
        date=stage.date.date,
        city=city,
        country=country,
        latitude=lat,
        longitude=lon,
        organizations=roles,
        spans=[
            Span(offset, offset + len(sentence.rstrip()), sentence.rstrip(), "listed-stage", 0.7)
        ],
    )


def _signed_instrument(doc: _Document, offset: int, sentence: str, t_end: int) -> str:
    """`put their signatures to the ASEAN Consensus on ...`: `Signing of the ASEAN Consensus
    on ...`, the instrument as the text names it (`t_end`: the trigger's end in `sentence`)."""
    for start, end in doc.instruments:
        if t_end <= start - offset <= t_end + 30 and re.fullmatch(
            r"[\s\w]*?(?:to|of|on)?\s*(?:the\s+)?", sentence[t_end : start - offset], re.I
        ):
            return f"Signing of the {doc.text[start:end]}"
    return ""


def _in_speaker_list(text: str, span: Span) -> bool:
    """A person named in a list of speakers: by a list rule, or alone on a short line."""
    if span.rule in ("org-dash-name", "presenter-list"):
        return True
    line_start = text.rfind("\n", 0, span.start) + 1
    line_end = text.find("\n", span.end)
    line = text[line_start : line_end if line_end != -1 else len(text)]
    return span.rule in ("name-comma-title", "honorific-name") and len(line.strip()) < 250


def _mark_founded(event: EventFinding, orgs) -> None:
    """The body a founding event creates is recorded as founded, not as a participant."""
    if event.kind != "founding":
        return
    key = name_key(event.name)
    event.organizations = [
        (k, "founded")
        if k in orgs
        and any(
            f" {name_key(n)} " in f" {key} "
            for n in (orgs[k].name, orgs[k].acronym, *orgs[k].aliases)
            if n and len(name_key(n)) > 2
        )
        else (k, r)
        for k, r in event.organizations
    ]


PLANNED = re.compile(
    r"\b(?:will|would|shall|plans?\s+to|planned|expected\s+to|scheduled|due\s+to|to\s+be|next)\b[^.;]{0,60}$",
    re.I,
)


def _mark_planned(event: EventFinding, text: str) -> bool:
    """`will be established in July 2018`: the source announces it; the name says so. True
    for an event the text announces rather than reports."""
    if "(planned)" in event.name:
        return True
    for span in event.spans:
        if span.rule != "dated-event-sentence":
            continue
        trigger = TRIGGER_PATTERN.search(span.text)
        if trigger and PLANNED.search(span.text[: trigger.start()]):
            event.name = f"{event.name} (planned)"
            return True
    return False


def _credit_undated(sentence, offset, kinds, orgs, events, last_gathering) -> None:
    """`This gathering in Phnom Penh, organized by X`: roles for an event already found."""
    for kind, t_start, _ in kinds:
        target = next((e for e in events if e.is_document_event and e.kind == kind), None)
        refers_back = re.search(
            r"\b(?:This|That|The|These)\s+(?:\w+\s+){0,2}$", sentence[: t_start - offset]
        )
        if target is None and kind in GATHERINGS and refers_back:
            target = last_gathering
        if target is None:
            continue
        for key, role in sentence_roles(sentence, offset, orgs, t_start):
            if key not in dict(target.organizations):
                target.organizations.append((key, role))
        return
