"""Stage 1: sources to Documents (formats and encodings; docs/inputs.md)."""

from rasd.read.common import text_id
from rasd.read.decode import Decoded, decode, decode_bytes, repair_mojibake
from rasd.read.sources import FieldMap, read_bytes, read_inputs, read_path

__all__ = [
    "Decoded",
    "FieldMap",
    "decode",
    "decode_bytes",
    "read_bytes",
    "read_inputs",
    "read_path",
    "repair_mojibake",
    "text_id",
]
