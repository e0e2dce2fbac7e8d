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


def _spans(hits):
    return [(h.start, h.end, h.term, h.payloads) for h in hits]


def test_lexicons_searched_together_find_what_each_finds_alone():
    """One automaton pass for several lexicons: each still gets its own hits, boundaries, suffixes and
    glued words, also for a form that two lexicons share and for a text searched twice in a row."""
    from rasd.normalise.match import SearchedTogether

    def build():
        places = Lexicon([("الصين", "CHN"), ("أذربيجان", "AZE"), ("الأمم المتحدة", "UN"), ("لا", "X")])
        verbs = Lexicon([("التقى", "meet"), ("زار", "visit"), ("لا", "neg")], suffixes=True)
        return places, verbs

    texts = [
        fold("التقاه وزير خارجية أذربيجانوالصين في مقر الأممالمتحدة ولا زارها أحد"),
        fold("زارالصين وفدٌ لا يعرف أحدا، وبالصين التقوا"),
        "",
    ]
    alone = [_spans(lex.find(t)) for t in texts for lex in build()]
    places, verbs = build()
    SearchedTogether([places, verbs])
    together = [_spans(lex.find(t)) for t in texts for lex in (places, verbs)]
    assert together == alone
    assert places.group is verbs.group is not None
    assert any(h[3] == ("neg",) for h in together[1])  # the shared form keeps each lexicon's payload
