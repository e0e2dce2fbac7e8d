"""A bounded property-based run over the OpenAPI schema (schemathesis): whatever the parameters, the API
answers with a 2xx, or a 4xx in the one error shape, never a 5xx, and the store file is not written.

Operations are driven through schemathesis' Python API with hypothesis (its pytest plugin's lazy
fixtures do not run under pytest 9), one test per operation."""

from __future__ import annotations

from pathlib import Path

import pytest

schemathesis = pytest.importorskip("schemathesis")

from hypothesis import HealthCheck, given, settings  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402
from serve_support import RELAXED, file_sha1  # noqa: E402

from rasd.serve import create_app  # noqa: E402
from rasd.serve.routes import build_router  # noqa: E402
from rasd.settings import DEFAULT_SETTINGS  # noqa: E402

PATHS = sorted(route.path for route in build_router(DEFAULT_SETTINGS).routes)  # type: ignore[attr-defined]
EXAMPLES_PER_OPERATION = 40


@pytest.fixture(scope="module")
def db_before(serve_db: Path) -> str:
    return file_sha1(serve_db)


@pytest.fixture(scope="module")
def api_schema(serve_db: Path, db_before: str):
    return schemathesis.openapi.from_asgi("/api/openapi.json", create_app(serve_db, RELAXED))


def test_schema_lists_every_operation(api_schema):
    listed = {op.ok().path for op in api_schema.get_all_operations()}
    assert listed == {p.replace("{doc_id:path}", "{doc_id}") for p in PATHS}


@pytest.mark.parametrize("path", PATHS)
def test_schema_no_server_errors(api_schema, path: str):
    operation = api_schema[path.replace("{doc_id:path}", "{doc_id}")]["GET"]
    seen: set[int] = set()

    @given(case=operation.as_strategy())
    @settings(max_examples=EXAMPLES_PER_OPERATION, deadline=None, suppress_health_check=list(HealthCheck))
    def run(case) -> None:
        response = case.call()
        case.validate_response(response, checks=[not_a_server_error])
        seen.add(response.status_code)
        if response.status_code >= 400:
            error = response.json()["error"]
            assert error["status"] == response.status_code and error["code"] and error["message"]

    run()
    assert seen, "no request was made"


def test_schema_run_left_the_store_unchanged(serve_db: Path, db_before: str, api_schema):
    assert file_sha1(serve_db) == db_before
