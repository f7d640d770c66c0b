"""Validation of OAI-PMH answers against the OAI-PMH 2.0 and oai_dc schemas shipped in
documents/oai/schemas/ (nothing is downloaded)."""

from functools import cache
from pathlib import Path

from lxml import etree

import documents.oai

SCHEMAS = Path(documents.oai.__file__).parent / "schemas"
OAI = "http://www.openarchives.org/OAI/2.0/"
NS = {"oai": OAI, "dc": "http://purl.org/dc/elements/1.1/"}


@cache
def response_schema() -> etree.XMLSchema:
    """OAI-PMH.xsd with oai_dc.xsd beside it, so <metadata> is checked too (its `any` is
    strict)."""
    wrapper = f"""<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
        targetNamespace="urn:wrapper" elementFormDefault="qualified">
      <xs:import namespace="{OAI}" schemaLocation="{(SCHEMAS / "OAI-PMH.xsd").as_uri()}"/>
      <xs:import namespace="http://www.openarchives.org/OAI/2.0/oai_dc/"
                 schemaLocation="{(SCHEMAS / "oai_dc.xsd").as_uri()}"/>
    </xs:schema>"""
    return etree.XMLSchema(etree.fromstring(wrapper.encode(), base_url=SCHEMAS.as_uri() + "/"))


def parse_valid(content: bytes) -> etree._Element:
    """The answer's root, after asserting that it is valid OAI-PMH 2.0."""
    root = etree.fromstring(content)
    schema = response_schema()
    assert schema.validate(root), schema.error_log
    return root
