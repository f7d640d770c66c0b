"""The kinds of public record, declared once: search, facets, the index's signals, the admin's
review box, the home and tag pages, and the importer's report all read this list.

Adding a kind is one line here (besides its model, with `index_components()` and
`headline_fields`, its admin, views and templates). The order is the order
results of equal rank are shown, and each kind's position is its code in the FTS5 rowid.
"""

from dataclasses import dataclass

from organizations.models import Organization, Person

from .models import Convention, Event, EventSeries, SourceDocument


@dataclass(frozen=True)
class RecordKind:
    code: str  # in URLs (`?type=event`), facets and the search index
    model: type
    singular: str  # "Person": a search hit's label
    plural: str  # "people": counts and summaries
    # A name PostgreSQL also finds misspelt (trigram similarity). Not events': their names
    # are long phrases, so any query shares trigrams with thousands of them.
    typo_field: str = ""
    title_field: str = ""  # its title or name: PostgreSQL's search always considers matches in it
    taggable: bool = True  # curators tag its records (tag pages list them)

    @property
    def label(self) -> str:
        """`People`: a facet value, a tag page's heading."""
        return self.plural.capitalize()


RECORD_KINDS = (
    RecordKind("document", SourceDocument, "Document", "documents", title_field="title"),
    RecordKind("event", Event, "Event", "events", title_field="name"),
    RecordKind(
        "organization",
        Organization,
        "Organization",
        "organizations",
        typo_field="name",
        title_field="name",
    ),
    RecordKind("person", Person, "Person", "people", typo_field="name", title_field="name"),
    RecordKind("convention", Convention, "Convention", "conventions", title_field="title"),
    RecordKind(
        "series",
        EventSeries,
        "Event series",
        "event series",
        typo_field="name",
        title_field="name",
        taggable=False,
    ),
)
KINDS: dict[str, RecordKind] = {kind.code: kind for kind in RECORD_KINDS}
RECORD_MODELS = tuple(kind.model for kind in RECORD_KINDS)


def kind_of(record_or_model) -> RecordKind:
    """The kind of a record or of its model."""
    return next(
        kind
        for kind in RECORD_KINDS
        if kind.model is record_or_model or isinstance(record_or_model, kind.model)
    )
