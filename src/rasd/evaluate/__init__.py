"""Evaluation against gold annotations (the metrics of ../shared/tools/score.py, reimplemented)."""
