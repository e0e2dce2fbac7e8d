"""Stage 1: sources to Documents."""

from rasd.read.decode import decode_bytes
from rasd.read.sources import FieldMap, read_inputs, read_path, text_id

__all__ = ["FieldMap", "decode_bytes", "read_inputs", "read_path", "text_id"]
