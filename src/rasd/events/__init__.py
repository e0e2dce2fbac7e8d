"""Stage 4: triggers → typed events with source/target, partnerships, coherence flags."""
