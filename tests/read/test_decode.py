import codecs
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rasd.errors import DecodeError
from rasd.read import FieldMap, decode, read_bytes, repair_mojibake

TEXT = "وزير الخارجية يلتقي نظيره الصيني في بكين، ويبحثان العلاقات الثنائية."


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("utf-16"), "utf-16"),
        (TEXT.encode("utf-16-le"), "utf-16-le"),
        (TEXT.encode("utf-16-be"), "utf-16-be"),
        (TEXT.encode("cp1256"), "cp1256"),
        (TEXT.encode("iso8859-6"), "iso8859-6"),
    ],
)
def test_decode_encodings_give_the_same_text(data, encoding):
    decoded = decode(data, "f.txt")
    assert (decoded.text, decoded.encoding, decoded.flags) == (TEXT, encoding, ())


@pytest.mark.parametrize(
    "garbled",
    [
        TEXT.encode("utf-8").decode("cp1256"),  # «ظˆط²ظٹط±»: UTF-8 read as CP-1256
        TEXT.encode("utf-8").decode("latin-1"),  # «Ù\x88Ø²Ù\x8aØ±»: read as Latin-1
        "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in TEXT.encode("utf-8")),
        # «Ø§Ù„»: read as Windows-1252, its undefined bytes kept as Latin-1 does
    ],
)
def test_decode_mojibake_is_repaired_and_flagged(garbled):
    decoded = decode(garbled.encode("utf-8"), "f.txt")
    assert (decoded.text, decoded.flags) == (TEXT, ("encoding-repaired",))


def test_decode_mojibake_inside_clean_text_is_repaired_word_by_word():
    garbled = "عنوان سليم: " + "الخارجية اليوم".encode().decode("latin-1")
    assert repair_mojibake(garbled) == "عنوان سليم: الخارجية اليوم"


@pytest.mark.parametrize("clean", [TEXT, "Café crème, naïve façade", "plain ASCII", "٢٠٢٤ «اقتباس» — نص"])
def test_decode_clean_text_is_not_repaired(clean):
    assert repair_mojibake(clean) is None


def test_decode_mojibake_document_is_flagged_through_the_readers():
    garbled = TEXT.encode("utf-8").decode("cp1256")
    (doc,) = read_bytes(garbled.encode("utf-8"), "old.txt", "old.txt", FieldMap())
    assert (doc.text, doc.flags) == (TEXT, ("encoding-repaired",))
    line = json.dumps({"id": "j", "text": garbled})  # ASCII-only: the mojibake hides in \u escapes
    (jdoc,) = read_bytes(line.encode(), "a.jsonl", "a.jsonl", FieldMap())
    assert (jdoc.text, jdoc.flags) == (TEXT, ("encoding-repaired",))


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\x00\x01\x02\x03binary", "binary data (NUL bytes), not a text document"),
        ("Grüße aus München".encode("latin-1"), "not UTF-8, and as CP-1256 or ISO-8859-6 it is not Arabic text"),
        (codecs.BOM_UTF16_LE + b"\x00\xd8", "starts with a utf-16 byte-order mark but does not decode"),
    ],
)
def test_decode_undecodable_is_reported_with_the_reason(data, reason):
    with pytest.raises(DecodeError) as err:
        decode(data, "bad.txt")
    assert err.value.code == "R102" and err.value.item == "bad.txt"
    assert err.value.message.startswith(reason)


@pytest.mark.parametrize("words", [0, 8, 9, 10, 11, 30])
def test_decode_mojibake_screen_counts_runs_only_up_to_the_bound(words):
    """The screen stops counting runs one past ten per lead/continuation pair; its answer is the full
    count's («ط»» is one pair and one run, every clean word one more run)."""
    import importlib

    module = importlib.import_module("rasd.read.decode")
    text = "ط»" + " كلمة" * words
    _table, runs = module._mojibake_table("cp1256")
    pairs = len(module._pairs("cp1256").findall(text))
    assert module._may_be_mojibake(text, "cp1256") is (pairs * 10 >= len(runs.findall(text)))
    assert module._may_be_mojibake(text, "cp1256") is (words <= 9)


@pytest.mark.parametrize("codec", ["cp1252", "cp1256"])
@given(st.text(alphabet="ØÙÚÛطظعغ§©«»“”…–اب ", max_size=30))
def test_decode_probe_finds_exactly_the_lead_follower_pairs(codec: str, text: str) -> None:
    """The probe looks for the follower first; it finds a text exactly when a plain scan finds a UTF-8
    lead (D8–DB) read in ``codec`` right before a non-Arabic continuation (80–BF)."""
    import importlib

    module = importlib.import_module("rasd.read.decode")
    table, _runs = module._mojibake_table(codec)
    byte_of = {chr(c): b for c, b in table.items()}

    def follower(c: str) -> bool:
        return 0x80 <= byte_of.get(c, 0) <= 0xBF and not "\u0600" <= c <= "\u06ff" and c not in "\u00a0\u200c\u200d"

    plain = any(0xD8 <= byte_of.get(a, 0) <= 0xDB and follower(b) for a, b in zip(text, text[1:], strict=False))
    assert (module._probe(codec).search(text) is not None) is plain
