"""Language identification: Arabic costs nothing, other languages get their ISO 639-1 code, and a mixed
document is Arabic when enough of its letters stand in Arabic paragraphs."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rasd.normalise import language
from rasd.normalise.language import arabic_language_share, language_of

AR = "قال الرئيس الصيني شي جين بينغ إن بلاده مستعدة للتعاون مع روسيا في جميع المجالات."
EN = "The president said his country was ready to work with Russia in all fields."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (AR, "ar"),
        ("رئیس جمهور ایران گفت که کشورش آماده همکاری با روسیه در همه زمینه‌ها است.", "fa"),
        ("پاکستان کے وزیر اعظم نے کہا کہ ان کا ملک چین کے ساتھ تعاون کے لیے تیار ہے۔", "ur"),
        (EN, "en"),
        ("Le président a déclaré que son pays était prêt à coopérer avec la Russie.", "fr"),
        ("הנשיא אמר כי ארצו מוכנה לשתף פעולה עם רוסיה בכל התחומים.", "he"),
        ("Cumhurbaşkanı, ülkesinin Rusya ile her alanda işbirliğine hazır olduğunu söyledi.", "tr"),
        ("Президент заявил, что его страна готова сотрудничать с Россией во всех областях.", "ru"),
        ("主席表示，中国愿意在各个领域与俄罗斯合作。", "zh"),
        ("12345 ... !!! ٢٠١٥", "und"),
        ("", "und"),
    ],
)
def test_language_of_names_the_language(text: str, expected: str) -> None:
    assert language_of(text, 0.30) == expected


def test_language_arabic_text_never_asks_the_model(monkeypatch) -> None:
    def refuse(text: str) -> str:
        raise AssertionError("the detector was asked about a plainly Arabic text")

    monkeypatch.setattr(language, "detect", refuse)
    assert language_of(AR * 30, 0.30) == "ar"


@pytest.mark.parametrize(
    ("english", "arabic", "expected"),
    [
        (3, 10, "ar"),  # Arabic with an English paragraph: coded, over the whole text
        (20, 3, "en"),  # English with an Arabic quotation below the threshold: kept, not coded
        (10, 10, "ar"),  # about half and half: above the threshold
    ],
)
def test_language_mixed_documents_by_arabic_share(english: int, arabic: int, expected: str) -> None:
    text = EN * english + "\n" + AR * arabic
    assert language_of(text, 0.30) == expected


def test_language_persian_paragraph_is_not_counted_as_arabic() -> None:
    persian = "رئیس جمهور ایران گفت که کشورش آماده همکاری با روسیه در همه زمینه‌ها است."
    assert arabic_language_share(persian * 5) < 0.1
    assert arabic_language_share(persian + "\n" + AR) == pytest.approx(0.5, abs=0.1)


_MIXED = st.text(
    alphabet=st.sampled_from(
        [chr(c) for c in range(0x0600, 0x0700)]
        + list("ABCxyz_019 \n«»–²½éשЖ中")
        + ["\u0750", "\ufb50", "\ufd3e", "\ufdfd", "\ufe70", "\ufefc", "\U0001d400", "\ud800"]
    ),
    max_size=120,
)


@given(_MIXED)
def test_language_letter_and_script_counts_equal_a_count_by_runs(text: str) -> None:
    """The counts taken from the Arabic block's code units and a few corrections equal the plain
    count of each class, on any mix of the block, Latin, marks, presentation forms and other scripts."""
    assert language._letters_and_script(text) == (
        language._count(language._LETTER_RUN, text),
        language._count(language._ARABIC_RUN, text),
    )
