import pytest

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
