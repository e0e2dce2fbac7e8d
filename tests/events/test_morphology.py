import pytest

from rasd.events.morphology import conjugations


@pytest.mark.parametrize(
    ("pair", "some"),
    [
        ("أدان يدين", {"أدان", "أدانت", "أدانوا", "يدين", "تدين", "يدينون", "ندين"}),
        ("دعا يدعو", {"دعا", "دعت", "دعوا", "يدعو", "تدعو", "يدعون", "ندعو"}),
        ("نفى ينفي", {"نفى", "نفت", "نفوا", "ينفي", "تنفي", "ينفون"}),
        ("التقى يلتقي", {"التقى", "التقت", "التقيا", "يلتقي", "تلتقي", "يلتقيان", "يلتقون"}),
        ("اجتمع", {"اجتمع", "اجتمعت", "اجتمعا", "اجتمعوا"}),
    ],
)
def test_morphology_conjugates_past_and_present(pair, some):
    assert some <= set(conjugations(pair))


def test_morphology_listed_forms_win_over_generated_ones():
    from rasd.events.lexicon import event_lexicons

    hits = event_lexicons().triggers.lookup("دعم")
    assert hits and all(t.role == "noun" for t in hits)  # «دعم» the masdar, not «دعم» the verb
