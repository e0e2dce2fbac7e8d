"""Stage 3c: where. The gazetteer and place mentions."""
