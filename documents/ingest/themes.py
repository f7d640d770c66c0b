"""Tag documents with the themes they treat, from the words they use."""

import re

THEMES = {
    "domestic work": r"domestic\s+work|household\s+work|C\s?189|Convention\s+189",
    "trafficking": r"traffick",
    "fair recruitment": r"recruit",
    "gender": r"\bgender|\bwomen\b|\bwomen's\b|UNIFEM|UN\s+Women",
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
PATTERNS = {theme: re.compile(p, re.I) for theme, p in THEMES.items()}


def find_themes(text: str) -> list[str]:
    return [theme for theme, pattern in PATTERNS.items() if pattern.search(text)]
