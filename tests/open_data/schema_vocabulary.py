"""schema.org's vocabulary, read from the definition file schema.org publishes (release 30.0,
tests/fixtures/schemaorg/), to check the JSON-LD the pages emit."""

import gzip
import json
from functools import cache
from pathlib import Path

VOCABULARY = Path(__file__).parent.parent / "fixtures/schemaorg/schemaorg-current-https.jsonld.gz"


def _ids(value) -> list[str]:
    values = value if isinstance(value, list) else [value]
    return [v["@id"].removeprefix("schema:") for v in values if v]


@cache
def vocabulary() -> tuple[dict, dict]:
    """({class: its direct superclasses}, {property: (domain classes, range classes)})."""
    with gzip.open(VOCABULARY, "rt", encoding="utf-8") as file:
        graph = json.load(file)["@graph"]
    classes, properties = {}, {}
    for term in graph:
        name = term["@id"].removeprefix("schema:")
        kinds = term["@type"] if isinstance(term["@type"], list) else [term["@type"]]
        if "rdfs:Class" in kinds:
            classes[name] = _ids(term.get("rdfs:subClassOf", []))
        if "rdf:Property" in kinds:
            domains = _ids(term.get("schema:domainIncludes", []))
            ranges = _ids(term.get("schema:rangeIncludes", []))
            properties[name] = (domains, ranges)
    return classes, properties


def ancestors(kind: str) -> set[str]:
    classes, _ = vocabulary()
    seen, todo = set(), [kind]
    while todo:
        current = todo.pop()
        if current not in seen:
            seen.add(current)
            todo.extend(classes.get(current, []))
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
