from django.core.management.base import BaseCommand

from documents.kinds import KINDS
from documents.search import search_index_rebuild


class Command(BaseCommand):
    help = "Rebuild the whole search index from the records (run after bulk imports)."

    def handle(self, *args, verbosity, **options):
        counts = search_index_rebuild()
        if verbosity:
            summary = ", ".join(f"{n} {KINDS[kind].plural}" for kind, n in counts.items())
            self.stdout.write(f"Search index rebuilt: {summary}.")
