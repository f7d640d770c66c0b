from django.core.management.base import BaseCommand

from documents.archive_file import archive_counts, archive_export


class Command(BaseCommand):
    help = "Write the whole archive (records, history, tags, merges, accounts) to one file."

    def add_arguments(self, parser):
        parser.add_argument("path", help="the file to write (JSON Lines)")

    def handle(self, *args, path, verbosity, **options):
        counts = archive_export(path=path)
        if verbosity:
            self.stdout.write(f"Exported {sum(counts.values())} rows to {path}:")
            for line in archive_counts(counts):
                self.stdout.write(f"  {line}")
