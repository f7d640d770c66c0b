import json
import sys

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from documents.ingest.sources import collect_paths
from documents.kinds import RECORD_KINDS
from documents.models import SourceDocument
from documents.services import archive_dry_run, archive_ingest

FOUND = [kind.plural for kind in RECORD_KINDS if kind.model is not SourceDocument]


class Command(BaseCommand):
    help = (
        "Import source texts (.txt, .html; folders are searched recursively): documents, and the "
        f"{', '.join(FOUND[:-1])} and {FOUND[-1]} found in them, each traced to its passage."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "paths", nargs="*", help="Files or folders. Default: the project's data/sources/."
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Write nothing; report what would be found."
        )
        parser.add_argument(
            "--format",
            choices=["text", "json"],
            default="text",
            help="With --dry-run: 'json' prints one JSON object (see README).",
        )
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing when the archive already holds documents (used by `make run`).",
        )

    def handle(self, *args, paths, dry_run, format, if_empty, verbosity, **options):
        paths = paths or [settings.ARCHIVE_SOURCES_DIR]
        if dry_run:
            return self._dry_run(paths, format)
        if if_empty and SourceDocument.objects.exists():
            if verbosity:
                self.stdout.write("The archive already holds documents; nothing imported.")
            return
        report = archive_ingest(paths=paths, on_file=self._progress(paths, verbosity))
        for note in report.notes:
            self.stderr.write(self.style.WARNING(f"note: {note}"))
        for error in report.errors:
            self.stderr.write(self.style.ERROR(f"error: {error}"))
        if verbosity:
            for line in report.summary_lines():
                self.stdout.write(line)
        if report.failed:
            raise CommandError(f"{report.failed} file(s) could not be imported.")

    def _dry_run(self, paths, format):
        result = archive_dry_run(paths=paths)
        unreadable = [d for d in result["documents"] if "title" not in d]
        if format == "json":
            self.stdout.write(json.dumps(result, ensure_ascii=False, indent=2))
        else:
            for doc in result["documents"]:
                if "title" in doc:
                    self._describe(doc)
        for doc in unreadable:
            for error in doc["errors"]:
                self.stderr.write(self.style.ERROR(f"error: {error}"))
        if unreadable:
            raise CommandError(f"{len(unreadable)} file(s) could not be read.")

    def _describe(self, doc):
        """One readable block a document: what an import of it would create."""
        write = self.stdout.write
        write(self.style.MIGRATE_HEADING(f"{doc['file']}: {doc['title']}"))
        write(f"  date {doc['date'] or '(none given)'} · {doc['category'] or 'no category'}")
        for event in doc["events"]:
            when = event["start"] + (f" to {event['end']}" if event["end"] else "")
            where = ", ".join(p for p in (event["city"], event["country"]) if p)
            write(
                f"  event  {when}  {event['kind']}: {event['name']}"
                + (f" ({where})" if where else "")
            )
        for org in doc["organizations"]:
            write(f"  org    {org['name']}" + (f" ({org['acronym']})" if org["acronym"] else ""))
        for person in doc["people"]:
            detail = ", ".join(p for p in (person["role"], person["organization"]) if p)
            write(f"  person {person['name']}" + (f": {detail}" if detail else ""))
        for convention in doc["conventions"]:
            write(f"  instr. {convention['id']}  {convention['title']}")
        for note in doc["errors"]:
            write(f"  note   {note}")

    def _progress(self, paths, verbosity):
        """A progress bar on a terminal when there are many files."""
        if verbosity == 0 or not sys.stderr.isatty():
            return None
        total = sum(1 for p in collect_paths(paths) if not isinstance(p, Exception))
        if total < 20:
            return None
        from tqdm import tqdm

        bar = tqdm(total=total, unit="doc", file=sys.stderr)
        return lambda name: bar.update(1)
