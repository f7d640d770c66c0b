import argparse
import time

from django.core.management.base import BaseCommand, CommandError

from documents.models import SourceDocument
from documents.synthetic.archive import synthetic_archive_generate

MAX_DOCUMENTS = 1_000_000


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a whole number") from None
    if not 1 <= number <= MAX_DOCUMENTS:
        raise argparse.ArgumentTypeError(f"give a number from 1 to {MAX_DOCUMENTS:,}")
    return number


def _seed(value: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a whole number") from None


class Command(BaseCommand):
    help = (
        "Fill the archive with a synthetic one for measuring the site at scale: generated "
        "advocacy reports of about 5 KB, imported by the importer, a share of its proposals "
        "confirmed or rejected. The same seed gives the same archive."
    )

    def add_arguments(self, parser):
        parser.add_argument("--documents", type=_positive, required=True, help="How many.")
        parser.add_argument("--seed", type=_seed, default=1, help="Same seed, same archive.")
        parser.add_argument(
            "--append",
            action="store_true",
            help="Add to an archive that already holds documents (refused otherwise).",
        )

    def handle(self, *args, documents, seed, append, verbosity, **options):
        existing = SourceDocument.objects.count()
        if existing and not append:
            raise CommandError(
                f"The archive already holds {existing:,} documents; use an empty database, "
                "or --append to add generated documents to them."
            )
        started = time.perf_counter()
        report = synthetic_archive_generate(
            documents=documents, seed=seed, on_file=self._progress(documents, verbosity)
        )
        for error in report.errors:
            self.stderr.write(self.style.ERROR(f"error: {error}"))
        if verbosity:
            elapsed = time.perf_counter() - started
            self.stdout.write(f"{documents:,} documents generated in {elapsed:.0f} s.")
            for line in report.summary_lines():
                self.stdout.write(line)
        if report.failed:
            raise CommandError(f"{report.failed} generated document(s) could not be imported.")

    def _progress(self, total: int, verbosity: int):
        if verbosity < 1 or total < 1000:
            return None
        done, started = 0, time.perf_counter()

        def on_file(_name):
            nonlocal done
            done += 1
            if done % 1000 == 0 or done == total:
                rate = done / (time.perf_counter() - started)
                self.stdout.write(f"  {done:>9,} of {total:,}  ({rate:.0f} documents/s)")

        return on_file
