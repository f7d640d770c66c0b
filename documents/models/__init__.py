"""The documents app's models: the records (`records`) and what ties them together (`links`)."""

from .archive_version import ArchiveVersion
from .links import MENTION_TARGETS, EventOrganization, EventParticipant, Mention
from .records import Convention, Event, EventSeries, SourceDocument

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
