"""Actors: names, titles at a date, short forms, honorifics, glued words."""

from __future__ import annotations

import pytest

from rasd.pipeline import analyse, code_document
from rasd.records import Document
from rasd.resources import load_resources


def people(text: str, published: str | None = None) -> set[tuple[str, str]]:
    doc = code_document(Document(id="t", text=text, published=published))
    return {(p.name, p.country) for p in doc.people}


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        # a title with a nationality names the holder at the document's date
        ("قال وزير الخارجية الصيني إن بلاده مستعدة.", "2024-07-03", {("Wang Yi", "CHN")}),
        ("استقبل الرئيس الأمريكي ضيفه.", "2015-08-10", {("Barack Obama", "USA")}),
        ("استقبل الرئيس الأمريكي ضيفه.", "2022-03-01", {("Joe Biden", "USA")}),
        # a title inside another's title names no one
        ("وصل مبعوث الأمين العام للأمم المتحدة إلى عدن.", "2015-08-10", set()),
        # counterpart: the same office, the other state
        (
            "أجرى وزير الخارجية الصيني وانغ يي محادثات مع نظيره الأذربيجاني.",
            "2024-12-01",
            {("Wang Yi", "CHN"), ("Jeyhun Bayramov", "AZE")},
        ),
    ],
)
def test_mentions_titles_resolve_to_holder_at_date(text, date, expected):
    assert people(text, date) == expected


def test_mentions_spellings_and_short_forms():
    text = "أكد رئيس الصين، شي جين بينج، أن بلاده مستعدة. وأوضح «شي» أن التعاون مهم."
    doc = code_document(Document(id="t", text=text))
    xi = next(p for p in doc.people if p.name == "Xi Jinping")
    assert [text[m.start : m.end] for m in xi.mentions] == ["رئيس الصين", "شي جين بينج", "شي"]


def test_mentions_short_form_alone_is_not_enough():
    assert people("وقال شي إن الصين مستعدة.") == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a distinctive short name of someone in office, with his state named: enough alone
        ("وقال بوتين إن روسيا مستعدة للحوار.", {("Vladimir Putin", "RUS")}),
        ("وأكد أن لا مستقبل للأسد في سوريا.", {("Bashar al-Assad", "SYR")}),
        # the state is not named: a word that may be no name at all
        ("وقال بوتين إن الحوار مستمر.", set()),
        # an Arab short name without its article is a given name too
        ("وقال صالح إن اليمن يمر بظروف صعبة.", set()),
    ],
)
def test_mentions_short_name_alone(text, expected):
    assert people(text, "2015-08-10") == expected


def test_mentions_title_with_an_epithet_names_who_follows():
    text = "وقال الرئيس السوري بشار الأسد كلمته. وجاء التدخل بناء على طلب من الرئيس الشرعي عبدربه منصور هادي."
    doc = code_document(Document(id="t", text=text, published="2015-08-10"))
    assad = next(p for p in doc.people if p.name == "Bashar al-Assad")
    assert all(text[m.start : m.end] != "الرئيس" for m in assad.mentions)
    assert any(p.name == "Abd-Rabbu Mansour Hadi" for p in doc.people)


def test_mentions_sultanate_is_the_sultanate_named():
    text = "أكدت سلطنة عمان دورها كوسيط. وقال إن السلطنة ساعدت في الإفراج عن الرهينة."
    analysis, _ = analyse(Document(id="t", text=text, published="2015-08-10"), load_resources())
    assert [m.code for m in analysis.mentions if text[m.span.start : m.span.end] == "السلطنة"] == ["OMN"]


def test_mentions_title_of_the_kingdom_named():
    text = "وصل وزير الخارجية الأمريكي إلى المملكة الأردنية الهاشمية. وقال وزير خارجية المملكة إن الزيارة مهمة."
    assert ("Ayman Safadi", "JOR") in people(text, "2020-01-10")


def test_mentions_a_princes_given_name_is_no_nationality():
    analysis, _ = analyse(Document(id="t", text="وأكد الأمير تركي بن سعود أن التوقيعات مهمة."), load_resources())
    assert "TUR" not in {m.code for m in analysis.mentions}


def test_mentions_heads_of_both_states():
    text = "التقى وزير الخارجية الصيني وانغ يي وزير خارجية طاجيكستان. وأشار إلى ثقة رئيسي الدولتين."
    assert {("Xi Jinping", "CHN"), ("Emomali Rahmon", "TJK")} <= people(text, "2024-12-01")


def test_mentions_honorific_refers_to_the_subject():
    text = "التقى وزير الخارجية عادل الجبير اليوم وزير خارجية روسيا سيرجي لافروف.\nوقال معاليه إن المباحثات مثمرة."
    doc = code_document(Document(id="t", text=text, published="2015-08-11"))
    jubeir = next(p for p in doc.people if p.name == "Adel al-Jubeir")
    assert any(text[m.start : m.end] == "معاليه" for m in jubeir.mentions)


def test_mentions_an_arab_name_that_goes_on_is_someone_else():
    text = "استقبل الدكتور عبدالله بن عبدالعزيز الربيعة اليوم سفير النرويج."
    assert ("Abdullah bin Abdulaziz", "SAU") not in people(text, "2015-08-11")


def test_mentions_unknown_official_after_a_rank():
    text = (
        "الرياض 26 شوال 1436 هـ الموافق 11 أغسطس 2015 م واس\nالتقى مدير عام السجون اللواء إبراهيم الحمزي اليوم الوفد."
    )
    names = people(text)
    assert ("Ibrahim al-Hamzi", "SAU") in names


def test_mentions_numbers_are_no_name():
    text = "وبحث وزير الخارجية العراقي اتفاق مجموعة خمسة زائد واحد مع إيران."
    assert not any("Wah" in name for name, _country in people(text, "2015-08-11"))


def test_mentions_foreign_name_in_another_spelling():
    assert ("Francois Hollande", "FRA") in people("التقى الرئيس الفرنسي فرنسوا اولاند نظيره.", "2015-08-06")


def test_mentions_glued_words_are_repaired():
    text = "قال علييف إن أذربيجانوالصين تتبادلان الاحترام وتدعمان الأممالمتحدة."
    doc = code_document(Document(id="t", text=text))
    assert doc.language == "ar"
    from rasd.pipeline import analyse
    from rasd.resources import load_resources

    analysis, _ = analyse(Document(id="t", text=text), load_resources())
    codes = [m.code for m in analysis.mentions]
    assert codes[:3] == ["AZE", "CHN", "UN"]
