"""What a trigger word or a date in a sentence says that is NOT an occasion of its own: a
mention back (`a similar MoU`, `such consultations`), a summary of a process (`a series of
consultations`, `four national meetings were held`: its stages are the events), and a date
that is a deadline (`confirm your attendance by 15 November`)."""

from __future__ import annotations

import re

from .date_forms import NUMBER_WORDS

# `a similar agreement`, `such meetings`, `the same kind of workshop`: an event like one named.
ANAPHORA_BEFORE = re.compile(
    r"\b(?:similar|such|comparable|likewise)\s+(?:[\w-]+\s+){0,2}$|"
    r"\bsame\s+kind\s+of\s+$",
    re.I,
)
# `a series of consultations`, `several national meetings`, `four regional workshops`.
COUNTED_BEFORE = re.compile(
    r"\b(?:series\s+of|number\s+of|round\s+of|several|many|numerous|various|\d{1,3}|"
    + "|".join(w for w in NUMBER_WORDS if w not in ("one", "hundred"))
    + r")\s+(?:[\w-]+\s+){0,2}$",
    re.I,
)
# A date by which something must be done, not when anything happened.
DEADLINE_BEFORE = re.compile(
    r"(?:\b(?:by|before|deadline(?:\s+(?:is|of|for\s+[\w-]+(?:\s+[\w-]+)?))?|"
    r"no\s+later\s+than|clos(?:e|es|ing)\s+on|due\s+(?:on|by)|on\s+or\s+before)|"
    r"\bdeadline\b[^.;]{0,40}?\b(?:is|was|falls\s+on|:))\s*$",
    re.I,
)


def is_back_reference(sentence: str, t_local: int) -> bool:
    """`a similar MoU in 2017`: the trigger at `t_local` names an event like another."""
    return ANAPHORA_BEFORE.search(sentence, max(0, t_local - 40), t_local) is not None


def is_summary(sentence: str, t_local: int, t_end: int) -> bool:
    """`held a series of consultations`, `four national meetings were held`: many occasions
    told at once (a plural trigger after a count), not one."""
    word = sentence[t_local:t_end]
    if not re.search(r"[^s]s$", word.lower()):  # a plural: "meetings", not "congress"
        return False
    return COUNTED_BEFORE.search(sentence, max(0, t_local - 40), t_local) is not None


def is_deadline(sentence: str, d_local: int) -> bool:
    """`confirm your attendance by 15 November`, `applications close on 3 May`."""
    return DEADLINE_BEFORE.search(sentence, max(0, d_local - 60), d_local) is not None


def occasions(sentence: str, offset: int, kinds: list[tuple[str, int, int]]) -> list:
    """The triggers (kind, start, end; document offsets) that say an occasion of its own:
    neither a summary nor a mention back, nor the verb of one (`signed a similar MoU`)."""
    back = [k for k in kinds if is_back_reference(sentence, k[1] - offset)]
    return [
        k
        for k in kinds
        if k not in back
        and not any(k[0] == b[0] and 0 < b[1] - k[1] <= 40 for b in back)
        and not is_summary(sentence, k[1] - offset, k[2] - offset)
    ]
