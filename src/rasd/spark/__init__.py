"""The Spark runner (``rasd spark``, docs/spark.md): the local coder on a cluster, the store's tables as
Parquet partitioned by year/month, near-duplicates and stories across the whole corpus.

Importing this package does not import pyspark; ``run_spark`` and ``spark_session`` need the
``spark`` extra (``pip install 'rasd[spark]'``).
"""

from rasd.spark.job import OUTPUT_TABLES, SparkJobError, SparkSummary, run_spark, spark_session

__all__ = ["OUTPUT_TABLES", "SparkJobError", "SparkSummary", "run_spark", "spark_session"]
