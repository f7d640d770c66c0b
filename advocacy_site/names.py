"""How names are compared: case, diacritics, punctuation and spacing never make two names differ."""

import re
from functools import lru_cache

from unidecode import unidecode

_NON_WORD = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=50_000)  # the importer keys the same names over and over
def name_key(name: str) -> str:
    """A matching key: `Friedrich-Ebert-Stiftung` and `friedrich ebert stiftung` share one."""
    return _NON_WORD.sub(" ", unidecode(name or "").lower()).strip()


def word_order_key(name: str) -> str:
    """A key blind to word order too: `Forum, Migrant` and `Migrant Forum` share one."""
    return " ".join(sorted(name_key(name).split()))


def duplicate_ids(names) -> set[int]:
    """Ids of records sharing a name key with another: `names` holds (record id, a name, acronym
    or alias) pairs, so same acronyms, names alike but for case, accents or word order, and
    a name that is another's alias all meet."""
    owners: dict[str, set[int]] = {}
    for pk, name in names:
        key = word_order_key(name)
        if key:
            owners.setdefault(key, set()).add(pk)
    return {pk for group in owners.values() if len(group) > 1 for pk in group}
