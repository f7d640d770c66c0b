"""Document text made into safe HTML: every segment escaped, only our own tags added."""

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    url: str
    kind: str
    label: str


def spliced(
    text: str,
    spans: Iterable,
    render: Callable[[object, str], SafeString],
    *,
    within_line: bool = False,
) -> SafeString:
    """The text escaped, each span (anything with `start` and `end`) replaced by
    `render(span, its text)`; overlapping spans, and with `within_line` spans across a line
    break, are skipped. The one place document text becomes HTML."""
    pieces, cursor = [], 0
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        covered = text[span.start : span.end]
        if span.start < cursor or span.end > len(text) or (within_line and "\n" in covered):
            continue
        pieces.append(escape(text[cursor : span.start]))
        pieces.append(render(span, covered))
        cursor = span.end
    pieces.append(escape(text[cursor:]))
    return mark_safe("".join(str(p) for p in pieces))  # every piece escaped or format_html'd


def linked_text(text: str, spans: list[Span]) -> list[SafeString]:
    """The text as paragraphs, each span wrapped in <a><mark>; overlapping spans are skipped."""
    html = spliced(
        text,
        spans,
        lambda span, covered: format_html(
            '<a class="mention mention-{}" href="{}" title="{}"><mark>{}</mark></a>',
            span.kind,
            span.url,
            span.label,
            covered,
        ),
        within_line=True,
    )
    paragraphs = [p.strip() for p in PARAGRAPH_BREAK.split(html) if p.strip()]
    return [mark_safe(p.replace("\n", "<br>")) for p in paragraphs]


def passage(context: str, context_start: int, start: int, end: int) -> SafeString:
    """`…before <mark>the mention</mark> after…` from a slice of text beginning at context_start."""
    a, b = start - context_start, end - context_start
    before, hit, after = context[:a], context[a:b], context[b:]
    if context_start > 0 and " " in before:
        before = before.split(" ", 1)[1]  # start on a whole word
    if " " in after:
        after = after.rsplit(" ", 1)[0]
    before = ("…" if context_start > 0 else "") + " ".join(before.split())
    after = " ".join(after.split()) + "…"
    if before and not before.endswith(" ") and context[a - 1 : a].isspace():
        before += " "
    if after and context[b : b + 1].isspace():
        after = " " + after
    return format_html("{}<mark>{}</mark>{}", before, " ".join(hit.split()), after)


def document_passages(mentions: Iterable) -> list[dict]:
    """Mentions grouped by document, in the order given, as highlighted passages: each mention
    has `document_id`, `document`, `start`, `end`, and its context as `passage_text` beginning
    at `passage_start` (what `MentionQuerySet.with_passage()` annotates)."""
    documents = {}
    for mention in mentions:
        entry = documents.setdefault(
            mention.document_id, {"document": mention.document, "passages": []}
        )
        entry["passages"].append(
            passage(mention.passage_text, mention.passage_start, mention.start, mention.end)
        )
    return list(documents.values())
