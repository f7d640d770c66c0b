"""How names are compared: case, diacritics, punctuation and spacing never make two names differ."""

import re

from unidecode import unidecode

_NON_WORD = re.compile(r"[^a-z0-9]+")


def name_key(name: str) -> str:
    """A matching key: `Friedrich-Ebert-Stiftung` and `friedrich ebert stiftung` share one."""
    return _NON_WORD.sub(" ", unidecode(name or "").lower()).strip()
