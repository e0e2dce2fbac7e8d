import pytest
from hypothesis import given
from hypothesis import strategies as st

from rasd.normalise.text import normalise
from rasd.normalise.tokens import tokens


@pytest.mark.parametrize(
    ("text", "stems", "proclitics"),
    [
        ("وبالصين", ["الصين"], ["وب"]),
        ("للصين", ["لصين"], ["ل"]),
        ("والأمم المتحدة", ["الأمم", "المتحدة"], ["و", ""]),
        ("فسيزور", ["يزور"], ["فس"]),
        ("وزير ووزارة", ["وزير", "وزارة"], ["", "و"]),
        ("وفلسطين", ["فلسطين"], ["و"]),
        ("بكين", ["بكين"], [""]),
        ("كما", ["كما"], [""]),
    ],
)
def test_tokens_split_proclitics(text, stems, proclitics):
    toks = tokens(normalise(text))
    assert [text[t.stem.start : t.stem.end] for t in toks] == stems
    assert [t.proclitics for t in toks] == proclitics


@given(st.text(alphabet=st.sampled_from(list("وبلكسفالصينأمةَّ ـ،.")), max_size=80))
def test_tokens_spans_slice_the_original(text):
    for t in tokens(normalise(text)):
        assert 0 <= t.span.start <= t.stem.start < t.stem.end <= t.span.end <= len(text)
        assert text[t.span.start : t.span.end].strip()
