"""Writing OAI-PMH responses and Dublin Core records as XML (the standard library's
ElementTree escapes every text and attribute)."""

import datetime as dt
import re
import xml.etree.ElementTree as ET

OAI = "http://www.openarchives.org/OAI/2.0/"
OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/"
DC = "http://purl.org/dc/elements/1.1/"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
OAI_SCHEMA = "http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd"
OAI_DC_SCHEMA = "http://www.openarchives.org/OAI/2.0/oai_dc.xsd"

# Characters XML 1.0 cannot carry at all, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

for _prefix, _uri in (("", OAI), ("oai_dc", OAI_DC), ("dc", DC), ("xsi", XSI)):
    ET.register_namespace(_prefix, _uri)


def datestamp(moment: dt.datetime) -> str:
    """`2007-11-01T09:30:00Z`: UTC to the second, the granularity Identify declares."""
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def oai(tag: str) -> str:
    return f"{{{OAI}}}{tag}"


def add(parent: ET.Element, tag: str, text: str | None = None, **attributes) -> ET.Element:
    """A child element in the OAI namespace (or a `{namespace}tag` given whole)."""
    attributes = {name: _NOT_XML.sub("", value) for name, value in attributes.items()}
    child = ET.SubElement(parent, tag if tag.startswith("{") else oai(tag), attributes)
    if text is not None:
        child.text = _NOT_XML.sub("", text)
    return child


def envelope(*, now: dt.datetime, base_url: str, request_attributes: dict) -> ET.Element:
    """<OAI-PMH> with its responseDate and request; the verb's element goes in after."""
    root = ET.Element(oai("OAI-PMH"), {f"{{{XSI}}}schemaLocation": f"{OAI} {OAI_SCHEMA}"})
    add(root, "responseDate", datestamp(now))
    add(root, "request", base_url, **request_attributes)
    return root


def serialize(root: ET.Element) -> bytes:
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def add_header(parent: ET.Element, *, identifier: str, document, set_specs: list[str]) -> None:
    header = add(parent, "header")
    add(header, "identifier", identifier)
    add(header, "datestamp", datestamp(document.updated_at))
    for spec in set_specs:
        add(header, "setSpec", spec)


def add_dublin_core(parent: ET.Element, fields: list[tuple[str, str]]) -> None:
    """<metadata><oai_dc:dc> with one dc element per (name, value), in the order given."""
    metadata = add(parent, "metadata")
    dc = ET.SubElement(
        metadata, f"{{{OAI_DC}}}dc", {f"{{{XSI}}}schemaLocation": f"{OAI_DC} {OAI_DC_SCHEMA}"}
    )
    for name, value in fields:
        ET.SubElement(dc, f"{{{DC}}}{name}").text = _NOT_XML.sub("", value)
