import pytest
from hypothesis import given
from hypothesis import strategies as st

from rasd.normalise.sentences import split_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قال شي. وأضاف أن الصين مستعدة.", ["قال شي.", "وأضاف أن الصين مستعدة."]),
        ("هل زار بكين؟ نعم زارها", ["هل زار بكين؟", "نعم زارها"]),
        ("بلغ النمو 2.5 في المئة.", ["بلغ النمو 2.5 في المئة."]),
        ("1. يدعم الطرفان بعضهما.\n2. اتفق الطرفان.", ["1. يدعم الطرفان بعضهما.", "2. اتفق الطرفان."]),
        ("عنوان\nنص الخبر", ["عنوان", "نص الخبر"]),
    ],
)
def test_sentences_split(text, expected):
    assert [s.slice(text) for s in split_sentences(text)] == expected


@given(st.text(alphabet='.!?؟\n 1a"»)]ب', max_size=40))
def test_sentences_boundaries_tried_at_marks_equal_a_full_scan(text):
    """Trying the boundary pattern only at the marks finds what scanning every position finds."""
    from rasd.normalise import sentences

    expected = [m.span() for m in sentences._BOUNDARY.finditer(text)]
    assert [m.span() for m in sentences._boundaries(text)] == expected
