"""Tag documents with the themes they treat, from the words they use."""

import re

from .phrases import CaselessPattern

# Each theme's forms, in lower case: they are searched case-insensitively, one at a time, so
# the regex engine can jump to each form's first letters.
THEMES = {
    "domestic work": (r"domestic\s+work", r"household\s+work", r"c\s?189", r"convention\s+189"),
    "trafficking": (r"traffick",),
    "fair recruitment": (r"recruit",),
    "gender": (r"\bgender", r"\bwomen\b", r"\bwomen's\b", r"unifem", r"un\s+women"),
    "skills recognition": (
        r"recogni[sz]\w*\s+(?:of\s+)?skills",
        r"skills?\s+recognition",
        r"mutual\s+recognition\s+of\s+skills",
        r"skills?\s+development",
    ),
    "social protection": (r"social\s+(?:protection|security|safety)",),
    "trade union organising": (
        r"organi[sz]ing",
        r"union\s+to\s+union",
        r"inter-union",
        r"trade\s+union\s+(?:policy|cooperation)",
    ),
    "ratification": (r"ratif",),
    "forced labour": (r"forced\s+labou?r",),
    "child labour": (r"child\s+labou?r",),
    "human rights": (r"human\s+rights",),
    "irregular migration": (r"irregular", r"undocumented"),
    "remittances": (r"remittance",),
    "parliamentary engagement": (r"parliament",),
}


def _form(pattern: str) -> CaselessPattern:
    """A form opening on a word boundary, which the engine cannot jump to, is tried only where
    its first word occurs (see CaselessPattern's `opening`)."""
    opening = re.match(r"\\b([a-z]+)", pattern)
    return CaselessPattern(pattern, opening=(opening.group(1),) if opening else ())


PATTERNS = {theme: [_form(p) for p in forms] for theme, forms in THEMES.items()}


def find_themes(text: str, among: list[str] | None = None) -> list[str]:
    """The themes `text` treats, in THEMES order; given `among`, only those of them."""
    return [
        theme
        for theme, forms in PATTERNS.items()
        if (among is None or theme in among) and any(form.search(text) for form in forms)
    ]
