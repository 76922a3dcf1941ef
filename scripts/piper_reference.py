#!/usr/bin/env python3
"""Writes tests/fixtures/text/piper_corpus.json: for 100 sentences per language
(en-us, de, fr, es, cmn), the phonemes and ids Piper's own phonemizer
produces (piper-phonemize 1.1.0: espeak-ng as Piper builds it, with Piper's
default phoneme id map), so a Deno test can compare ours without Python;
and tests/fixtures/text/piper_punctuation.json: Piper's phonemes for short
texts probing its clause punctuation (runs of marks, dashes, ellipses, quotes,
the opening ¿ ¡); and tests/fixtures/text/piper_languages.json: its phonemes
for a few sentences in 31 of eSpeak's languages.

The sentences are composed here from short phrase lists (numbers, names,
punctuation), not taken from any other project.

Environment: bash scripts/text_reference_env.sh (installs piper-phonemize)
Usage: .tools/venv-textref/bin/python scripts/piper_reference.py
"""

import json
from pathlib import Path

import piper_phonemize

PHRASES = {
    "en-us": (
        ["The teacher", "My neighbor", "A small dog", "Our team", "The old man", "Every child", "Dr. Lee",
         "The train", "Her brother", "This company"],
        ["arrived at 7 o'clock.", "bought 12 apples yesterday!", "is reading a long book.",
         "won the game, didn't they?", "lives on Main Street.", "likes music and dancing.",
         "was born in 1985.", "will call you tomorrow.", "paid $20 for lunch.", "can't find the keys?"],
    ),
    "de": (
        ["Der Lehrer", "Meine Nachbarin", "Ein kleiner Hund", "Unser Team", "Der alte Mann", "Jedes Kind",
         "Frau Müller", "Der Zug", "Ihr Bruder", "Diese Firma"],
        ["kam um 7 Uhr an.", "kaufte gestern 12 Äpfel!", "liest ein langes Buch.",
         "hat das Spiel gewonnen, oder?", "wohnt in der Hauptstraße.", "mag Musik und Tanz.",
         "wurde 1985 geboren.", "ruft dich morgen an.", "zahlte 20 Euro für das Essen.", "findet die Schlüssel nicht?"],
    ),
    "fr": (
        ["Le professeur", "Ma voisine", "Un petit chien", "Notre équipe", "Le vieil homme", "Chaque enfant",
         "Madame Dubois", "Le train", "Son frère", "Cette entreprise"],
        ["est arrivé à 7 heures.", "a acheté 12 pommes hier !", "lit un long livre.",
         "a gagné le match, n'est-ce pas ?", "habite rue de la Paix.", "aime la musique et la danse.",
         "est né en 1985.", "t'appellera demain.", "a payé 20 euros le déjeuner.", "ne trouve pas les clés ?"],
    ),
    "es": (
        ["El profesor", "Mi vecina", "Un perro pequeño", "Nuestro equipo", "El hombre mayor", "Cada niño",
         "La señora García", "El tren", "Su hermano", "Esta empresa"],
        ["llegó a las 7 en punto.", "compró 12 manzanas ayer!", "está leyendo un libro largo.",
         "ganó el partido, ¿verdad?", "vive en la calle Mayor.", "le gusta la música y el baile.",
         "nació en 1985.", "te llamará mañana.", "pagó 20 euros por la comida.", "¿no encuentra las llaves?"],
    ),
    "cmn": (
        ["老师", "我的邻居", "一只小狗", "我们的团队", "那位老人", "每个孩子", "李医生", "火车", "她的哥哥", "这家公司"],
        ["七点到了。", "昨天买了12个苹果！", "正在看一本很长的书。", "赢了比赛，对吗？", "住在中山路。",
         "喜欢音乐和跳舞。", "出生于1985年。", "明天会给你打电话。", "午饭花了20块钱。", "找不到钥匙了吗？"],
    ),
}

PUNCTUATION = [
    ("es", "Hola ¿qué tal?"),
    ("es", "Hola, ¿qué tal?"),
    ("es", "¿Qué tal?"),
    ("es", "Hola ¡qué bien!"),
    ("es", "Hola. ¿Qué tal?"),
    ("es", "¿Qué tal? Bien."),
    ("es", "Dijo «hola» y se fue."),
    ("en-us", "Hello... world."),
    ("en-us", "Hello — world."),
    ("en-us", "He said \"hi\" to me."),
    ("en-us", "A; b: c."),
    ("en-us", "Hello (world) there."),
    ("en-us", "What?! Really!!"),
    ("en-us", "Wait… what"),
    ("en-us", "One, two, three"),
    ("en-us", "Hello , world"),
    ("en-us", "He said “hi” to me."),
    ("de", "Hallo – Welt."),
    ("fr", "Bonjour ! Ça va ?"),
    ("fr", "« Bonjour », dit-il."),
    ("en-us", "Hi!Bye."),
    ("en-us", "3.14 and 1,000."),
    ("en-us", "The end"),
    ("es", "¡Hola!"),
    ("es", "Sí ¿no?"),
    ("es", "tren ¿no encuentra?"),
    ("en-us", "Go - now."),
    ("en-us", "e.g. this"),
    ("en-us", "Mr. Smith went."),
    ("en-us", "Hello.. world"),
    ("en-us", "Hello.... world"),
    ("en-us", "Hello!? world"),
    ("en-us", "Hello,, world"),
    ("en-us", "Hello ,. world"),
    ("en-us", "Hello -- world"),
    ("en-us", "a—b"),
    ("en-us", "a – b"),
    ("en-us", "He said \"hi.\" Then left."),
    ("en-us", "Wait... What?"),
    ("en-us", "Wait…. what"),
    ("en-us", "Hello?, world"),
    ("en-us", "Hello:; world"),
    ("es", "¿¡Qué!?"),
    ("es", "Bien ¿y tú? ¡Genial!"),
    ("es", "Bien... ¿y tú?"),
    ("en-us", "One; two: three, four."),
    ("en-us", "Yes — no — maybe."),
    ("en-us", "“Hello,” she said."),
    ("en-us", "Hello;world"),
    ("en-us", "Hello,world"),
    ("en-us", "Hello.World"),
    ("en-us", "Hello?World"),
    ("en-us", "The year 1985."),
    ("en-us", "It costs $20, right?"),
    ("de", "Ja… nein."),
    ("fr", "Oui… non."),
    ("en-us", "Hello ... world"),
    ("en-us", "Ok ¿what"),
    ("en-us", "Hi ! there"),
    ("fa", "سلام، دنیا؟ خوب؛ بله."),
    ("ar", "مرحبا، كيف حالك؟ جيد؛ نعم."),
    ("ne", "रेल आयो। अब जाऊँ?"),
    ("hy", "Բարեւ։ Ինչպես ես"),
    ("el", "Τι κάνεις; Καλά."),
    ("el", "Τι κάνεις\u037e Καλά."),  # U+037E: Greek question mark
    ("ur", "ٹرین آئی۔ اب چلیں"),
    ("hi", "ट्रेन आई। अब चलें"),
]

LANGUAGES = [
    ("it", "Il treno è arrivato alle sette, ma nessuno era alla stazione."),
    ("it", "Quanto costa questo libro? Ventidue euro."),
    ("pt-br", "O menino comprou doze maçãs ontem à tarde."),
    ("pt-br", "Você já leu esse livro? É muito bom!"),
    ("nl", "De trein kwam om zeven uur aan, maar niemand wachtte."),
    ("nl", "Hoeveel kost dit boek? Tweeëntwintig euro."),
    ("pl", "Pociąg przyjechał o siódmej, ale nikt nie czekał."),
    ("pl", "Ile kosztuje ta książka? Dwadzieścia złotych."),
    ("ru", "Поезд прибыл в семь часов, но никто не ждал."),
    ("ru", "Сколько стоит эта книга? Двадцать рублей."),
    ("uk", "Потяг прибув о сьомій годині, але ніхто не чекав."),
    ("cs", "Vlak přijel v sedm hodin, ale nikdo nečekal."),
    ("sv", "Tåget kom klockan sju, men ingen väntade."),
    ("fi", "Juna saapui kello seitsemän, mutta kukaan ei odottanut."),
    ("tr", "Tren saat yedide geldi, ama kimse beklemiyordu."),
    ("vi", "Tàu đến lúc bảy giờ, nhưng không ai chờ."),
    ("el", "Το τρένο έφτασε στις επτά, αλλά κανείς δεν περίμενε."),
    ("hu", "A vonat hét órakor érkezett, de senki sem várt."),
    ("ca", "El tren va arribar a les set, però ningú no esperava."),
    ("da", "Toget kom klokken syv, men ingen ventede."),
    ("nb", "Toget kom klokken sju, men ingen ventet."),
    ("sk", "Vlak prišiel o siedmej, ale nikto nečakal."),
    ("sr", "Voz je stigao u sedam sati, ali niko nije čekao."),
    ("ro", "Trenul a sosit la ora șapte, dar nimeni nu aștepta."),
    ("kk", "Пойыз сағат жетіде келді, бірақ ешкім күтпеді."),
    ("ka", "მატარებელი შვიდ საათზე ჩამოვიდა."),
    ("sw", "Treni ilifika saa moja, lakini hakuna aliyesubiri."),
    ("is", "Lestin kom klukkan sjö, en enginn beið."),
    ("lb", "Den Zuch ass um siwen Auer ukomm."),
    ("ne", "रेल सात बजे आइपुग्यो।"),
    ("fa", "قطار ساعت هفت رسید، اما هیچ کس منتظر نبود."),
    ("de", "Die Würde des Menschen ist unantastbar. Sie zu achten und zu schützen ist Verpflichtung aller staatlichen Gewalt."),
    ("de", "Hürden, Stürme und Wurst: Geburtstag im Juli, Kurs gewonnen!"),
    ("de", "Fünfundzwanzig Schüler übten Hochsprung über die Hürde."),
    ("fr", "Les élèves ont répondu aux questions pendant vingt-trois minutes."),
    ("es", "Los niños jugaban en el parque mientras llovía sin parar."),
    ("en-us", "The quick brown fox jumps over the lazy dog near the riverbank."),
    ("cmn", "我们明天早上八点在学校门口见面。"),
    ("fr", "Quatre-vingt-dix-neuf bouteilles de vin rouge, s'il vous plaît."),
    ("es", "¿Cuántos años tiene tu abuela? Noventa y dos."),
    ("it", "Gli gnocchi sono già pronti; buon appetito!"),
    ("ru", "Съешь же ещё этих мягких французских булок, да выпей чаю."),
    ("pl", "Zażółć gęślą jaźń, powiedział szybko."),
    ("nl", "Het meisje fietste snel naar school, want ze was laat."),
    ("pt-br", "A exceção confirma a regra, dizem os antigos."),
]


def write_phonemes(path, texts):
    cases = []
    for voice, text in texts:
        sentences = piper_phonemize.phonemize_espeak(text, voice)
        cases.append({"voice": voice, "text": text, "phonemes": ["".join(sentence) for sentence in sentences]})
    lines = [json.dumps(case, ensure_ascii=False, separators=(",", ":")) for case in cases]
    with open(path, "w", encoding="utf-8") as file:
        file.write('{"generator":"scripts/piper_reference.py","reference":"piper-phonemize 1.1.0","cases":[\n')
        file.write(",\n".join(lines) + "\n]}\n")
    print(f"wrote {len(cases)} cases to {path}")


def main():
    cases = []
    for voice, (subjects, predicates) in PHRASES.items():
        for i, subject in enumerate(subjects):
            for j, predicate in enumerate(predicates):
                sep = "" if voice == "cmn" else " "
                text = f"{subject}{sep}{predicates[(i + j) % len(predicates)]}"
                sentences = piper_phonemize.phonemize_espeak(text, voice)
                phonemes = ["".join(sentence) for sentence in sentences]
                ids = [piper_phonemize.phoneme_ids_espeak(sentence) for sentence in sentences]
                cases.append({"voice": voice, "text": text, "phonemes": phonemes, "ids": ids})
    out = Path(__file__).resolve().parent.parent / "tests/fixtures/text/piper_corpus.json"
    head = {"generator": "scripts/piper_reference.py", "reference": "piper-phonemize 1.1.0",
            "phoneme_id_map": piper_phonemize.get_espeak_map()}
    lines = [json.dumps(case, ensure_ascii=False, separators=(",", ":")) for case in cases]
    with open(out, "w", encoding="utf-8") as file:
        file.write(json.dumps(head, ensure_ascii=False, separators=(",", ":"))[:-1])
        file.write(',"cases":[\n' + ",\n".join(lines) + "\n]}\n")
    print(f"wrote {len(cases)} cases to {out}")
    write_phonemes(out.parent / "piper_punctuation.json", PUNCTUATION)
    write_phonemes(out.parent / "piper_languages.json", LANGUAGES)


if __name__ == "__main__":
    main()
