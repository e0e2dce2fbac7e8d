import bisect

from hypothesis import given
from hypothesis import strategies as st

from rasd.normalise.text import fold, fold_char, normalise

ARABIC = st.text(
    alphabet=st.sampled_from(
        list("ابتثجحخدذرزسشصضطظعغفقكلمنهوي")
        + list("أإآىةؤئء")
        + ["\u064e", "\u0651", "\u0640", "\u200f", "\u00a0", " ", "\n", "٣", "ﻷ", "،", "."]
    ),
    max_size=200,
)


def test_text_folds_letter_variants():
    assert fold("أحمد إلى آذار مستشفى مدرسة") == "احمد الي اذار مستشفي مدرسه"


def test_text_removes_diacritics_tatweel_and_bidi():
    assert fold("مُحَمَّـــد\u200f") == "محمد"


def test_text_folds_digits_and_nbsp():
    assert fold("٢٠٢٤\u00a0۱۲") == "2024 12"


def test_text_folds_lam_alef_ligature():
    assert fold("اﻷذربيجاني") == "الاذربيجاني"


@given(ARABIC | st.text(max_size=200))
def test_text_every_span_maps_back(text):
    norm = normalise(text)
    for i in range(len(norm.text)):
        span = norm.to_original(i, i + 1)
        assert 0 <= span.start < span.end <= len(text)
        assert span.end - span.start == 1
        assert norm.text[i] in fold_char(text[span.start])


@given(ARABIC)
def test_text_spans_are_monotonic(text):
    norm = normalise(text)
    assert list(norm.index) == sorted(norm.index)


def _index_one_by_one(text: str) -> list[int]:
    """The original offset of every folded character, read character by character (the slow fold)."""
    return [i for i, ch in enumerate(text) for _ in fold_char(ch)]


@given(st.text(alphabet="ابتةىأ \u064b\u064e\u0651\u0640\u200f…ﻷﷺ×ＡﺃA\u00ad", max_size=60))
def test_text_index_and_folded_offsets_agree_with_a_plain_list(text):
    """The index is stored as the runs the fold dropped; every lookup equals that of a plain list."""
    norm = normalise(text)
    plain = _index_one_by_one(text)
    assert norm.text == "".join(map(fold_char, text))
    assert list(norm.index) == plain
    assert len(norm.index) == len(plain) == len(norm.text)
    if plain:
        assert norm.index[-1] == plain[-1]
        assert list(norm.index[1:3]) == plain[1:3]
    every = list(range(-2, len(text) + 3))
    assert [norm.folded_offset(x) for x in every] == norm.folded_offsets(every)
    assert norm.folded_offsets(every) == [bisect.bisect_left(plain, x) for x in every]
