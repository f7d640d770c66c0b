"""Tag documents with the themes they treat, from the words they use."""

from .phrases import CaselessPattern

# Patterns in lower case: they are searched case-insensitively.
THEMES = {
    "domestic work": r"domestic\s+work|household\s+work|c\s?189|convention\s+189",
    "trafficking": r"traffick",
    "fair recruitment": r"recruit",
    "gender": r"\bgender|\bwomen\b|\bwomen's\b|unifem|un\s+women",
    "skills recognition": r"recogni[sz]\w*\s+(?:of\s+)?skills|skills?\s+recognition|mutual\s+recognition\s+of\s+skills|skills?\s+development",
    "social protection": r"social\s+(?:protection|security|safety)",
    "trade union organising": r"organi[sz]ing|union\s+to\s+union|inter-union|trade\s+union\s+(?:policy|cooperation)",
    "ratification": r"ratif",
    "forced labour": r"forced\s+labou?r",
    "child labour": r"child\s+labou?r",
    "human rights": r"human\s+rights",
    "irregular migration": r"irregular|undocumented",
    "remittances": r"remittance",
    "parliamentary engagement": r"parliament",
}
PATTERNS = {theme: CaselessPattern(p) for theme, p in THEMES.items()}


def find_themes(text: str, among: list[str] | None = None) -> list[str]:
    """The themes `text` treats, in THEMES order; given `among`, only those of them."""
    return [
        theme
        for theme, pattern in PATTERNS.items()
        if (among is None or theme in among) and pattern.search(text)
    ]
