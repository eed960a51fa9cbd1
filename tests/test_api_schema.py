"""Schemathesis over /openapi.json: generated requests, valid and not, to
every operation of the app (real Redis and storage behind it). No answer may
be a 5xx, and every answer must match the schema the document declares.

Driven through hypothesis directly rather than schemathesis' pytest plugin,
which does not run under this pytest version."""

from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis.generation.modes import GenerationMode
from schemathesis.specs.openapi.checks import response_schema_conformance

from scrapejet.api import create_app

EXAMPLES = {GenerationMode.POSITIVE: 12, GenerationMode.NEGATIVE: 8}


def no_server_error(spec):
    """No 5xx from any endpoint, whatever the request."""

    def check(ctx, response, case):
        if response.status_code < 500:
            return None
        raise AssertionError(f"{response.status_code} from {case.method} {case.formatted_path}: {response.text[:500]}")

    return check


def test_no_server_errors_and_responses_match_the_document(env):
    # Private targets refused (the default): generated URLs never become jobs
    # that point anywhere, and SSRF refusals are exercised too.
    app = create_app({"TESTING": True, "SCRAPEJET_SETTINGS": env.settings()})
    try:
        schema = schemathesis.openapi.from_wsgi("/openapi.json", app)
        checks = [no_server_error(app.test_client().get("/openapi.json").get_json()), response_schema_conformance]
        operations = [result.ok() for result in schema.get_all_operations()]
        assert len(operations) >= 20
        for operation in operations:
            for mode, examples in EXAMPLES.items():

                @given(case=operation.as_strategy(generation_mode=mode))
                @settings(max_examples=examples, deadline=None, database=None,
                          suppress_health_check=list(HealthCheck))
                def run(case):
                    case.call_and_validate(checks=checks)

                try:
                    run()
                except Unsatisfiable:
                    # an operation whose only input is a path segment has no
                    # invalid value a URL can carry: nothing negative to send
                    assert mode is GenerationMode.NEGATIVE, operation.label
                except Exception as exc:
                    raise AssertionError(f"{operation.label} ({mode.value}): {exc}") from exc
    finally:
        app.extensions["scrapejet"].close()
