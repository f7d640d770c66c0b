"""Writing a synthetic archive through the importer's own write path, then reviewing a share of
its proposals as curators would."""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from django.db.models import F
from django.db.models.functions import Mod

from documents.counts import archive_counts_refresh
from documents.ingest.report import IngestReport
from documents.ingest.sources import SourceFile
from documents.models import Convention, Event, Mention, SourceDocument
from documents.services import archive_ingest
from organizations.models import Organization, Person

from .texts import ArchiveTextGenerator

# Review states as stored (documents.models' ReviewStatus values).
CONFIRMED, REJECTED = "confirmed", "rejected"
CONFIRMED_PERCENT, REJECTED_PERCENT = 15, 2  # of the mentions, chosen by their order
REVIEWED_RECORDS = (Organization, Person, Event, Convention)


def synthetic_archive_generate(
    *,
    documents: int,
    seed: int,
    on_file: Callable[[str], None] | None = None,
) -> IngestReport:
    """Generate `documents` texts for `seed`, import them, and confirm or reject a share of the
    new mentions (and confirm the records of the confirmed ones), as curators would. Documents
    are numbered after those already in the archive, so an append adds new ones."""
    first = SourceDocument.objects.count()
    last_mention = Mention.objects.order_by("-id").values_list("id", flat=True).first() or 0
    generator = ArchiveTextGenerator(seed=seed + first, documents=first + documents)
    with tempfile.TemporaryDirectory(prefix="synthetic-archive-") as folder:
        files = _written_one_at_a_time(generator, documents, first, Path(folder))
        report = archive_ingest(paths=files, on_file=on_file)
    curator_reviews_simulate(after_mention=last_mention)
    archive_counts_refresh()  # the reviews were bulk updates, which recount nothing
    report.proposals = Mention.objects.pending_review().count()
    return report


def _written_one_at_a_time(
    generator: ArchiveTextGenerator, count: int, first: int, folder: Path
) -> Iterator[SourceFile]:
    """Each text is written to disk just before the importer reads it, and removed once it
    has: 100,000 documents never take 500 MB of disk at once."""
    previous: Path | None = None
    for name, text in generator.documents(count, first):
        path = folder / name
        path.write_text(text, encoding="utf-8")
        if previous is not None:
            previous.unlink()  # the importer read it before asking for the next file
        previous = path
        yield SourceFile(path, name)


def curator_reviews_simulate(*, after_mention: int = 0) -> dict[str, int]:
    """Confirm 15% and reject 2% of the mentions numbered after `after_mention`, in bulk, and
    confirm the records of the confirmed mentions. Bulk updates send no signals: what the
    search index holds does not depend on review states, which pages filter on."""
    new = Mention.objects.filter(id__gt=after_mention)
    base = new.order_by("id").values_list("id", flat=True).first() or 0
    # Counted from the first new id, not by id alone: the same seed reviews the same passages
    # in a database whose ids start elsewhere.
    fresh = new.filter(review_status="proposed").alias(bucket=Mod(F("id") - base, 100))
    counts = {
        CONFIRMED: fresh.filter(bucket__lt=CONFIRMED_PERCENT).update(review_status=CONFIRMED),
        REJECTED: fresh.filter(
            bucket__gte=CONFIRMED_PERCENT, bucket__lt=CONFIRMED_PERCENT + REJECTED_PERCENT
        ).update(review_status=REJECTED),
    }
    confirmed = Mention.objects.filter(id__gt=after_mention, review_status=CONFIRMED)
    for model in REVIEWED_RECORDS:
        field = model._meta.model_name
        ids = confirmed.exclude(**{f"{field}__isnull": True}).values(field)
        counts[model._meta.verbose_name_plural] = (
            model.objects.filter(id__in=ids)
            .exclude(review_status=CONFIRMED)
            .update(review_status=CONFIRMED)
        )
    return counts
