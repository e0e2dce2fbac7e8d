"""``rasd serve``: a read-only HTTP API and a dashboard over a store (docs/serve.md)."""

from rasd.serve.app import create_app

__all__ = ["create_app"]
