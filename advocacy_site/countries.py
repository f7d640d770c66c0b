"""Countries by ISO 3166-1 alpha-2 code, from pycountry's bundled data."""

from functools import cache

import pycountry


@cache
def country_name(code: str) -> str:
    """`KH` -> `Cambodia`; an unknown or empty code gives back what it was given."""
    if not code:
        return ""
    country = pycountry.countries.get(alpha_2=code.upper())
    if country is None:
        return code
    return getattr(country, "common_name", None) or country.name
