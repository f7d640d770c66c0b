"""Public pages of the archive's records; each module holds the views of one area."""

from .events import event_archive, event_archive_year, event_detail
from .home import favicon, home, search_results, tag_detail, tag_list
from .records import convention_detail, convention_list, document_detail, document_list
from .series import series_detail, series_list

__all__ = [
    "convention_detail",
    "convention_list",
    "document_detail",
    "document_list",
    "event_archive",
    "event_archive_year",
    "event_detail",
    "favicon",
    "home",
    "search_results",
    "series_detail",
    "series_list",
    "tag_detail",
    "tag_list",
]
