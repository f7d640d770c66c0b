"""What both engines share: how matches are tagged, bounded, ordered and highlighted."""

from collections.abc import Iterable

from ..kinds import RECORD_KINDS

KIND_CODES = {kind.code: n for n, kind in enumerate(RECORD_KINDS, start=1)}  # FTS5 rowid tag
MAX_MATCHES = 200  # the best matches kept: results, facets and filters work over these
# Private-use characters mark highlights inside snippets until the text is escaped.
START_SEL, STOP_SEL = "\ue000", "\ue001"


def ranked(rows: Iterable[tuple[str, int, float]]) -> list[tuple[str, int, float]]:
    """Best rank first; equal ranks by kind then id, so both engines agree on ties."""
    best: dict[tuple[str, int], float] = {}
    for kind, pk, rank in rows:
        best[(kind, pk)] = max(rank, best.get((kind, pk), float("-inf")))
    ordered = sorted(
        best.items(), key=lambda kv: (-float(f"{kv[1]:.6g}"), KIND_CODES[kv[0][0]], kv[0][1])
    )
    return [(kind, pk, rank) for (kind, pk), rank in ordered[:MAX_MATCHES]]
