import pytest

from rasd.read import FieldMap, read_bytes

STORY = "الصين وروسيا تتفقان\nبكين 16 مايو 2024 (شينخوا) أجرى الرئيس الصيني محادثات.\nوقال الرئيس إن البلدين شريكان."


def _read(data: bytes, name: str = "feed.xml"):
    return list(read_bytes(data, name, name, FieldMap()))


@pytest.mark.parametrize(
    ("pub", "published"),
    [
        ("Thu, 16 May 2024 08:00:00 +0000", "2024-05-16"),
        ("الخميس، 16 مايو 2024 - 10:00 ص", "2024-05-16"),
        ("الخميس 16 أيار 2024", "2024-05-16"),
        ("2024-05-16T23:30:00Z", "2024-05-16"),
        ("الخميس", None),  # a weekday alone is not a date: none is invented
        ("", None),
    ],
)
def test_feeds_rss_item_dates(markup, pub, published):
    (doc,) = _read(markup.rss([("n-1", STORY, pub)]).encode())
    assert doc.published == published


def test_feeds_rss_items_are_documents(markup, split):
    data = markup.rss([("n-1", STORY, ""), ("n-2", "عنوان ثان\nنص الخبر الثاني.", "")]).encode()
    docs, problems = split(_read(data, "news.rss"))
    assert not problems
    assert [d.id for d in docs] == ["n-1", "n-2"]
    assert docs[0].text == STORY and docs[0].title == "الصين وروسيا تتفقان"
    assert docs[0].url == "https://news.example/n-1" and docs[0].origin == "news.rss#0"


def test_feeds_atom_entry_with_html_content(markup):
    (doc,) = _read(markup.atom([("urn:a:1", STORY, "2024-05-16T10:00:00Z")]).encode(), "feed.atom")
    assert (doc.id, doc.text, doc.published) == ("urn:a:1", STORY, "2024-05-16")


def test_feeds_summary_used_without_content_and_empty_item_is_a_problem(split):
    data = (
        '<rss version="2.0"><channel><title>t</title>'
        "<item><guid>s1</guid><title>عنوان</title><description>&lt;p&gt;ملخص الخبر&lt;/p&gt;</description></item>"
        "<item><guid>s2</guid><title>عنوان فقط</title></item>"
        "</channel></rss>"
    ).encode()
    docs, problems = split(_read(data, "x.rss"))
    assert [(d.id, d.text) for d in docs] == [("s1", "عنوان\nملخص الخبر")]
    assert [(p.item, p.code) for p in problems] == [("x.rss#1", "R103")]
    assert problems[0].reason == "feed item s2 has no content or summary"


def test_feeds_cp1256_feed_without_declaration(markup):
    data = markup.rss([("n-1", STORY, "")]).replace('encoding="utf-8"', "").encode("cp1256")
    (doc,) = _read(data)
    assert doc.text == STORY


def test_feeds_no_items_is_one_problem(split):
    docs, problems = split(_read(b'<rss version="2.0"><channel><title>t</title></channel></rss>'))
    assert not docs and [p.code for p in problems] == ["R105"]
    assert "no readable items" in problems[0].reason
