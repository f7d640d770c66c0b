"""Query-string values made safe to filter on."""

import re

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def clean_param(value: str | None, limit: int = 200) -> str:
    """A query parameter fit for the database: no control characters (NUL breaks PostgreSQL)."""
    return _CONTROL.sub(" ", value or "").strip()[:limit]
