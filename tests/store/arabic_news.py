"""Small Arabic news items for the store tests, and a generator for large batches (imported by the tests)."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

PLACES = [("الرياض", "واس"), ("القاهرة", "أ ش أ"), ("عمان", "بترا"), ("الكويت", "كونا"), ("الدوحة", "قنا")]
ADJECTIVES = ["السعودي", "المصري", "الأردني", "الكويتي", "القطري", "الإماراتي", "الصيني", "الروسي", "الفرنسي"]
MONTHS = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر"]
TOPICS = ["العلاقات الثنائية", "الأوضاع في المنطقة", "التعاون الاقتصادي", "مكافحة الإرهاب", "التبادل التجاري"]

SAU_RUS_SPA = (
    "الرياض 10 أغسطس 2015 (واس) استقبل وزير الخارجية السعودي عادل الجبير اليوم في الرياض نظيره الروسي "
    "سيرغي لافروف، وبحث الجانبان العلاقات الثنائية وسبل تعزيزها."
)
SAU_RUS_OKAZ = (
    "الرياض 10 أغسطس 2015 (عكاظ) التقى وزير الخارجية السعودي عادل الجبير في مكتبه بالرياض اليوم وزير الخارجية "
    "الروسي سيرغي لافروف، وناقش الوزيران تطورات الأوضاع في سوريا واليمن."
)
EGY_CHN = (
    "القاهرة 3 مارس 2016 (أ ش أ) استقبل الرئيس المصري عبد الفتاح السيسي اليوم وزير الخارجية الصيني وانغ يي "
    "وبحثا العلاقات الثنائية."
)


def write_jsonl(path: Path, docs: list[dict]) -> Path:
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
    return path


def generated_docs(n: int) -> list[dict]:
    """``n`` short, distinct Arabic news items, each with a dateline and a meeting of two ministers."""
    pairs = [(a, b) for a, b in itertools.permutations(ADJECTIVES, 2)]
    out = []
    for i in range(n):
        city, agency = PLACES[i % len(PLACES)]
        a, b = pairs[i % len(pairs)]
        topic, other = TOPICS[i % len(TOPICS)], TOPICS[(i // 7) % len(TOPICS)]
        text = (
            f"{city} {i % 28 + 1} {MONTHS[i % len(MONTHS)]} {2010 + i % 7} ({agency}) استقبل وزير الخارجية {a} "
            f"اليوم نظيره {b} وبحث الجانبان {topic} و{other}. وذكر البيان رقم {i} أن اللقاء تناول ملفات عدة."
        )
        out.append({"id": f"gen-{i:05d}", "text": text, "source": agency})
    return out
