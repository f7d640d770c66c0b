"""The API fuzzed against its own OpenAPI description with schemathesis, in-process through the
WSGI app: no call answers 5xx, and every answer (status, content type, body) is what the
description says. Bounded (a few examples an operation) so the suite stays quick."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from advocacy_site.wsgi import application

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
EXAMPLES = 12


@pytest.fixture
def test_transaction_kept():
    """The bare WSGI app closes the connection after each request, which would end the test's
    transaction on PostgreSQL; Django's own test client unhooks the same signal handler."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def api_schema(graph, settings, test_transaction_kept):
    settings.SECURE_SSL_REDIRECT = False
    settings.ALLOWED_HOSTS = ["*"]
    return schemathesis.openapi.from_wsgi("/api/schema", application)


def test_every_operation_answers_as_its_schema_says(api_schema):
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 15
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def answers_as_described(case):
            case.call_and_validate(checks=CHECKS)

        answers_as_described()
