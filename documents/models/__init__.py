"""The documents app's models: the records (`records`, `events`) and what ties them together
(`links`)."""

from .archive_version import ArchiveVersion
from .events import Event, EventSeries
from .links import MENTION_TARGETS, EventOrganization, EventParticipant, Mention
from .records import Convention, SourceDocument

__all__ = [
    "MENTION_TARGETS",
    "ArchiveVersion",
    "Convention",
    "Event",
    "EventOrganization",
    "EventParticipant",
    "EventSeries",
    "Mention",
    "SourceDocument",
]
