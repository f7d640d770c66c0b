"""What a record's page shows of the documents that mention it (organizations, people and
conventions share it)."""

from django.core.paginator import Page, Paginator

from advocacy_site.passages import document_passages


def mentioning_documents_page(mentions, page_number, per_page: int) -> tuple[Page, list[dict]]:
    """A page of the documents mentioning a record (newest first) and, for each, its first
    passages, highlighted. `mentions` is the record's mentions (`organization.mentions`);
    three queries (count, page, passages) however many documents."""
    page = Paginator(mentions.mentioning_documents(), per_page).get_page(page_number)
    shown = [row["document"] for row in page]
    return page, document_passages(mentions.first_passages(shown))
