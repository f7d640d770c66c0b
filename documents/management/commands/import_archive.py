from django.core.management.base import BaseCommand, CommandError

from documents.archive_file import ArchiveFileError, archive_counts, archive_import


class Command(BaseCommand):
    help = (
        "Restore a file written by export_archive into an empty, migrated database, and "
        "rebuild the search index. A bad file changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="a file written by export_archive")

    def handle(self, *args, path, verbosity, **options):
        try:
            counts = archive_import(path=path)
        except (ArchiveFileError, OSError) as exc:
            raise CommandError(f"{path}: {exc}; nothing was imported") from None
        if verbosity:
            self.stdout.write(f"Imported {sum(counts.values())} rows from {path}:")
            for line in archive_counts(counts):
                self.stdout.write(f"  {line}")
