"""One row that changes whenever the archive does: public pages are cached under its number."""

from django.db import models


class ArchiveVersion(models.Model):
    """Bumped after every committed change to the records (curator saves, imports, merges).

    It lives in the database, not in the cache, so that every worker and the importer's own
    process see the same number even when each keeps its cache in its own memory.
    """

    number = models.PositiveBigIntegerField(default=0)
    changed_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = "archive version"

    def __str__(self) -> str:
        return f"Archive version {self.number}"
