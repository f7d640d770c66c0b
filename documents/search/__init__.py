"""The one way into search: `search(query, filters=...)` over every public record kind.

`query` runs a search and loads its results; `index` keeps the index in step with the records
and picks the engine once (`postgres`: weighted tsvector columns; `sqlite`: one FTS5 table);
`ranking` is what the two engines share.
"""

from .index import (
    index_records,
    search_backend_ensure,
    search_index_rebuild,
    unindex_record,
    unindexed,
)
from .postgres import BackgroundVectorWriter
from .query import (
    Hit,
    SearchResults,
    clean_query,
    highlight,
    matching_ids,
    search,
    valid_filters,
)
from .sqlite import fts5_query

__all__ = [
    "BackgroundVectorWriter",
    "Hit",
    "SearchResults",
    "clean_query",
    "fts5_query",
    "highlight",
    "index_records",
    "matching_ids",
    "search",
    "search_backend_ensure",
    "search_index_rebuild",
    "unindex_record",
    "unindexed",
    "valid_filters",
]
