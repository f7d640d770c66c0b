import json
import sys

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from documents.ingest.sources import collect_paths
from documents.models import SourceDocument
from documents.services import archive_dry_run, archive_ingest


class Command(BaseCommand):
    help = (
        "Import source texts (.txt, .html; folders are searched recursively): documents, and the "
        "events, organizations, people and conventions found in them, each traced to its passage."
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
        failed = [e for d in result["documents"] for e in d.get("errors", []) if ": " in e]
        if format == "json":
            self.stdout.write(json.dumps(result, ensure_ascii=False, indent=2))
        else:
            for doc in result["documents"]:
                if "title" not in doc:
                    continue
                self.stdout.write(f"{doc['file']}: {doc['title']} ({doc['date'] or 'no date'})")
                for kind in ("events", "organizations", "people", "conventions"):
                    self.stdout.write(f"  {len(doc[kind])} {kind}")
        for error in failed:
            self.stderr.write(self.style.ERROR(f"error: {error}"))
        if any("title" not in d for d in result["documents"]):
            raise CommandError("Some files could not be read.")

    def _progress(self, paths, verbosity):
        """A progress bar on a terminal when there are many files."""
        if verbosity == 0 or not sys.stderr.isatty():
            return None
        total = sum(1 for p in collect_paths(paths) if not isinstance(p, Exception))
        if total < 20:
            return None
        from tqdm import tqdm

        bar = tqdm(total=total, unit="doc", file=sys.stderr)
        return lambda path: bar.update(1)
