"""One local[2] SparkSession for the Spark tests (starting the JVM takes seconds), kept small: no UI,
few shuffle partitions. Modules that need pyspark skip without it (``pytest.importorskip``)."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from typing import Any

import pytest

TEST_CONF = {"spark.ui.enabled": "false", "spark.sql.shuffle.partitions": "4", "spark.default.parallelism": "2"}


class Spark:
    """The session, and a restart: Spark reuses its Python workers, which keep the rasd modules they
    imported, so a test that must code with the files as they are now starts a fresh session."""

    def __init__(self) -> None:
        self.session: Any = None
        self.start()

    def start(self) -> None:
        from rasd.spark import spark_session

        if self.session is not None:
            self.session.stop()
        os.environ["PYSPARK_PYTHON"] = sys.executable  # the workers run this venv's interpreter
        self.session = spark_session("local[2]", app_name="rasd-tests", conf=TEST_CONF)
        self.session.sparkContext.setLogLevel("ERROR")


@pytest.fixture(scope="session")
def spark_holder() -> Iterator[Spark]:
    pytest.importorskip("pyspark")
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        pytest.skip("no Java runtime for Spark")
    holder = Spark()
    yield holder
    holder.session.stop()


@pytest.fixture()
def spark(spark_holder: Spark) -> Any:
    return spark_holder.session
