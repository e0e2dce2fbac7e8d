"""The event coder: each PLOVER type found where stated, dropped where negated, hypothetical or history."""

from __future__ import annotations

import pytest

from rasd.pipeline import code_document
from rasd.records import Document

DATELINE = "الرياض 10 أغسطس 2015 (واس)\n"


def events(text: str) -> set[tuple[str, str, str]]:
    doc = code_document(Document(id="t", text=DATELINE + text))
    return {(e.type, e.source.split("-")[0], e.target.split("-")[0]) for e in doc.events}


POSITIVE = [
    ("CONSULT", "التقى وزير الخارجية السعودي اليوم وزير الخارجية الروسي.", ("SAU", "RUS")),
    ("AGREE", "وأكد الوزير أن المملكة العربية السعودية مستعدة للعمل مع الأردن.", ("SAU", "JOR")),
    ("SUPPORT", "وقال إن الصين تدعم بقوة أذربيجان في حماية سيادتها.", ("CHN", "AZE")),
    ("CONCEDE", "وأعربت اليابان عن أسفها للصين عن الحادث.", ("JPN", "CHN")),
    ("COOPERATE", "وأجرت مصر مع اليونان مناورات مشتركة في البحر.", ("EGY", "GRC")),
    ("AID", "وقدمت الكويت مساعدات إنسانية إلى اليمن.", ("KWT", "YEM")),
    ("RETREAT", "وأفرجت إيران عن بحارة بريطانيين.", ("IRN", "GBR")),
    ("REQUEST", "وطالبت الجامعة العربية إسرائيل بوقف الاستيطان.", ("ARL", "ISR")),
    ("ACCUSE", "وأدانت قطر إسرائيل لاقتحام المسجد الأقصى.", ("QAT", "ISR")),
    ("REJECT", "ورفضت روسيا الاتهامات الأمريكية.", ("RUS", "USA")),
    ("THREATEN", "وهددت كوريا الجنوبية كوريا الشمالية بالرد.", ("KOR", "PRK")),
    ("PROTEST", "وتظاهر الفلسطينيون ضد الاحتلال الإسرائيلي أمام السجن.", ("PSE", "ISR")),
    ("SANCTION", "وفرضت الولايات المتحدة عقوبات على إيران.", ("USA", "IRN")),
    ("MOBILIZE", "وانتهك طيران الاحتلال الإسرائيلي الأجواء اللبنانية وحلقت طائرة إسرائيلية فوق لبنان.", ("ISR", "LBN")),
    ("COERCE", "واعتقلت الشرطة التركية عناصر من حزب العمال الكردستاني.", ("TUR", "TUR")),
    ("ASSAULT", "وشنت المقاتلات التركية غارات على مواقع تنظيم داعش.", ("TUR", "SYR")),
]


@pytest.mark.parametrize(("etype", "text", "pair"), POSITIVE, ids=[p[0] for p in POSITIVE])
def test_coder_finds_each_type(etype, text, pair):
    assert (etype, *pair) in events(text)


NEGATIVE = [
    ("negated meeting", "ولم يلتق وزير الخارجية السعودي وزير الخارجية الروسي.", "CONSULT"),
    (
        "hypothetical sanctions",
        "وقال إنه في حال فرضت الولايات المتحدة عقوبات على إيران فإن الأسعار سترتفع.",
        "SANCTION",
    ),
    ("history", "وكانت الصين وكازاخستان قد وقعتا في عام 2011 بيانا مشتركا.", "SUPPORT"),
    ("negated condemnation", "ولم تدن روسيا الهجوم على أوكرانيا.", "ACCUSE"),
    ("negated agreement", "وقال إن الأردن لم يتفق مع المملكة العربية السعودية على موعد.", "AGREE"),
    ("negated apology", "ولم تعتذر اليابان للصين عن الحادث.", "CONCEDE"),
    ("negated drills", "ولم تجر مصر مع اليونان مناورات مشتركة هذا العام.", "COOPERATE"),
    ("negated aid", "ولم تقدم الكويت مساعدات إنسانية إلى اليمن.", "AID"),
    ("negated release", "ولم تفرج إيران عن البحارة البريطانيين.", "RETREAT"),
    (
        "hypothetical demand",
        "وقال إنه في حال طالبت الجامعة العربية إسرائيل بوقف الاستيطان فإن الموقف سيتغير.",
        "REQUEST",
    ),
    ("negated rejection", "ولم ترفض روسيا الاتهامات الأمريكية.", "REJECT"),
    ("negated threat", "ولم تهدد كوريا الجنوبية كوريا الشمالية بالرد.", "THREATEN"),
    ("negated demonstration", "ولم يتظاهر الفلسطينيون ضد الاحتلال الإسرائيلي أمس.", "PROTEST"),
    ("negated overflight", "ولم تحلق طائرات إسرائيلية فوق لبنان اليوم.", "MOBILIZE"),
    ("negated arrests", "ولم تعتقل الشرطة التركية عناصر من حزب العمال الكردستاني.", "COERCE"),
    ("negated strikes", "ولم تشن المقاتلات التركية غارات على مواقع تنظيم داعش.", "ASSAULT"),
    ("pluperfect background", "وكان وزير الخارجية السعودي قد التقى نظيره الروسي في الدوحة.", "CONSULT"),
    (
        "talks during a visit still to come",
        "وسيزور وزير الخارجية السعودي موسكو الأسبوع المقبل يجري خلالها مباحثات مع الرئيس الروسي.",
        "CONSULT",
    ),
    (
        "an attack already told, judged",
        "وأكد أمير قطر أن الهجوم يشكل انتهاكا لسيادة قطر وفق ميثاق الأمم المتحدة.",
        "ASSAULT",
    ),
]


@pytest.mark.parametrize(("why", "text", "etype"), NEGATIVE, ids=[n[0] for n in NEGATIVE])
def test_coder_drops_what_did_not_happen(why, text, etype):
    assert not any(t == etype for t, _s, _t in events(text))


def test_coder_joint_statement_is_one_joint_fact():
    doc = code_document(
        Document(
            id="t",
            text=DATELINE + "وأصدر الجانبان السعودي والأردني بيانا مشتركا. "
            "وأكد الجانبان في البيان المشترك دعمهما للشعب الفلسطيني.",
        )
    )
    joint = [e for e in doc.events if e.joint and e.type == "SUPPORT"]
    assert len(joint) == 1 and {joint[0].source, joint[0].target} == {"SAU", "JOR"}


def test_coder_dual_subject_is_the_scene_pair():
    text = "التقى الرئيس الصيني الرئيس الأذربيجاني. وقال إنه يتعين على الجانبين تعزيز التعاون."
    assert ("AGREE", "CHN", "AZE") in events(text) or ("AGREE", "AZE", "CHN") in events(text)


def test_coder_event_dated_by_its_sentence_else_dateline():
    doc = code_document(Document(id="t", text=DATELINE + "وقال إن إيران هاجمت ناقلة أمس. وأدانت السعودية إيران."))
    dates = {e.type: e.date for e in doc.events}
    assert dates.get("ACCUSE") == "2015-08-10"


def test_coder_list_of_actors_gives_one_event_each():
    found = events("واستقبل الوزير سفراء النرويج وفنلندا والدنمارك لدى المملكة.")
    assert {("CONSULT", "SAU", c) for c in ("NOR", "FIN", "DNK")} <= {
        (t, *sorted((s, g), key=lambda x: x != "SAU")) for t, s, g in found
    }


RULES = [
    (
        "a planned visit is an intent",
        "وسيزور وزير الخارجية السعودي موسكو الأسبوع المقبل.",
        ("AGREE", "SAU", "RUS"),
        True,
    ),
    (
        "a condemned attack accuses the forces of its place",
        "ودانت الكويت التفجير الإرهابي الذي استهدف مسجدا بمدينة أبها.",
        ("ACCUSE", "KWT", "SAU"),
        True,
    ),
    ("unity of a named state is supported", "وأكد الأردن على أهمية وحدة العراق.", ("SUPPORT", "JOR", "IRQ"), True),
    ("a masdar after ل is a purpose, not an act", "وأعلنت مصر عن خطة لدعم اليمن.", ("SUPPORT", "EGY", "YEM"), False),
    (
        "a topic of talks is not a party",
        "وبحث وزير الخارجية السعودي الأوضاع في اليمن.",
        ("CONSULT", "SAU", "YEM"),
        False,
    ),
    (
        "«مع» names the partner of talks",
        "وبحث وزير الخارجية السعودي مع وزير الخارجية الأردني الأوضاع.",
        ("CONSULT", "JOR", "SAU"),
        True,
    ),
    (
        "an invitation is an intent",
        "ووجه الرئيس المصري الدعوة للرئيس اليوناني لزيارة القاهرة.",
        ("AGREE", "EGY", "GRC"),
        True,
    ),
    (
        "a trigger inside a name is no trigger",
        "والتقى وزير الخارجية المصري سامح شكري نظيره الروسي.",
        ("SUPPORT", "EGY", "RUS"),
        False,
    ),
    (
        "«وسفير X …، وسفير Y»: a repeated head noun continues a list",
        "واستقبل الوزير اليوم سفير النرويج لدى المملكة هانسن ، وسفير فنلندا فاوتيلاينين ، وسفير الدنمارك ماسين.",
        ("CONSULT", "DNK", "SAU"),
        True,
    ),
    (
        "the host of an envoy («لدى المملكة») is not one of the listed",
        "واستقبل وزير الخارجية الأردني سفير النرويج لدى المملكة.",
        ("CONSULT", "JOR", "SAU"),
        False,
    ),
    (
        "a masdar with ل + ال names an institution's purpose",
        "واستقبل المشرف على مركز الملك سلمان للإغاثة سفير النرويج.",
        ("AID", "SAU", "NOR"),
        False,
    ),
    (
        "«وأعرب عن أمله» takes the subject of the clause before",
        "وتحدث الوزير الألماني عن مأساة الشعب السوري، وأعرب عن أمله في المرونة التي تبديها موسكو.",
        ("REQUEST", "DEU", "RUS"),
        True,
    ),
    (
        "a masdar's genitive asks its accusative",
        "وبعد أيام من مطالبة الاتحاد الأوروبي الحكومة الإسرائيلية بوقف الاستيطان.",
        ("REQUEST", "EU", "ISR"),
        True,
    ),
    (
        "a meeting «بشأن سوريا» is not with Syria, even between the pair",
        "والتقى الجانبان المصري والأمريكي وبحثا نتائج الاجتماع الثلاثي الأخير بشأن سوريا في الدوحة.",
        ("CONSULT", "SYR", "USA"),
        False,
    ),
    (
        "a planned signing is an intent, not yet support",
        "تعتزم روسيا وتونس التوقيع على اتفاقية شراكة استراتيجية.",
        ("SUPPORT", "RUS", "TUN"),
        False,
    ),
    (
        "«سيتم التوقيع» is a plan: an intent",
        "وقال إن اتفاقية الشراكة بين روسيا وتونس سيتم التوقيع عليها قريبا.",
        ("AGREE", "RUS", "TUN"),
        True,
    ),
    (
        "a meeting noun names its parties after «بين»",
        "واستضافت سلطنة عمان مباحثات سرية بين الأميركيين والإيرانيين.",
        ("CONSULT", "IRN", "USA"),
        True,
    ),
    (
        "the host of talks «بين» two others is not one of them",
        "واستضافت سلطنة عمان مباحثات سرية بين الأميركيين والإيرانيين.",
        ("CONSULT", "OMN", "USA"),
        False,
    ),
    (
        "a forum's meeting is one CONSULT with its host",
        "وعقد وزراء الخارجية العرب اجتماعا طارئا لجامعة الدول العربية بالقاهرة حضره الرئيس الفلسطيني.",
        ("CONSULT", "ARL", "EGY"),
        True,
    ),
    (
        "those who attend a forum do not meet it one by one",
        "وعقد وزراء الخارجية العرب اجتماعا طارئا لجامعة الدول العربية بالقاهرة حضره الرئيس الفلسطيني.",
        ("CONSULT", "ARL", "PSE"),
        False,
    ),
    (
        "a meeting after «أمام» is the setting of a speech",
        "وقال الرئيس الفلسطيني في كلمته أمام اجتماع جامعة الدول العربية إن الاستيطان مستمر.",
        ("CONSULT", "ARL", "PSE"),
        False,
    ),
    (
        "what is refused does not happen",
        "وقال إن إسرائيل ترفض الآن الإفراج عن الأسرى الفلسطينيين.",
        ("RETREAT", "ISR", "PSE"),
        False,
    ),
    (
        "a release that is told happened",
        "وأفرجت إسرائيل اليوم عن الأسرى الفلسطينيين.",
        ("RETREAT", "ISR", "PSE"),
        True,
    ),
    (
        "«شجع X على» asks X to act",
        "وشجع وزير الخارجية الأمريكي الصين على وقف أعمال الردم.",
        ("REQUEST", "USA", "CHN"),
        True,
    ),
    (
        "«شجع» without «على» asks nothing",
        "وقال إن وزير الخارجية الأمريكي شجع الصين.",
        ("REQUEST", "USA", "CHN"),
        False,
    ),
    (
        "«بين X و«Y»»: quotation marks do not break the pair",
        "وفي قمة مصغرة بين الولايات المتحدة و«آسيان» في كوالالمبور بحث الجانبان الأمن.",
        ("CONSULT", "ASEAN", "USA"),
        True,
    ),
    (
        "a speech after a colon names no subject of the verb before it",
        "ونقل المحامي عن الأسير الذي زاره أمس قوله: إن إدارة سجون الاحتلال تصعد.",
        ("CONSULT", "ISR", "PSE"),
        False,
    ),
    (
        "a perfect form glued to ل is a masdar, the purpose of another act",
        "وأعرب الرئيس المصري عن تقدير مصر لحرص الرئيس الفرنسي على المشاركة في الحفل.",
        ("AGREE", "EGY", "FRA"),
        False,
    ),
    (
        "«عن تقدير مصر» is praise by Egypt of whom the sentence names",
        "وأعرب الرئيس المصري عن تقدير مصر لحرص الرئيس الفرنسي على المشاركة في الحفل.",
        ("SUPPORT", "EGY", "FRA"),
        True,
    ),
    (
        "a law «بفرض عقوبات» imposes nothing yet",
        "وقال إن القانون الخاص بفرض عقوبات على إيران جاهز.",
        ("SANCTION", "USA", "IRN"),
        False,
    ),
    (
        "«قامت X بفرض عقوبات» is the act itself",
        "وقامت الولايات المتحدة أمس بفرض عقوبات على إيران.",
        ("SANCTION", "USA", "IRN"),
        True,
    ),
    (
        "«القصف الذي شنته القوات الهندية»: the relative clause names the attacker",
        "وقال الجيش الباكستاني إن عمليات القصف التي شنتها القوات الهندية على الحدود أدت إلى مقتل جنود.",
        ("ASSAULT", "IND", "PAK"),
        True,
    ),
    (
        "a protest handed to the UN accuses the one it is about",
        "وقدم الجيش الباكستاني مذكرة احتجاج إلى بعثة الأمم المتحدة حول القصف الذي شنته القوات الهندية.",
        ("ACCUSE", "PAK", "IND"),
        True,
    ),
    (
        "the addressee of a protest is not accused",
        "وقدم الجيش الباكستاني مذكرة احتجاج إلى بعثة الأمم المتحدة حول القصف الذي شنته القوات الهندية.",
        ("ACCUSE", "PAK", "UN"),
        False,
    ),
    (
        "a ceasefire agreement named is no ceasefire declared",
        "وقال إن الهند انتهكت اتفاقية وقف إطلاق النار الموقعة مع باكستان.",
        ("CONCEDE", "IND", "PAK"),
        False,
    ),
    (
        "a group claiming a killing attacked",
        "وأعلنت حركة طالبان الباكستانية المسؤولية عن قتل جنود باكستانيين في روالبندي.",
        ("ASSAULT", "PAK", "PAK"),
        True,
    ),
    (
        "«لتلبية طلب الحكومة الفرنسية»: the genitive asked, the subject grants",
        "وقال إن السلطان قابوس أمر بالبحث لتلبية طلب الحكومة الفرنسية المساعدة.",
        ("REQUEST", "FRA", "OMN"),
        True,
    ),
    (
        "the one who grants a request did not ask",
        "وقال إن السلطان قابوس أمر بالبحث لتلبية طلب الحكومة الفرنسية المساعدة.",
        ("REQUEST", "OMN", "FRA"),
        False,
    ),
    (
        "«عقب المحادثات،» dates the sentence by talks already told",
        "وعقب المحادثات، انتقد وزير الخارجية الروسي الولايات المتحدة.",
        ("CONSULT", "RUS", "USA"),
        False,
    ),
    (
        "a third party calling on «البلدين» asks each of them",
        "التقى الرئيس الإيراني رئيس وزراء باكستان. ودعت الصين البلدين إلى ضبط النفس.",
        ("REQUEST", "CHN", "PAK"),
        True,
    ),
    (
        "a third party's call on the pair is no event between the pair",
        "التقى الرئيس الإيراني رئيس وزراء باكستان. ودعت الصين البلدين إلى ضبط النفس.",
        ("REQUEST", "IRN", "PAK"),
        False,
    ),
    (
        "a hostile act reported by its victim is the victim's accusation",
        "وأفاد بيان صادر عن قيادة الجيش اللبناني بأن طائرة إسرائيلية انتهكت الأجواء اللبنانية.",
        ("ACCUSE", "LBN", "ISR"),
        True,
    ),
    (
        "a third party reporting an attack accuses no one",
        "وأفاد بيان صادر عن الخارجية الفرنسية بأن طائرة إسرائيلية انتهكت الأجواء اللبنانية.",
        ("ACCUSE", "FRA", "ISR"),
        False,
    ),
    (
        "after «بعد أن» the verb's subject follows it",
        "وقال الوزير إن المنطقة في شمال سوريا ستصبح آمنة، بعد أن قصفت طائرات حربية تركية مواقع المتطرفين.",
        ("ASSAULT", "SYR", "TUR"),
        False,
    ),
    (
        "what the pair discusses is a topic, not a third party",
        "والتقى وزير الخارجية السعودي نظيره الإيطالي. كما بحث الجانبان الأوضاع في لبنان وسوريا والعراق.",
        ("CONSULT", "IRQ", "SAU"),
        False,
    ),
    (
        "«سينقل خلال لقائه»: a meeting still to come is an intent",
        "وقال إن وزير الخارجية السعودي سينقل خلال لقائه مع الرئيس الروسي تحيات الملك.",
        ("AGREE", "RUS", "SAU"),
        True,
    ),
    (
        "a «مع» partner of an earlier clause is not the partner of this meeting",
        "وبحث الاتفاق مع القوى الكبرى، مشيرا إلى أن وزير الخارجية السعودي سيلتقي الرئيس الروسي.",
        ("AGREE", "REG", "SAU"),
        False,
    ),
    (
        "violations named with their perpetrator are an accusation by the speaker",
        "وقالت لجنة الأمم المتحدة إنها أحيطت علما بزيادة انتهاكات السلطات الإسرائيلية ضد النساء.",
        ("ACCUSE", "UN", "ISR"),
        True,
    ),
    (
        "a visit with no host named is hosted by the place visited",
        "واختتم وفد الاتحاد الأوروبي زيارة رسمية في بغداد.",
        ("CONSULT", "EU", "IRQ"),
        True,
    ),
    (
        "a party inside a prepositional phrase is not the subject",
        "واختتم وفد الاتحاد الأوروبي المعني بحقوق الإنسان للشعب الفلسطيني زيارة رسمية إلى الأردن.",
        ("CONSULT", "EU", "JOR"),
        True,
    ),
    (
        "a meeting proposed is an intent",
        "وقال إن الهند اقترحت على باكستان عقد اجتماع لمستشاري الأمن الوطني.",
        ("CONSULT", "IND", "PAK"),
        False,
    ),
    (
        "«دعوة من X إلى Y»: sender and addressee",
        "وسلم الوزير السعودي دعوة من العاهل الأردني إلى الرئيس الروسي لزيارة عمّان.",
        ("AGREE", "JOR", "RUS"),
        True,
    ),
    (
        "another person of the same state after a verb-first subject is the object, not an apposition",
        "طالب رئيس مجلس النواب العراقي سليم الجبوري اليوم رئيس الوزراء حيدر العبادي بإقالة عدد من الوزراء.",
        ("REQUEST", "IRQ", "IRQ"),
        True,
    ),
    (
        "«نأمل أن تخفف إيران»: «we» is the speaker, the state named is asked",
        "وقال وزير الخارجية الأمريكي إن هدفنا تنفيذ الاتفاق بصورة كاملة ونأمل أن تخفف إيران من سلوكها.",
        ("REQUEST", "USA", "IRN"),
        True,
    ),
    (
        "«كاملة» holds no «أمله»",
        "وقال وزير الخارجية الأمريكي إن الاتفاق يعالج بصفة كاملة الهواجس بشأن برنامج إيران.",
        ("REQUEST", "USA", "IRN"),
        False,
    ),
    (
        "«اجتماع ثلاثي ضم X وY وZ»: every two participants met",
        "وعقد اجتماع ثلاثي ضم وزير الخارجية الأمريكي ووزير الخارجية السعودي ووزير خارجية روسيا.",
        ("CONSULT", "RUS", "SAU"),
        True,
    ),
    (
        "a participle after a comma warns whom the clause addressed",
        "ودعا وزير الخارجية الفرنسي السلطات الجزائرية إلى التراجع عن قرارها، محذرا من رد فوري.",
        ("THREATEN", "FRA", "DZA"),
        True,
    ),
    (
        "«حمّل البيان X المسؤولية»: the statement speaks for its issuer",
        "وأصدرت الخارجية الجزائرية بيانا. وحمّل البيان وزير الداخلية الفرنسي المسؤولية الكاملة.",
        ("ACCUSE", "DZA", "FRA"),
        True,
    ),
    (
        "a helped release: captors in the place of captivity released the hostage",
        "وساعدت سلطنة عمان على إطلاق سراح الرهينة الفرنسية التي كانت مختطفة في اليمن.",
        ("RETREAT", "YEM", "FRA"),
        True,
    ),
    (
        "the helper of a release did not hold the hostage",
        "وساعدت سلطنة عمان على إطلاق سراح الرهينة الفرنسية التي كانت مختطفة في اليمن.",
        ("RETREAT", "OMN", "FRA"),
        False,
    ),
    (
        "«بالتنسيق مع الأطراف اليمنية»: cooperation with the Yemeni parties, by the authorities in Oman",
        "أكدت سلطنة عمان دورها. وقال إن الجهات المعنية في السلطنة وبالتنسيق مع بعض الأطراف اليمنية عثرت على الرهينة.",
        ("COOPERATE", "OMN", "YEM"),
        True,
    ),
    (
        "a claim to sovereignty asks no one",
        "وتطالب فيتنام والفلبين بالسيادة على جزر في بحر تسيطر عليه الصين.",
        ("REQUEST", "VNM", "CHN"),
        False,
    ),
    (
        "the accused is not found inside the charge",
        "وتتهم وزارة الخزانة الأمريكية رجلين بدعم متطرفين في باكستان.",
        ("ACCUSE", "USA", "PAK"),
        False,
    ),
    (
        "the accused named before the charge",
        "واتهمت الهند باكستان بالوقوف وراء الهجوم.",
        ("ACCUSE", "IND", "PAK"),
        True,
    ),
    (
        "a helper of an arrest or a transfer is not its agent",
        "وساعدت سلطنة عمان في ترحيل صحافي أمريكي من اليمن.",
        ("COERCE", "OMN", "USA"),
        False,
    ),
    (
        "a verb with an object pronoun: its subject follows it",
        "وأفرجت السلطات عن البحارة البريطانيين الذين احتجزهم الحرس الثوري الإيراني.",
        ("COERCE", "IRN", "GBR"),
        True,
    ),
    (
        "a visitor's companions visit the place with him",
        "وزار الأمين العام للأمم المتحدة القرية الفلسطينية برفقته موظفون من حكومة النرويج وسويسرا، وقال إن الوضع صعب.",
        ("CONSULT", "NOR", "PSE"),
        True,
    ),
    (
        "a visitor's companions are not his hosts",
        "وزار الأمين العام للأمم المتحدة القرية الفلسطينية برفقته موظفون من حكومة النرويج وسويسرا، وقال إن الوضع صعب.",
        ("CONSULT", "NOR", "UN"),
        False,
    ),
    (
        "a protest in a two-sided story with no one named is against the other side",
        "وقال الرئيس الفلسطيني إن الاحتلال يصعد سياساته. وبدأ الأسرى الفلسطينيون إضرابهم عن الطعام منذ خمسة أيام.",
        ("PROTEST", "PSE", "ISR"),
        True,
    ),
    (
        "an adverbial protest is against what «على» names, not by a party inside a phrase",
        "وقال الرئيس الفلسطيني إن الوضع صعب. وارتفع عدد الأسرى في سجون الاحتلال احتجاجا على الممارسات التي "
        "تشنها الحكومة الإسرائيلية.",
        ("PROTEST", "ISR", "PSE"),
        False,
    ),
    (
        "where protesters come from («من حركتي فتح والجهاد») is not whom they protest",
        "وانضم للإضراب أسرى فلسطينيون من حركتي فتح والجهاد الإسلامي.",
        ("PROTEST", "PSE", "PSE"),
        False,
    ),
    (
        "«مقاطعة كورسك» is a province, not a boycott",
        "وشكر الرئيس الروسي كوريا الشمالية على مشاركة جنودها في تحرير مقاطعة كورسك.",
        ("PROTEST", "RUS", "PRK"),
        False,
    ),
    (
        "a city naming a round or treaty («جولة الدوحة») is not its government",
        "وحذرت الصين والهند من أن الاتفاق سيضر بالجهود الرامية إلى إحياء جولة الدوحة.",
        ("THREATEN", "CHN", "QAT"),
        False,
    ),
    (
        "a capital as a subject stands for its government",
        "وأدانت الرياض الهجوم الذي استهدف السفارة الأردنية.",
        ("ACCUSE", "SAU", "JOR"),
        True,
    ),
    (
        "states taking part in negotiations do not negotiate with one another",
        "وتمثل الدول المشاركة في المفاوضات أستراليا وكندا وتشيلي وكولومبيا.",
        ("CONSULT", "AUS", "CAN"),
        False,
    ),
    (
        "«فجر الاثنين» is dawn, not a bombing",
        "ووصل وزير الخارجية الأمريكي، فجر الاثنين، إلى الدوحة.",
        ("ASSAULT", "USA", "QAT"),
        False,
    ),
    (
        "a treaty signed «بين X و Y» is between them",
        "وقال الوزير الأمريكي إن الاجتماع يأتي بعد توقيع الاتفاق النووي بين إيران والدول الكبرى.",
        ("SUPPORT", "USA", "IRN"),
        False,
    ),
    (
        "an attack asked for has not happened",
        "وناشد شيوخ القبائل اليمنية قوات التحالف بتعزيز الضربات الجوية على معاقل الحوثيين.",
        ("ASSAULT", "REG", "YEM"),
        False,
    ),
    (
        "«نرفض» with no speaker known names no subject after it",
        "وكما نرفض رفضا قاطعا التدخلات الإيرانية في شؤون دول المنطقة.",
        ("REJECT", "IRN", "REG"),
        False,
    ),
    (
        "«حلقة» (an episode) is no «حلق» (flew) with a pronoun",
        "وقال إن التفجير الأخير حلقة من سلسلة طويلة للعمليات الإرهابية التي تستهدف السعودية.",
        ("MOBILIZE", "SAU", "SAU"),
        False,
    ),
    (
        "a state in the genitive of an attack noun is where it struck",
        "وكانت الخلية تخطط لهجوم في اليوم الذي وقعت فيه تفجيرات الكويت وتونس.",
        ("ASSAULT", "KWT", "TUN"),
        False,
    ),
    (
        "a meeting «سيتم عقد» is still to come",
        "وقال إنه سيتم عقد اجتماع آخر بين وزير الخارجية الألماني ونظيره البرازيلي في باريس.",
        ("CONSULT", "BRA", "DEU"),
        False,
    ),
    (
        "«وقعت» with nothing signed is «occurred»",
        "وكانت الخلية تخطط لهجوم في اليوم الذي وقعت فيه تفجيرات الكويت وتونس.",
        ("SUPPORT", "KWT", "TUN"),
        False,
    ),
    (
        "«وقعت» with an agreement is signing",
        "ووقعت الكويت وتونس اتفاقية للتعاون الاقتصادي.",
        ("SUPPORT", "KWT", "TUN"),
        True,
    ),
    (
        "fuel subsidies are no support",
        "ويقدر صندوق النقد الدولي ما أنفقته الإمارات على دعم المحروقات بنحو 29 مليار دولار.",
        ("SUPPORT", "ARE", "IMF"),
        False,
    ),
    (
        "congratulations «لرئيس مصر» go to Egypt",
        "وبعث ولي العهد السعودي برقية تهنئة لرئيس جمهورية مصر العربية بمناسبة افتتاح القناة.",
        ("SUPPORT", "SAU", "EGY"),
        True,
    ),
    (
        "a verb ending in «هم» has no pronoun object («اتهم»)",
        "وقال المتحدث إن نائب الرئيس العراقي اتهم المملكة العربية السعودية بدعم الإرهاب.",
        ("ACCUSE", "IRQ", "SAU"),
        True,
    ),
    (
        "«البلدان الأعضاء» are member countries, not the scene's pair",
        "والتقى وزير الخارجية المصري الأمين العام للأمم المتحدة. وأكدت البلدان الأعضاء مواصلة دعمها للصندوق.",
        ("SUPPORT", "EGY", "UN"),
        False,
    ),
    (
        "«لا تساعد على تعزيز العلاقات» promotes nothing",
        "ووصف وزير الخارجية السعودي التصريحات بأنها لا تساعد على تعزيز العلاقات الخليجية العراقية.",
        ("AGREE", "GCC", "SAU"),
        False,
    ),
    (
        "«انسحاب الجيش العراقي»: the genitive withdrew; no one else is the target",
        "وقال إن سيطرة تنظيم داعش على مدينة الموصل كان نتيجة انسحاب الجيش العراقي.",
        ("RETREAT", "SYR", "IRQ"),
        False,
    ),
    (
        "«انسحاب القوات الإماراتية من اليمن»: withdrawing from a state",
        "وأعلن التحالف انسحاب القوات الإماراتية من اليمن.",
        ("RETREAT", "ARE", "YEM"),
        True,
    ),
    (
        "«وناقش الجانبان …، واتفقا على»: the dual verb's subject is the pair named earlier in the sentence",
        "التقى وزير الخارجية الأذربيجاني نظيره الصيني. وناقش الجانبان الاستعدادات الجارية للزيارة، واتفقا على "
        "تكثيف العمل المشترك.",
        ("AGREE", "AZE", "CHN"),
        True,
    ),
    (
        "«الاستعدادات» are preparations, not readiness",
        "وقال وزير الخارجية الصيني إن الاستعدادات الجارية لزيارة الرئيس الأذربيجاني تسير جيدا.",
        ("AGREE", "AZE", "CHN"),
        False,
    ),
    (
        "a meeting of many states is multilateral: its members do not each meet",
        "ويحضر الرئيس الفلسطيني الاجتماع الذي يضم فلسطين والأردن والبحرين وتونس والجزائر.",
        ("CONSULT", "BHR", "JOR"),
        False,
    ),
    (
        "participants of a forum do not meet one another",
        "وتشارك في اجتماع رابطة آسيان الولايات المتحدة وروسيا والصين.",
        ("CONSULT", "ASEAN", "RUS"),
        False,
    ),
]


@pytest.mark.parametrize(("why", "text", "event", "found"), RULES, ids=[r[0] for r in RULES])
def test_coder_rules(why, text, event, found):
    got = events(text)
    symmetric = {(t, *sorted((s, g))) for t, s, g in got}
    assert (
        (event in got) or ((event[0], *sorted(event[1:])) in symmetric and event[0] in ("AGREE", "CONSULT"))
    ) is found


@pytest.mark.parametrize(
    "text",
    ["وارتفع عدد الأسرى احتجاجا", "وزار الأمين العام للأمم المتحدة الفلسطينية برفقته", "وساعدت عمان على إطلاق سراح"],
)
def test_coder_triggers_at_the_very_end_of_a_text(text):
    """A trigger with nothing after it (a cut-off text) codes without error."""
    doc = code_document(Document(id="t", text=text))
    assert doc.id == "t"
