import pytest

from rasd.read import FieldMap, read_bytes
from rasd.read.html import fragment_text, html_document

STORY = "الصين وروسيا تتفقان\nبكين 16 مايو 2024 (شينخوا) أجرى الرئيس الصيني محادثات.\nوقال الرئيس إن البلدين شريكان."


def test_html_keeps_paragraphs_headline_and_metadata(markup):
    head = (
        '<link rel="canonical" href="https://news.example/a/1">'
        '<meta property="article:published_time" content="2024-05-16T08:00:00+03:00">'
    )
    doc = html_document(markup.page(STORY, head).encode(), "a.html", "a")
    assert doc.text == STORY
    assert (doc.id, doc.title, doc.url, doc.published) == (
        "a",
        "الصين وروسيا تتفقان",
        "https://news.example/a/1",
        "2024-05-16",
    )
    assert doc.flags == ()


@pytest.mark.parametrize(
    ("head", "url", "published"),
    [
        ('<meta name="pubdate" content="2023-02-01">', None, "2023-02-01"),
        ('<meta itemprop="datePublished" content="الخميس 16 مايو 2024">', None, "2024-05-16"),
        ('<meta property="og:url" content="https://news.example/2015/08/04/x.html">', None, "2015-08-04"),
        ("", "https://news.example/2019/1/2/x", "2019-01-02"),
        ("", None, None),  # the body's Arabic dates are not a publication stamp: no guess
        ('<meta name="date" content="not a date">', None, None),
    ],
)
def test_html_published_only_from_meta_or_url(markup, head, url, published):
    doc = html_document(markup.page(STORY, head).encode(), "a.html", "a", url=url)
    assert doc.published == published


def test_html_headline_added_when_the_body_lacks_it():
    page = "<html><head><title>عنوان الخبر</title></head><body><div><p>الفقرة الأولى.</p><p>الفقرة الثانية.</p></div>"
    assert html_document(page.encode(), "b.html", "b").text.split("\n") == [
        "عنوان الخبر",
        "الفقرة الأولى.",
        "الفقرة الثانية.",
    ]


def test_html_declared_cp1256_page_is_decoded(markup):
    data = markup.page(STORY, charset="windows-1256").encode("cp1256")
    assert html_document(data, "c.html", "c").text == STORY


def test_html_sniffed_from_content_whatever_the_name(markup):
    (doc,) = read_bytes(markup.page(STORY).encode(), "saved-page.txt", "src", FieldMap())
    assert doc.text == STORY and doc.id == "saved-page"


@pytest.mark.parametrize(
    ("fragment", "text"),
    [
        ("<p>أ</p><p>ب</p>", "أ\nب"),
        ("سطر<br>سطر آخر", "سطر\nسطر آخر"),
        ("نص بلا وسوم", "نص بلا وسوم"),
        ("<script>x()</script><p>  نص   </p>", "نص"),
        ("", ""),
    ],
)
def test_html_fragment_text_keeps_lines(fragment, text):
    assert fragment_text(fragment) == text
