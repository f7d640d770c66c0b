"""What a harvester sent: the verb and its arguments, checked as OAI-PMH 2.0 section 3 asks."""

import datetime as dt
import re
from dataclasses import dataclass

METADATA_PREFIX = "oai_dc"

# Per verb: the arguments it requires, and those it may also take.
VERB_ARGUMENTS = {
    "Identify": (set(), set()),
    "ListMetadataFormats": (set(), {"identifier"}),
    "ListSets": (set(), {"resumptionToken"}),
    "GetRecord": ({"identifier", "metadataPrefix"}, set()),
    "ListIdentifiers": ({"metadataPrefix"}, {"from", "until", "set"}),
    "ListRecords": ({"metadataPrefix"}, {"from", "until", "set"}),
}
LIST_VERBS = ("ListIdentifiers", "ListRecords")

# The syntax OAI-PMH.xsd gives each echoed argument; a value outside it is a badArgument.
_URI_CHARS = r"(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?#]|%[0-9A-Fa-f]{2})+"
_SYNTAX = {
    "identifier": re.compile(_URI_CHARS),
    "set": re.compile(r"[A-Za-z0-9\-_.!~*'()]+(:[A-Za-z0-9\-_.!~*'()]+)*"),
    "metadataPrefix": re.compile(r"[A-Za-z0-9\-_.!~*'()]+"),
}
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_SECONDS = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z")


class OaiError(Exception):
    """A protocol error: answered with HTTP 200 and an <error code="..."> element."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class DateRange:
    """`from` and `until` as datetimes: records updated at or after `start`, before `stop`."""

    start: dt.datetime | None = None
    stop: dt.datetime | None = None


@dataclass(frozen=True)
class OaiRequest:
    verb: str
    arguments: dict


def parse_request(params) -> OaiRequest:
    """The verb and arguments of a GET query or POST form (a QueryDict), or an OaiError."""
    verbs = params.getlist("verb")
    if len(verbs) != 1 or verbs[0] not in VERB_ARGUMENTS:
        shown = ", ".join(verbs) or "none"
        raise OaiError(
            "badVerb",
            f"Illegal or missing verb ({shown}); the verbs are " + ", ".join(VERB_ARGUMENTS) + ".",
        )
    verb = verbs[0]
    arguments = {}
    for name in params:
        if name == "verb":
            continue
        values = params.getlist(name)
        if len(values) != 1:
            raise OaiError("badArgument", f"The argument {name} is repeated.")
        arguments[name] = values[0]
    _check_names(verb, arguments)
    for name, value in arguments.items():
        if name in _SYNTAX and not _SYNTAX[name].fullmatch(value):
            raise OaiError("badArgument", f"{name}={value!r} is not of the form OAI-PMH gives it.")
    return OaiRequest(verb=verb, arguments=arguments)


def _check_names(verb: str, arguments: dict) -> None:
    required, optional = VERB_ARGUMENTS[verb]
    if verb in LIST_VERBS:
        optional = optional | {"resumptionToken"}
    unknown = sorted(set(arguments) - required - optional)
    if unknown:
        raise OaiError("badArgument", f"{verb} does not take: {', '.join(unknown)}.")
    if "resumptionToken" in arguments:
        if len(arguments) > 1:
            raise OaiError("badArgument", "resumptionToken is an exclusive argument.")
        return
    missing = sorted(required - set(arguments))
    if missing:
        raise OaiError("badArgument", f"{verb} needs: {', '.join(missing)}.")


def check_metadata_prefix(prefix: str) -> None:
    if prefix != METADATA_PREFIX:
        raise OaiError(
            "cannotDisseminateFormat", f"Only {METADATA_PREFIX} is served, not {prefix!r}."
        )


def parse_date_range(start: str | None, stop: str | None) -> DateRange:
    """`from` and `until` at day or seconds granularity (the same for both), from <= until."""
    first = _parse_datestamp("from", start, end_of_period=False) if start else None
    last = _parse_datestamp("until", stop, end_of_period=True) if stop else None
    if start and stop and len(start) != len(stop):
        raise OaiError("badArgument", "from and until must have the same granularity.")
    if first and last and first >= last:
        raise OaiError("badArgument", "from is later than until.")
    return DateRange(start=first, stop=last)


def _parse_datestamp(name: str, value: str, *, end_of_period: bool) -> dt.datetime:
    """The first instant the datestamp names, or for `until` the first instant after it."""
    for pattern, form, period in (
        (_DAY, "%Y-%m-%d", dt.timedelta(days=1)),
        (_SECONDS, "%Y-%m-%dT%H:%M:%SZ", dt.timedelta(seconds=1)),
    ):
        if not pattern.fullmatch(value):
            continue
        try:
            moment = dt.datetime.strptime(value, form).replace(tzinfo=dt.UTC)
        except ValueError:
            break
        if not end_of_period:
            return moment
        # `until=9999-12-31` means everything: the instant after it is past datetime's range.
        latest = dt.datetime.max.replace(tzinfo=dt.UTC)
        return moment + period if moment < latest - period else latest
    raise OaiError(
        "badArgument", f"{name}={value!r} is not a date like 2007-11-01 or 2007-11-01T09:30:00Z."
    )
