import pytest

from rasd.normalise.match import Lexicon
from rasd.normalise.text import fold

LEX = Lexicon([("الصين", "CHN"), ("أذربيجان", "AZE"), ("الأمم المتحدة", "UN"), ("شي", "XI"), ("مصر", "EGY")])


def found(text: str, lex: Lexicon = LEX) -> list[str]:
    norm = fold(text)
    return [h.payloads[0] for h in lex.find(norm)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("زار الصين", ["CHN"]),
        ("والصين وبالصين", ["CHN", "CHN"]),
        ("دعم للصين", ["CHN"]),  # ل + ال = لل
        ("الأممالمتحدة", ["UN"]),  # glued multi-word name
        ("أذربيجانوالصين", ["AZE", "CHN"]),  # two names glued with و
        ("وقال شي إن", ["XI"]),
        ("شيء ما", []),  # a word that merely starts with a name
        ("مصرف", []),
        ("الصينية", []),  # an adjective is not the country name
    ],
)
def test_match_respects_boundaries_and_clitics(text, expected):
    assert found(text) == expected


def test_match_allows_pronoun_suffixes_when_asked():
    lex = Lexicon([("لقاء", "meet")], suffixes=True)
    assert found("خلال لقاءه مع", lex) == ["meet"]
    assert found("لقاءات", lex) == ["meet"]
    assert found("لقاءزز", lex) == []
