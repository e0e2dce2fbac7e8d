"""Near-duplicates: MinHash LSH proposes, exact Jaccard of word shingles decides; duplicates point at
the original and are compared with stored originals only."""

from __future__ import annotations

import hashlib
import re
import zlib

import duckdb
import numpy as np
import pytest
from arabic_news import EGY_CHN, SAU_RUS_OKAZ, SAU_RUS_SPA
from datasketch import MinHash
from hypothesis import given
from hypothesis import strategies as st

from rasd.settings import DEFAULT_SETTINGS
from rasd.store.db import schema_sql
from rasd.store.duplicates import (
    _FOLD,
    _HASH_CHUNK,
    Verdict,
    band_keys,
    check_batch,
    jaccard,
    lsh_shape,
    shingles,
    sign,
)


def _signed(*docs: tuple[str, str]) -> list[tuple[str, str, list[int] | None]]:
    """(doc_id, text, band keys) as ingest hands them over, the keys worked out where it was coded."""
    return [(doc_id, text, sign(text, DEFAULT_SETTINGS)) for doc_id, text in docs]


@pytest.fixture
def con():
    c = duckdb.connect()
    c.execute(schema_sql())
    yield c
    c.close()


def test_duplicates_shingles_are_word_ngrams():
    assert shingles("س ب ج د", 3) == {"س ب ج".encode(), "ب ج د".encode()}
    assert shingles("س ب", 3) == {"س ب".encode()}
    assert shingles("أحمد إلى مدرسة", 3) == shingles("احمد الى مدرسه", 3)  # folded as for matching
    assert shingles("  ", 3) == frozenset()


@given(st.lists(st.sampled_from(["س", "ب", "جد", "هـ", "a", "Z", "،", "12"]), max_size=12), st.integers(1, 5))
def test_duplicates_shingles_are_the_plain_ngrams(words: list[str], n: int) -> None:
    tokens = re.findall(r"\w+", _FOLD(" ".join(words)).lower())
    plain = {" ".join(tokens[i : i + n]).encode("utf-8") for i in range(len(tokens) - n + 1)}
    assert shingles(" ".join(words), n) == (plain or ({" ".join(tokens).encode("utf-8")} if tokens else set()))


@given(st.text(alphabet="أإآٱىئؤةـ\u0670\u064b\u0651ابتكلمنهوي AZaz ", max_size=60))
def test_duplicates_fold_is_the_plain_translation(text: str) -> None:
    table = {ord(c): "ا" for c in "أإآٱ"} | {ord("ى"): "ي", ord("ئ"): "ي", ord("ؤ"): "و", ord("ة"): "ه"}
    table |= dict.fromkeys(map(ord, ["ـ", "\u0670", *map(chr, range(0x064B, 0x0653))]))
    assert shingles(text, 2) == shingles(text.translate(table), 2)
    assert _FOLD(text) == text.translate(table)


def test_duplicates_band_keys_do_not_depend_on_the_order_of_the_shingles():
    """A signature is a minimum per permutation: hashing the shingles sorted, in one batch (as the
    first stores did) gives the same keys, so stores made before stay comparable."""
    sh = shingles(" ".join([SAU_RUS_SPA, SAU_RUS_OKAZ, EGY_CHN, *map(str, range(1200))]), 3)
    assert len(sh) > 2 * _HASH_CHUNK
    m = MinHash(num_perm=DEFAULT_SETTINGS.minhash_perms, seed=1, hashfunc=zlib.crc32)
    m.update_batch(sorted(sh))
    bands, rows = lsh_shape(DEFAULT_SETTINGS.duplicate_lsh_threshold, DEFAULT_SETTINGS.minhash_perms)
    values = np.asarray(m.hashvalues, dtype=np.uint64)
    expected = [
        int.from_bytes(
            hashlib.blake2b(
                values[b * rows : (b + 1) * rows].tobytes() + b.to_bytes(2, "little"), digest_size=8
            ).digest(),
            "little",
            signed=True,
        )
        for b in range(bands)
    ]
    assert band_keys(sh, DEFAULT_SETTINGS) == expected


def test_duplicates_band_keys_are_stable_and_sized_by_the_lsh():
    sh = shingles(SAU_RUS_SPA, 3)
    bands, _rows = lsh_shape(DEFAULT_SETTINGS.duplicate_lsh_threshold, DEFAULT_SETTINGS.minhash_perms)
    assert band_keys(sh, DEFAULT_SETTINGS) == band_keys(frozenset(sh), DEFAULT_SETTINGS)
    assert len(band_keys(sh, DEFAULT_SETTINGS)) == bands


@pytest.mark.parametrize(
    ("second", "duplicate"),
    [
        (SAU_RUS_SPA + " انتهى", True),  # a reprint with a trailer
        (SAU_RUS_SPA.replace("(واس)", "(الرياض)"), True),  # another agency tag
        (SAU_RUS_OKAZ, False),  # the same meeting, written differently
        (EGY_CHN, False),
    ],
)
def test_duplicates_reprint_points_at_the_original(con, second, duplicate):
    verdicts = check_batch(con, _signed(("first", SAU_RUS_SPA), ("second", second)), set(), DEFAULT_SETTINGS)
    assert verdicts["first"].duplicate_of is None and verdicts["first"].minhash_bands
    assert verdicts["second"].duplicate_of == ("first" if duplicate else None)
    assert (verdicts["second"].minhash_bands is None) == duplicate
    if duplicate:
        assert jaccard(shingles(SAU_RUS_SPA, 3), shingles(second, 3)) >= DEFAULT_SETTINGS.duplicate_threshold


def test_duplicates_a_document_being_replaced_is_no_candidate(con):
    keys = band_keys(shingles(SAU_RUS_SPA, 3), DEFAULT_SETTINGS)
    con.execute(
        "INSERT INTO documents (doc_id, text_sha1, language, flags, text, run_id, minhash_bands) "
        "VALUES ('old', 'x', 'ar', [], ?, 'r', ?)",
        [SAU_RUS_SPA, keys],
    )
    assert check_batch(con, _signed(("new", SAU_RUS_SPA)), set(), DEFAULT_SETTINGS)["new"].duplicate_of == "old"
    assert check_batch(con, _signed(("new", SAU_RUS_SPA)), {"old"}, DEFAULT_SETTINGS)["new"].duplicate_of is None
    assert check_batch(con, _signed(("old", SAU_RUS_SPA)), set(), DEFAULT_SETTINGS)["old"].duplicate_of is None


def test_duplicates_an_id_given_twice_is_judged_by_its_last_text(con):
    batch = _signed(("a", SAU_RUS_SPA), ("b", SAU_RUS_SPA + " انتهى"), ("b", "،،"))
    assert sign("،،", DEFAULT_SETTINGS) is None
    assert check_batch(con, batch, set(), DEFAULT_SETTINGS)["b"] == Verdict(None, None)
