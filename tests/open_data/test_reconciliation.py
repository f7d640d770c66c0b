"""The reconciliation service, against JSON Schemas of the Reconciliation API 0.2 (written by us
from the specification's text: tests/fixtures/reconciliation/)."""

import json
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import resolve, reverse
from jsonschema import Draft7Validator

from organizations.models import OrganizationAlias, PersonAlias

from ..factories import make_organization

SCHEMAS = Path(__file__).parent.parent / "fixtures/reconciliation"
URL = "/reconcile/"


SCHEMA_NAMES = ["manifest", "reconciliation-query-batch", "reconciliation-result-batch"]


def _schema(name: str) -> dict:
    return json.loads((SCHEMAS / f"{name}.schema.json").read_text())


def _errors(instance, schema_name: str) -> list[str]:
    validator = Draft7Validator(_schema(schema_name))
    return [error.message for error in validator.iter_errors(instance)]


def assert_valid(instance, schema_name: str) -> None:
    errors = _errors(instance, schema_name)
    assert errors == [], errors


@pytest.mark.parametrize("schema_name", SCHEMA_NAMES)
def test_our_schemas_are_valid_draft_7(schema_name):
    Draft7Validator.check_schema(_schema(schema_name))


MANIFEST = {"versions": ["0.2"], "name": "x", "identifierSpace": "http://a/", "schemaSpace": "s"}
CANDIDATE = {"id": "people/x", "name": "X", "score": 50}


@pytest.mark.parametrize(
    ("instance", "schema_name"),
    [
        ({k: v for k, v in MANIFEST.items() if k != "schemaSpace"}, "manifest"),
        ({**MANIFEST, "versions": "0.2"}, "manifest"),
        ({**MANIFEST, "view": {"url": "http://a/no-placeholder/"}}, "manifest"),
        ({**MANIFEST, "defaultTypes": [{"name": "Person"}]}, "manifest"),
        ({"q0": {"type": "person"}}, "reconciliation-query-batch"),
        ({"q0": {"query": 5}}, "reconciliation-query-batch"),
        ({"q0": {"query": "x", "limit": "ten"}}, "reconciliation-query-batch"),
        ({"q0": {"query": "x", "type_strict": "some"}}, "reconciliation-query-batch"),
        ({"q0": {"query": "x", "properties": [{"v": "y"}]}}, "reconciliation-query-batch"),
        (["q0"], "reconciliation-result-batch"),
        ({"q0": {}}, "reconciliation-result-batch"),
        ({"q0": {"result": [{"id": "people/x", "name": "X"}]}}, "reconciliation-result-batch"),
        ({"q0": {"result": [{**CANDIDATE, "score": "high"}]}}, "reconciliation-result-batch"),
        ({"q0": {"result": [{**CANDIDATE, "match": "yes"}]}}, "reconciliation-result-batch"),
        ({"q0": {"result": [{**CANDIDATE, "type": ["person"]}]}}, "reconciliation-result-batch"),
    ],
)
def test_our_schemas_refuse_what_the_specification_does_not_allow(instance, schema_name):
    assert _errors(instance, schema_name)


@pytest.fixture
def archive(graph):
    OrganizationAlias.objects.create(organization=graph["atuc"], name="ASEAN TUC")
    PersonAlias.objects.create(person=graph["gois"], name="Bill Gois")
    return graph


def reconcile(client, queries: dict, *, method="get") -> dict:
    assert_valid(queries, "reconciliation-query-batch")
    response = getattr(client, method)(URL, {"queries": json.dumps(queries)})
    assert response.status_code == 200, response.content
    answer = response.json()
    assert_valid(answer, "reconciliation-result-batch")
    return answer


def first(answer: dict, key: str = "q0") -> dict:
    return answer[key]["result"][0]


def test_url_resolves_both_ways():
    assert reverse("documents:reconcile") == URL
    assert resolve(URL).view_name == "documents:reconcile"


def test_manifest_is_valid_and_its_view_template_leads_to_record_pages(client, archive):
    response = client.get(URL)
    manifest = response.json()
    assert_valid(manifest, "manifest")
    assert {t["id"] for t in manifest["defaultTypes"]} == {"organization", "person", "convention"}
    result = first(reconcile(client, {"q0": {"query": "ATUC"}}))
    page = manifest["view"]["url"].replace("{{id}}", result["id"])
    assert page == "http://testserver" + archive["atuc"].get_absolute_url()
    assert client.get(page).status_code == 200


def test_manifest_and_results_as_jsonp(client, archive):
    body = client.get(URL, {"callback": "jsonp1234"}).content.decode()
    assert body.startswith("/**/jsonp1234(") and body.endswith(");")
    assert_valid(json.loads(body[len("/**/jsonp1234(") : -2]), "manifest")
    queries = json.dumps({"q0": {"query": "MFA"}})
    response = client.get(URL, {"callback": "cb", "queries": queries})
    assert response["Content-Type"] == "application/javascript"
    answer = json.loads(response.content.decode()[len("/**/cb(") : -2])
    assert_valid(answer, "reconciliation-result-batch")


@pytest.mark.parametrize(
    ("query", "type_", "expected"),
    [
        ("ASEAN Trade Union Council", "organization", "organizations/asean-trade-union-council"),
        ("atuc", "organization", "organizations/asean-trade-union-council"),
        ("ASEAN TUC", "organization", "organizations/asean-trade-union-council"),
        ("migrant  forum in ASIA", "organization", "organizations/migrant-forum-in-asia"),
        ("William Gois", "person", "people/william-gois"),
        ("Bill Gois", "person", "people/william-gois"),
        ("C189", "convention", "conventions/ilo-c189"),
        ("c 189", "convention", "conventions/ilo-c189"),
        ("ILO-C189", "convention", "conventions/ilo-c189"),
        ("Domestic Workers Convention", "convention", "conventions/ilo-c189"),
        ("William Gois", None, "people/william-gois"),
    ],
)
def test_exact_names_acronyms_and_aliases_are_certain_matches(
    client, archive, query, type_, expected
):
    body = {"query": query, **({"type": type_} if type_ else {})}
    result = first(reconcile(client, {"q0": body}))
    assert (result["id"], result["score"], result["match"]) == (expected, 100, True)


def test_near_names_are_candidates_but_not_matches(client, archive):
    answer = reconcile(client, {"q0": {"query": "Migrant Forum", "type": "organization"}})
    result = first(answer)
    assert result["name"] == "Migrant Forum in Asia"
    assert 0 < result["score"] < 100
    assert result["match"] is False
    assert result["type"] == [{"id": "organization", "name": "Organization"}]
    assert first(reconcile(client, {"q0": {"query": "gois", "type": "person"}}))["match"] is False


def test_a_shared_acronym_is_never_a_certain_match(client, archive):
    make_organization(name="Migrant Forum of Africa", acronym="MFA", slug="mfa-africa")
    results = reconcile(client, {"q0": {"query": "MFA"}})["q0"]["result"]
    assert [r["score"] for r in results] == [100, 100]
    assert not any(r["match"] for r in results)


def test_type_limit_and_post(client, archive):
    answer = reconcile(
        client,
        {
            "q0": {"query": "William Gois", "type": "organization"},
            "q1": {"query": "Convention", "type": ["convention"], "limit": 1},
            "q2": {"query": ""},
        },
        method="post",
    )
    assert answer["q0"]["result"] == []
    assert len(answer["q1"]["result"]) == 1
    assert answer["q2"]["result"] == []


def test_unpublished_records_are_never_candidates(client, archive):
    atuc = archive["atuc"]
    atuc.is_published = False
    atuc.save()
    assert reconcile(client, {"q0": {"query": "ATUC"}})["q0"]["result"] == []


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"queries": "{not json"}, "not valid JSON"),
        ({"queries": "[1, 2]"}, "must be a JSON object"),
        ({"queries": '{"q0": "ATUC"}'}, "must be an object"),
        ({"queries": '{"q0": {"query": 5}}'}, "'query' must be a string"),
        ({"queries": '{"q0": {"query": "x", "type": "ship"}}'}, "unknown type 'ship'"),
        ({"queries": '{"q0": {"query": "x", "type": [1]}}'}, "'type' must be"),
        ({"queries": '{"q0": {"query": "x", "limit": "ten"}}'}, "'limit' must be a number"),
        ({"queries": '{"q0": {"query": "x", "limit": true}}'}, "'limit' must be a number"),
        ({"queries": '{"q0": {"query": "x", "limit": 0}}'}, "'limit' must be 1 or more"),
        ({"queries": json.dumps({f"q{n}": {"query": "x"} for n in range(201)})}, "at most 200"),
        ({"callback": "alert(1)//"}, "callback must be a JavaScript name"),
    ],
)
def test_garbage_gets_400_with_a_clear_message(client, archive, params, message):
    response = client.get(URL, params)
    assert response.status_code == 400
    assert message in response.json()["error"]


def test_post_without_queries_and_other_methods_are_refused(client, db):
    assert client.post(URL).status_code == 400
    assert client.put(URL).status_code == 405


def _queries_for(client, queries: dict) -> int:
    with CaptureQueriesContext(connection) as captured:
        reconcile(client, queries)
    return len(captured)


def test_exact_hits_cost_the_same_queries_whatever_the_batch_size(client, archive):
    names = ["ATUC", "MFA", "ASEAN TUC", "William Gois", "C189", "Bill Gois"]
    few = _queries_for(client, {"q0": {"query": "ATUC"}, "q1": {"query": "William Gois"}})
    many = _queries_for(client, {f"q{n}": {"query": name} for n, name in enumerate(names * 5)})
    assert many == few <= 5


def test_near_searches_cost_a_bounded_number_of_queries_each(client, archive):
    names = [f"Unknown Union {n}" for n in range(10)]
    queries = _queries_for(client, {f"q{n}": {"query": name} for n, name in enumerate(names)})
    assert queries <= 5 + 10 * 3 * 2  # the exact lookups, then two a type for each query


@pytest.mark.parametrize(
    "query",
    [
        {"query": "%%% ---"},
        {"query": "Ṣérïkat Buruh " * 40},
        {"query": "ATUC", "limit": 1e308},
        {"query": "ATUC", "limit": "3"},
        {"query": "ATUC", "type": "Organization", "properties": [{"pid": "x", "v": "y"}]},
        {"query": "'; DROP TABLE organizations_organization; --"},
    ],
)
def test_odd_but_lawful_queries_are_answered(client, archive, query):
    response = client.get(URL, {"queries": json.dumps({"q0": query})})
    assert response.status_code == 200
    assert_valid(response.json(), "reconciliation-result-batch")


def test_not_a_number_limit_is_refused(client, archive):
    response = client.get(URL, {"queries": '{"q0": {"query": "x", "limit": NaN}}'})
    assert response.status_code == 400
