"""Public pages of the archive's records; each module holds the views of one page family."""

from .conventions import convention_detail, convention_list
from .documents import document_detail, document_list
from .events import event_archive, event_archive_year, event_detail
from .home import favicon, home
from .reconcile import reconcile_service
from .search import search_results
from .series import series_detail, series_list
from .tags import tag_detail, tag_list

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
    "reconcile_service",
    "search_results",
    "series_detail",
    "series_list",
    "tag_detail",
    "tag_list",
]
