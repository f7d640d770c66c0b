"""Popolo: the archive's organizations, people, memberships and events in the open standard
for people-and-organization data, checked against the shapes in tests/fixtures/popolo."""

import datetime as dt
import json
from pathlib import Path

import jsonschema
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from organizations.models import Affiliation
from organizations.services import organization_merge

from ..factories import make_bulk_archive, make_organization, make_person

SCHEMA = json.loads(
    (Path(__file__).parent.parent / "fixtures" / "popolo" / "popolo.schema.json").read_text()
)


def validator_for(definition: str | None = None):
    schema = SCHEMA if definition is None else {**SCHEMA, "$ref": f"#/$defs/{definition}"}
    if definition is not None:
        schema = {k: v for k, v in schema.items() if k not in ("required", "properties", "type")}
        schema["additionalProperties"] = True
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def dump(client) -> dict:
    response = client.get("/api/popolo.json")
    assert response.status_code == 200
    return json.loads(b"".join(response.streaming_content))


@pytest.fixture
def archive(graph):
    Affiliation.objects.create(
        person=graph["gois"],
        organization=graph["mfa"],
        title="Regional Coordinator",
        start_date=dt.date(2007, 1, 1),
        end_date=dt.date(2007, 12, 31),
        date_precision="year",
        source_document=graph["document"],
    )
    twin = make_organization(name="Migrant Forum of Asia", slug="migrant-forum-of-asia")
    organization_merge(source=twin, target=graph["mfa"])
    return graph


def test_the_dump_is_valid_popolo(client, archive):
    data = dump(client)
    validator_for().validate(data)
    memberships = data["memberships"]
    assert memberships == [
        {
            "id": memberships[0]["id"],
            "person_id": "william-gois",
            "organization_id": "migrant-forum-in-asia",
            "role": "Regional Coordinator",
            "start_date": "2007",
            "end_date": "2007",
            "sources": [
                {
                    "url": "http://testserver/documents/sub-regional-consultation-2007/",
                    "note": "source document",
                }
            ],
        }
    ]
    event = data["events"][0]
    assert event["location"] == "Singapore"
    assert event["organization_id"] in {"asean-trade-union-council", "migrant-forum-in-asia"}


def test_merged_records_keep_their_old_identifiers(client, archive):
    mfa = next(o for o in dump(client)["organizations"] if o["id"] == "migrant-forum-in-asia")
    assert {"scheme": "archive-merged", "identifier": "migrant-forum-of-asia"} in mfa["identifiers"]
    assert {"name": "MFA", "note": "acronym"} in mfa["other_names"]
    assert "Migrant Forum of Asia" in {name["name"] for name in mfa["other_names"]}


def test_one_record_with_its_memberships(client, archive):
    organization = client.get("/api/popolo/organizations/migrant-forum-in-asia").json()
    validator_for("organization").validate(organization)
    assert [m["person_id"] for m in organization["memberships"]] == ["william-gois"]
    assert "migrant-forum-of-asia" in {i["identifier"] for i in organization["identifiers"]}
    person = client.get("/api/popolo/people/william-gois").json()
    validator_for("person").validate(person)
    assert [m["organization_id"] for m in person["memberships"]] == ["migrant-forum-in-asia"]


def test_unpublished_records_stay_out(client, archive):
    hidden = make_person(name="Hidden Person", slug="hidden-person", is_published=False)
    Affiliation.objects.create(person=hidden, organization=archive["mfa"], title="Staff")
    data = dump(client)
    assert "hidden-person" not in {p["id"] for p in data["persons"]}
    assert {m["person_id"] for m in data["memberships"]} == {"william-gois"}
    assert client.get("/api/popolo/people/hidden-person").status_code == 404


def test_the_dump_makes_the_same_queries_at_twice_the_size(client, db):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            dump(client)
        return len(captured)

    hub = make_bulk_archive(5)
    small = queries()
    make_bulk_archive(10, hub=hub)
    assert queries() == small
