from django.core.management.base import BaseCommand

from documents.search import KIND_LABELS, search_index_rebuild


class Command(BaseCommand):
    help = "Rebuild the whole search index from the records (run after bulk imports)."

    def handle(self, *args, verbosity, **options):
        counts = search_index_rebuild()
        if verbosity:
            summary = ", ".join(f"{n} {KIND_LABELS[kind].lower()}" for kind, n in counts.items())
            self.stdout.write(f"Search index rebuilt: {summary}.")
