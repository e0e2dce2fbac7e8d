#!/usr/bin/env bash
# The project's whole check, run by `.ci/run` and by the README's test command, from a clean clone:
# set up .venv, install the system browser the dashboard tests drive, lint, type-check, test, then the
# optional Spark extra in its own step.
set -euo pipefail
cd "$(dirname "$0")/.."

python3 -m venv .venv
.venv/bin/pip install -q -U pip
.venv/bin/pip install -q -e '.[test,serve]'

# Browser tests drive Debian's Chromium (no browser download at run time). Install it when missing and we may.
if ! command -v chromium >/dev/null 2>&1 && [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
        || echo "check: could not install chromium; browser tests will skip" >&2
fi

.venv/bin/ruff check src tests scripts bench
.venv/bin/mypy src
# tests/spark runs once, in the Spark step below: ignored here, so a venv that already has pyspark
# does not run it twice (without pyspark its modules would only skip).
.venv/bin/python -m pytest --ignore=tests/spark

# Spark step: the optional extra (pyspark; Java 17 must be installed), then the Spark tests in local[2].
.venv/bin/pip install -q -e '.[spark]'
.venv/bin/python -m pytest tests/spark -q
