"""``spark-submit …/rasd/spark/__main__.py INPUT… --output DIR``: the ``rasd spark`` command as a script that
spark-submit can ship (or ``python -m rasd.spark``); the master and resources come from spark-submit."""

import sys

from rasd.cli.main import app

if __name__ == "__main__":
    app(["spark", *sys.argv[1:]], prog_name="rasd spark")
