"""What one ingest run did: per-file outcomes and the closing summary."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..kinds import RECORD_KINDS

SINGULAR = {kind.plural: kind.singular.lower() for kind in RECORD_KINDS}


@dataclass
class IngestReport:
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0
    created: Counter = field(default_factory=Counter)
    proposals: int = 0
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def summary_lines(self) -> list[str]:
        lines = [
            f"Documents: {self.new} new, {self.updated} updated, {self.unchanged} unchanged, "
            f"{self.failed} failed."
        ]
        if self.created:
            made = ", ".join(
                f"{n} {kind if n != 1 else SINGULAR.get(kind, kind)}"
                for kind, n in sorted(self.created.items())
            )
            lines.append(f"Records created: {made}.")
        lines.append(f"Proposals waiting for review: {self.proposals}.")
        return lines
