"""The six OAI-PMH verbs, each adding its element to the response's envelope."""

import datetime as dt
import re
from dataclasses import dataclass, replace

from django.conf import settings

from . import records
from .arguments import (
    METADATA_PREFIX,
    OaiError,
    check_metadata_prefix,
    parse_date_range,
)
from .tokens import ListState, state_from_token, token_expires, token_for
from .xml import OAI_DC, OAI_DC_SCHEMA, add, add_dublin_core, add_header, datestamp

_SLUG = re.compile(r"[-\w]+", re.ASCII)


@dataclass(frozen=True)
class Repository:
    """What every answer needs to know about this request and this repository."""

    base_url: str
    host: str
    site_url: str  # scheme and host, to make record pages' addresses absolute
    now: dt.datetime
    page_size: int

    def identifier(self, slug: str) -> str:
        return f"oai:{self.host}:document/{slug}"

    def slug_of(self, identifier: str) -> str:
        prefix = self.identifier("")
        slug = identifier[len(prefix) :] if identifier.startswith(prefix) else ""
        if not _SLUG.fullmatch(slug):
            raise OaiError("idDoesNotExist", f"No record has the identifier {identifier!r}.")
        return slug


def identify(root, repo: Repository, arguments: dict) -> None:
    element = add(root, "Identify")
    add(element, "repositoryName", settings.OAI_REPOSITORY_NAME)
    add(element, "baseURL", repo.base_url)
    add(element, "protocolVersion", "2.0")
    add(element, "adminEmail", settings.OAI_ADMIN_EMAIL)
    earliest = records.earliest_datestamp() or repo.now
    add(element, "earliestDatestamp", datestamp(earliest))
    add(element, "deletedRecord", "no")
    add(element, "granularity", "YYYY-MM-DDThh:mm:ssZ")


def list_metadata_formats(root, repo: Repository, arguments: dict) -> None:
    if "identifier" in arguments:
        _document(repo, arguments["identifier"])
    formats = add(root, "ListMetadataFormats")
    metadata_format = add(formats, "metadataFormat")
    add(metadata_format, "metadataPrefix", METADATA_PREFIX)
    add(metadata_format, "schema", OAI_DC_SCHEMA)
    add(metadata_format, "metadataNamespace", OAI_DC)


def list_sets(root, repo: Repository, arguments: dict) -> None:
    if "resumptionToken" in arguments:
        raise OaiError("badResumptionToken", "ListSets answers whole; it issues no tokens.")
    all_sets = records.all_sets()
    if not all_sets:
        # An empty archive has no categories, regions or years to group by (and the schema
        # wants at least one <set>).
        raise OaiError("noSetHierarchy", "No public document yet, so no sets.")
    sets = add(root, "ListSets")
    for spec, name in all_sets:
        element = add(sets, "set")
        add(element, "setSpec", spec)
        add(element, "setName", name)


def get_record(root, repo: Repository, arguments: dict) -> None:
    check_metadata_prefix(arguments["metadataPrefix"])
    document = _document(repo, arguments["identifier"])
    _add_record(add(root, "GetRecord"), repo, document)


def list_identifiers(root, repo: Repository, arguments: dict) -> None:
    _list(root, repo, arguments, verb="ListIdentifiers")


def list_records(root, repo: Repository, arguments: dict) -> None:
    _list(root, repo, arguments, verb="ListRecords")


VERBS = {
    "Identify": identify,
    "ListMetadataFormats": list_metadata_formats,
    "ListSets": list_sets,
    "GetRecord": get_record,
    "ListIdentifiers": list_identifiers,
    "ListRecords": list_records,
}


def _document(repo: Repository, identifier: str):
    try:
        return records.document_by_slug(repo.slug_of(identifier))
    except records.SourceDocument.DoesNotExist:
        raise OaiError("idDoesNotExist", f"No record has the identifier {identifier!r}.") from None


def _list(root, repo: Repository, arguments: dict, *, verb: str) -> None:
    """One page of a list: the first (from the arguments) or the next (from a token)."""
    if "resumptionToken" in arguments:
        state = state_from_token(arguments["resumptionToken"], verb=verb)
    else:
        check_metadata_prefix(arguments["metadataPrefix"])
        state = ListState(
            verb=verb,
            set_spec=arguments.get("set", ""),
            start=arguments.get("from", ""),
            stop=arguments.get("until", ""),
        )
    dates = parse_date_range(state.start or None, state.stop or None)
    documents = records.filtered(state.set_spec, dates)
    if not state.after_pk:
        state = replace(state, total=documents.count())
    with_metadata = verb == "ListRecords"
    # One row more than a page tells whether another page follows.
    page = records.page_after(
        documents, state.after_pk, repo.page_size + 1, with_metadata=with_metadata
    )
    if not page:
        raise OaiError("noRecordsMatch", "No records match these arguments.")
    more, page = len(page) > repo.page_size, page[: repo.page_size]
    element = add(root, verb)
    for document in page:
        if with_metadata:
            _add_record(element, repo, document)
        else:
            _add_header(element, repo, document)
    _add_resumption_token(element, repo, state, page, more=more)


def _add_resumption_token(element, repo: Repository, state: ListState, page: list, *, more) -> None:
    """A token for the next page, or the empty token that closes a list given in parts."""
    sent = state.cursor + len(page)
    total = max(state.total, sent + int(more))  # records may arrive during a harvest
    attributes = {"completeListSize": str(total), "cursor": str(state.cursor)}
    if more:
        following = replace(state, after_pk=page[-1].pk, cursor=sent)
        attributes["expirationDate"] = datestamp(token_expires(repo.now))
        add(element, "resumptionToken", token_for(following), **attributes)
    elif state.after_pk:
        add(element, "resumptionToken", "", **attributes)


def _add_header(parent, repo: Repository, document) -> None:
    add_header(
        parent,
        identifier=repo.identifier(document.slug),
        document=document,
        set_specs=records.set_specs_of(document),
    )


def _add_record(parent, repo: Repository, document) -> None:
    record = add(parent, "record")
    _add_header(record, repo, document)
    add_dublin_core(record, _dublin_core(repo, document))


def _dublin_core(repo: Repository, document) -> list[tuple[str, str]]:
    """The document as the 15 elements of unqualified Dublin Core, those it has."""
    fields = [("title", document.title)]
    fields += [("subject", value) for value in (document.category, *_tag_names(document)) if value]
    if document.excerpt:
        fields.append(("description", document.excerpt))
    fields.append(("publisher", settings.OAI_REPOSITORY_NAME))
    if document.start_iso:
        fields.append(("date", document.start_iso))
    fields.append(("type", "Text"))
    fields.append(("identifier", repo.site_url + document.get_absolute_url()))
    if document.source_url:
        fields.append(("source", document.source_url))
    if document.region:
        fields.append(("coverage", document.region))
    return fields


def _tag_names(document) -> list[str]:
    return sorted(tag.name for tag in document.tags.all())
