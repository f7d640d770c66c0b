from django.core.management.base import BaseCommand

from documents.counts import archive_counts_refresh


class Command(BaseCommand):
    help = (
        "Recount every organization's and instrument's stored event and document counts, then "
        "ANALYZE on PostgreSQL (after a large import or a bulk change made outside the site)."
    )

    def handle(self, *args, verbosity, **options):
        done = archive_counts_refresh()
        if verbosity:
            summary = ", ".join(f"{n} {name}" for name, n in done.items())
            self.stdout.write(f"Counts refreshed: {summary}.")
