"""Resumption tokens: signed, stateless, expiring. Each carries the list's filters, the last
primary key sent (the next page starts after it), how many were sent and the list's size."""

import datetime as dt
from dataclasses import asdict, dataclass

from django.conf import settings
from django.core import signing

from .arguments import OaiError

_SALT = "documents.oai.resumption"


@dataclass(frozen=True)
class ListState:
    """Where a ListIdentifiers or ListRecords harvest stands."""

    verb: str
    set_spec: str = ""
    start: str = ""  # `from` as the harvester sent it
    stop: str = ""  # `until`
    after_pk: int = 0
    cursor: int = 0
    total: int = 0


def token_max_age() -> int:
    return settings.OAI_TOKEN_MAX_AGE


def token_for(state: ListState) -> str:
    return signing.dumps(asdict(state), salt=_SALT, compress=True)


def token_expires(now: dt.datetime) -> dt.datetime:
    return now + dt.timedelta(seconds=token_max_age())


def state_from_token(token: str, *, verb: str) -> ListState:
    """The state a token carries, or badResumptionToken if forged, expired or of another verb."""
    try:
        fields = signing.loads(token, salt=_SALT, max_age=token_max_age())
        state = ListState(**fields)
    except signing.SignatureExpired:
        raise OaiError("badResumptionToken", "This resumption token has expired.") from None
    except (signing.BadSignature, TypeError, ValueError):
        raise OaiError(
            "badResumptionToken", "This resumption token is not one we issued."
        ) from None
    if state.verb != verb:
        raise OaiError("badResumptionToken", f"This resumption token belongs to {state.verb}.")
    return state
