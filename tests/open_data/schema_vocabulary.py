"""The part of schema.org's vocabulary the record pages use, to check the JSON-LD they emit.

HAND-KEPT, not generated: written by us from schema.org's own pages (https://schema.org/<Term>,
"Values expected to be one of these types" for ranges and "Used on these types" for domains),
following schema.org release 30.0. It lists only the types and properties the pages emit (see
documents/structured_data.py), with each type's superclasses, and for each property only the
domain and range classes that matter here (schema.org lists more). When a page starts to emit a
new type or property, look it up on schema.org and add it here; do not add a property to a
domain schema.org does not give it.
"""

# Class: its direct superclasses (rdfs:subClassOf).
CLASSES: dict[str, tuple[str, ...]] = {
    "Thing": (),
    "Intangible": ("Thing",),
    "StructuredValue": ("Intangible",),
    "ContactPoint": ("StructuredValue",),
    "PostalAddress": ("ContactPoint",),
    "GeoCoordinates": ("StructuredValue",),
    "GeoShape": ("StructuredValue",),
    "Series": ("Intangible",),
    "DefinedTerm": ("Intangible",),
    "CategoryCode": ("DefinedTerm",),
    "Event": ("Thing",),
    "EventSeries": ("Event", "Series"),
    "Place": ("Thing",),
    "AdministrativeArea": ("Place",),
    "Country": ("AdministrativeArea",),
    "VirtualLocation": ("Intangible",),
    "Organization": ("Thing",),
    "Person": ("Thing",),
    "Product": ("Thing",),
    "CreativeWork": ("Thing",),
    "Article": ("CreativeWork",),
    "Legislation": ("CreativeWork",),
    "WebSite": ("CreativeWork",),
    # Data types (values without @type: not checked, listed so ranges name known classes).
    "Text": (),
    "URL": ("Text",),
    "Number": (),
    "Date": (),
    "DateTime": (),
}

_TEXT = ("Text",)
_DATE = ("Date", "DateTime")
_AGENT = ("Organization", "Person")

# Property: (domainIncludes, rangeIncludes).
PROPERTIES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # Thing
    "name": (("Thing",), _TEXT),
    "alternateName": (("Thing",), _TEXT),
    "description": (("Thing",), _TEXT),
    "url": (("Thing",), ("URL",)),
    "sameAs": (("Thing",), ("URL",)),
    "subjectOf": (("Thing",), ("CreativeWork", "Event")),
    # Event, EventSeries
    "startDate": (("Event",), _DATE),
    "endDate": (("Event",), _DATE),
    "location": (
        ("Event", "Organization"),
        ("Place", "PostalAddress", "Text", "VirtualLocation"),
    ),
    "organizer": (("Event",), _AGENT),
    "funder": (("Event", "Organization", "Person", "CreativeWork"), _AGENT),
    "performer": (("Event",), _AGENT),
    "attendee": (("Event",), _AGENT),
    "about": (("CreativeWork", "Event"), ("Thing",)),
    "superEvent": (("Event",), ("Event",)),
    "subEvent": (("Event",), ("Event",)),
    # Place, PostalAddress, GeoCoordinates
    "address": (("Place", "Organization", "Person", "GeoCoordinates"), ("PostalAddress", "Text")),
    "geo": (("Place",), ("GeoCoordinates", "GeoShape")),
    "addressLocality": (("PostalAddress",), _TEXT),
    "addressCountry": (("PostalAddress", "GeoCoordinates", "GeoShape"), ("Country", "Text")),
    "latitude": (("GeoCoordinates", "Place"), ("Number", "Text")),
    "longitude": (("GeoCoordinates", "Place"), ("Number", "Text")),
    # Organization, Person
    "parentOrganization": (("Organization",), ("Organization",)),
    "areaServed": (
        ("Organization", "ContactPoint"),
        ("AdministrativeArea", "GeoShape", "Place", "Text"),
    ),
    "honorificPrefix": (("Person",), _TEXT),
    "jobTitle": (("Person",), ("Text", "DefinedTerm")),
    "affiliation": (("Person",), ("Organization",)),
    # CreativeWork, Article, Legislation
    "headline": (("CreativeWork",), _TEXT),
    "datePublished": (("CreativeWork",), _DATE),
    "mentions": (("CreativeWork",), ("Thing",)),
    "isBasedOn": (("CreativeWork",), ("CreativeWork", "Product", "URL")),
    "articleSection": (("Article",), _TEXT),
    "legislationIdentifier": (("Legislation",), ("Text", "URL")),
    "legislationDate": (("Legislation",), ("Date",)),
    "legislationType": (("Legislation",), ("Text", "CategoryCode")),
}


def vocabulary() -> tuple[dict, dict]:
    """({class: its direct superclasses}, {property: (domain classes, range classes)})."""
    return CLASSES, PROPERTIES


def ancestors(kind: str) -> set[str]:
    seen, todo = set(), [kind]
    while todo:
        current = todo.pop()
        if current not in seen:
            seen.add(current)
            todo.extend(CLASSES.get(current, ()))
    return seen


def problems(node: dict, path: str = "$") -> list[str]:
    """What in `node` schema.org does not define: unknown types, unknown properties, properties
    not allowed on their type (domainIncludes, superclasses counted), typed values outside the
    property's range."""
    classes, properties = vocabulary()
    kind = node.get("@type")
    if kind not in classes:
        return [f"{path}: unknown type {kind!r}"]
    found = []
    for key, value in node.items():
        if key.startswith("@"):
            continue
        if key not in properties:
            found.append(f"{path}.{key}: unknown property")
            continue
        domains, ranges = properties[key]
        if not ancestors(kind) & set(domains):
            found.append(f"{path}.{key}: not a property of {kind}")
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, dict):
                if not ancestors(item.get("@type", "")) & set(ranges):
                    found.append(f"{path}.{key}: {item.get('@type')} outside {ranges}")
                found.extend(problems(item, f"{path}.{key}"))
    return found
