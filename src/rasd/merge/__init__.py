"""Stage 5: one fact once per document."""
