"""People the lexicon does not know, read from the text: «اللواء إبراهيم الحمزي», «الناطق باسم
الحكومة الأردنية محمد المومني».

A name is read only where the text marks it as an official's: right after a rank or role word, or after
a role phrase naming a state. It must open with a common given name (lexicons/given_names.tsv) and runs
on through further given names, «بن/بنت», and ends with a family name («ال…»). The English spelling
comes from the given-names table and a plain transliteration of the family name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rasd.lexicons.load import rows
from rasd.normalise.text import fold

ROLE_WORDS = frozenset(
    fold(w)
    for w in (
        "اللواء",
        "العميد",
        "العقيد",
        "الفريق",
        "المقدم",
        "الرائد",
        "العماد",
        "المشير",
        "الدكتور",
        "د.",
        "السفير",
        "سفير",
        "الناطق",
        "المتحدث",
        "المستشار",
        "نائب",
        "مساعد",
        "مدير",
        "المدير",
        "محافظ",
        "المحافظ",
        "القائم بالأعمال",
        "المندوب",
        "مندوب",
        "الوزير",
        "وزير",
        "رئيس",
        "الأمين",
        "الشيخ",
        "الأستاذ",
        "معالي",
        "سعادة",
        "المهندس",
        "القاضي",
        "النائب",
        "عضو",
        "قائد",
        "زعيم",
        "الزعيم",
    )
)
_WORD = re.compile(r"[\u0621-\u064a]+")
_LETTERS = {
    "ا": "a",
    "ب": "b",
    "ت": "t",
    "ث": "th",
    "ج": "j",
    "ح": "h",
    "خ": "kh",
    "د": "d",
    "ذ": "dh",
    "ر": "r",
    "ز": "z",
    "س": "s",
    "ش": "sh",
    "ص": "s",
    "ض": "d",
    "ط": "t",
    "ظ": "z",
    "ع": "",
    "غ": "gh",
    "ف": "f",
    "ق": "q",
    "ك": "k",
    "ل": "l",
    "م": "m",
    "ن": "n",
    "ه": "a",
    "و": "o",
    "ي": "i",
    "ء": "",
}
_VOWELS = set("aeiou")
MAX_WORDS = 6
ROLE_REACH = 70  # characters between a role word and the name it introduces


@dataclass(frozen=True, slots=True)
class UnknownName:
    start: int  # folded offsets
    end: int
    name_en: str


@lru_cache(maxsize=1)
def given_names() -> dict[str, str]:
    return {fold(r.required("name_ar")).replace(" ", ""): r.required("name_en") for r in rows("given_names.tsv")}


def transliterate(word: str) -> str:
    """A readable Latin spelling of an Arabic family name: «المومني» → «al-Momni», «خليل» → «Khalil».

    The script leaves short vowels unwritten; an «a» is put between the first two consonants, the
    commonest pattern of Arabic names (فعيل، فعال، فعلان)."""
    prefix = ""
    if word.startswith("ال") and len(word) > 3:
        prefix, word = "al-", word[2:]
    pieces: list[str] = []
    for i, ch in enumerate(word):
        latin = _LETTERS.get(ch, "")
        if i == 0 and ch in "يو":
            latin = "y" if ch == "ي" else "w"
        if i == 1 and pieces and pieces[0] and pieces[0][-1] not in _VOWELS and latin and latin[0] not in _VOWELS:
            pieces.append("a")
        pieces.append(latin)
    out = "".join(pieces)
    return prefix + out[:1].upper() + out[1:]


_NOT_NAMES = frozenset(
    fold(w)
    for w in (
        "اليوم",
        "الذي",
        "التي",
        "الذين",
        "إلى",
        "الأمس",
        "الرئيس",
        "الملك",
        "الوزير",
        "الأمير",
        "السابق",
        "الحالي",
        "الأول",
        "الثاني",
        "العام",
        "المساعد",
        "المكلف",
        "نفسه",
        "أيضا",
        "كذلك",
        "حيث",
        "خلال",
        # numbers («خمسة زائد واحد»: the P5+1, not a man called Zayed)
        "زائد",
        "واحد",
        "اثنان",
        "اثنين",
        "ثلاثة",
        "أربعة",
        "خمسة",
        "ستة",
        "سبعة",
        "ثمانية",
        "تسعة",
        "عشرة",
    )
)
_LINKS = {"بن": "bin", "بنت": "bint", "ابو": "Abu"}
# Given names that are also everyday words («حسن الضيافة», «جمال الطبيعة»): read only right after a role.
_WEAK = frozenset(
    fold(w)
    for w in (
        "حسن",
        "جمال",
        "كمال",
        "نور",
        "سلامة",
        "عادل",
        "صلاح",
        "فؤاد",
        "سعيد",
        "سالم",
        "منصور",
        "مبارك",
        "ناصر",
        "فارس",
        "بدر",
        "هادي",
        "نصر",
        "عزيز",
        "كريم",
        "سلمان",
    )
)
_NOT_SURNAME = ("لل", "بال", "وال", "كال", "فال")  # a word opening with a particle and the article


def read_name(norm: str, start: int) -> UnknownName | None:
    """An official's name starting at folded offset ``start``: a given name, then given names and
    «بن»-links, ending with a family name («ال…», «آل …») or one bare surname; None otherwise."""
    names = given_names()
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(norm, start, min(len(norm), start + 120))]
    if not words or words[0][0] != start:
        return None
    parts: list[str] = []
    end, i = start, 0
    while i < len(words) and len(parts) < MAX_WORDS:
        s0, e0, w = words[i]
        if parts and s0 - end > 1:
            break
        if w == "عبد" and i + 1 < len(words) and w + words[i + 1][2] in names:
            parts.append(names[w + words[i + 1][2]])
            end, i = words[i + 1][1], i + 2
            continue
        if w in names:
            parts.append(names[w])
            end, i = e0, i + 1
            continue
        if w == "الله" and parts and parts[-1] not in _LINKS.values():
            parts[-1] += "ullah"  # «خليل الله», «نصر الله»: one name in two words
            end, i = e0, i + 1
            continue
        if not parts or w in _NOT_NAMES:
            break
        if w in _LINKS:
            parts.append(_LINKS[w])
            end, i = e0, i + 1
            continue
        if w == "ال" and i + 1 < len(words):  # «آل سعود» folds to «ال سعود»
            parts.append("Al " + transliterate(words[i + 1][2]))
            end = words[i + 1][1]
            break
        if w.startswith(_NOT_SURNAME) or (not w.startswith("ال") and len(w) < 4 and parts[-1] not in _LINKS.values()):
            break
        if w.startswith("ال") or parts[-1] in _LINKS.values() or len(parts) == 1:
            parts.append(transliterate(w))
            end = e0
            if i + 1 < len(words) and words[i + 1][2] == "الله" and words[i + 1][0] - e0 <= 1:
                parts[-1] = parts[-1] + "ullah"  # «خليل الله»
                end = words[i + 1][1]
            if w.startswith("ال") or len(parts) == 2 and parts[-2] not in _LINKS.values():
                break
            i += 1
            continue
        break
    while parts and parts[-1] in _LINKS.values():
        parts.pop()
    if len(parts) < 2:
        return None
    return UnknownName(start, end, " ".join(parts))


def is_weak(word: str) -> bool:
    return word in _WEAK


_ROLE_TOKENS = ROLE_WORDS | {"و" + w for w in ROLE_WORDS}  # a role word, or one after «و»: one set look-up


def role_before(norm: str, start: int, reach: int = ROLE_REACH) -> bool:
    """Is there a rank or role word (or «و» and one) shortly before ``start``, in the same sentence?"""
    window = norm[max(0, start - reach) : start]
    cut = max(window.rfind("."), window.rfind("\n"))
    return not _ROLE_TOKENS.isdisjoint(window[cut + 1 :].split())
