"""Fuzzing the pipeline: ``code_document`` never raises on arbitrary text, and every span it returns
slices within the text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rasd.pipeline import code_document
from rasd.records import Document
from rasd.resources import load_resources

_PIECES = st.sampled_from(
    [
        "بكين 16 مايو 2024 (شينخوا) ",
        "الرياض - واس ",
        "التقى الرئيس الصيني شي جين بينغ ",
        "الرئيس الروسي فلاديمير بوتين ",
        "وزير الخارجية السعودي ",
        "اتفق البلدان على تعزيز الشراكة الاستراتيجية الشاملة ",
        "أدانت مصر الهجوم ",
        "أمس ",
        "في 3 يوليو الماضي ",
        ". ",
        "، ",
        "\n",
        "\u200f",
        "\u200d",
        "\x00",
        "و",
        "ال",
        "The president said ",
        "١٤٣٦ هـ ",
    ]
)
_TEXT = st.text(max_size=300) | st.lists(_PIECES, max_size=40).map("".join)


def _within(text: str, start: int, end: int) -> None:
    assert 0 <= start <= end <= len(text), (start, end, len(text))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXT)
def test_fuzz_pipeline_code_document_never_raises_and_spans_slice(text: str) -> None:
    coded = code_document(Document(id="fuzz", text=text), load_resources())
    for person in coded.people:
        for m in person.mentions:
            _within(text, m.start, m.end)
    for e in coded.events:
        for span in (e.sentence, e.trigger_span, *e.evidence):
            _within(text, span.start, span.end)
        for actor in (e.source_actor, e.target_actor):
            if actor is not None:
                _within(text, actor.start, actor.end)
                assert text[actor.start : actor.end] == actor.text
    for p in coded.partnerships:
        _within(text, p.evidence.start, p.evidence.end)
    if coded.dateline is not None:
        _within(text, coded.dateline.start, coded.dateline.end)
