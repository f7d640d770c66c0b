from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from documents.models import SourceDocument
from documents.services import archive_ingest


class Command(BaseCommand):
    help = "Import source texts (.txt, .html; folders are searched recursively) into the archive."

    def add_arguments(self, parser):
        parser.add_argument(
            "paths", nargs="*", help="Files or folders. Default: the project's data/sources/."
        )
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing when the archive already holds documents (used by `make run`).",
        )

    def handle(self, *args, paths, if_empty, verbosity, **options):
        if if_empty and SourceDocument.objects.exists():
            if verbosity:
                self.stdout.write("The archive already holds documents; nothing imported.")
            return
        paths = paths or [settings.ARCHIVE_SOURCES_DIR]
        report = archive_ingest(paths=paths)
        for note in report.notes:
            self.stderr.write(self.style.WARNING(f"note: {note}"))
        for error in report.errors:
            self.stderr.write(self.style.ERROR(f"error: {error}"))
        if verbosity:
            for line in report.summary_lines():
                self.stdout.write(line)
        if report.failed:
            raise CommandError(f"{report.failed} file(s) could not be imported.")
