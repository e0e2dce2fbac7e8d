"""Spark schemas of the output tables, derived from the Arrow schema ``rasd export --format parquet`` writes
(``export.tables.parquet_schema``), so the Parquet files of both have the same columns and types."""

from __future__ import annotations

from typing import Any

import pyarrow as pa

from rasd.export.tables import parquet_schema

PARTITION_COLUMNS = ("year", "month")


def spark_type(t: pa.DataType) -> Any:
    """The Spark SQL type Spark writes to Parquet as this Arrow type (TIMESTAMP without a zone is
    ``TimestampNTZType``: Parquet's timestamp[us] not adjusted to UTC, as DuckDB's TIMESTAMP)."""
    from pyspark.sql import types as T

    if pa.types.is_list(t) or pa.types.is_large_list(t):
        return T.ArrayType(spark_type(t.value_type), containsNull=True)
    simple = {
        pa.string(): T.StringType(),
        pa.int32(): T.IntegerType(),
        pa.int64(): T.LongType(),
        pa.float64(): T.DoubleType(),
        pa.bool_(): T.BooleanType(),
        pa.date32(): T.DateType(),
        pa.timestamp("us"): T.TimestampNTZType(),
    }
    if t not in simple:
        raise TypeError(f"no Spark type for the Arrow type {t} of a store column")
    return simple[t]


def table_schema(table: str, partitioned: bool = True) -> Any:
    """The Spark schema of a store table (every column nullable, as in the exported files), with the
    year/month partition columns appended when ``partitioned``."""
    from pyspark.sql import types as T

    fields = [T.StructField(f.name, spark_type(f.type), True) for f in parquet_schema(table)]
    if partitioned:
        fields += [T.StructField(name, T.IntegerType(), True) for name in PARTITION_COLUMNS]
    return T.StructType(fields)
