#!/usr/bin/env python3
"""Writes tests/fixtures/text/reference_sentences.json: the corpus sentences
(300 Chinese, 100 English, 100 mixed), composed deterministically from the
phrase lists below (numbers, dates, decimals, punctuation, polyphones,
English letters inside Chinese). scripts/text_reference.py then runs the
reference cleaners over them.

Usage: python3 scripts/text_reference_sentences.py
"""

import json
from pathlib import Path

SUBJECTS = ["我", "你", "他们", "老师", "我的朋友", "银行行长", "这个孩子", "小明", "我们公司", "那位医生",
            "奶奶", "大家"]
TIMES = ["", "今天", "明天早上", "在2024年5月1日", "上个星期", "晚上10点", "每年的3月", "现在", "1998年",
         "刚才", "2月14日"]
PREDICATES = [
    "去银行取了500块钱", "觉得这件事非常重要", "正在睡觉", "长得很快", "喜欢音乐和音乐会", "了解了情况",
    "把书还给了图书馆", "在长城上拍了12张照片", "重新开始工作", "为人民服务", "买了3.5斤苹果",
    "考了98分", "看了一部好电影", "和朋友一起打篮球", "学习人工智能", "说了三遍重要的事情",
    "坐了2个小时的火车", "会说一点英语", "没有时间吃饭", "觉得天气太热了", "给我打了电话",
    "在北京大学读书", "觉得这本书很有意思", "种了很多花", "要去上海出差", "喝了一杯茶", "穿着红色的衣服",
    "听说那个地方很远", "参加了100米比赛", "用手机发了一条消息",
]
ENDINGS = ["。", "！", "？", "，好吗？", "……", "。", "；然后休息了。", "、吃饭、睡觉。"]
LATIN_INSIDE = ["用APP订票", "看了NBA比赛", "喜欢用iPhone", "在KTV唱歌", "学习Python编程"]

ENGLISH = [
    "Hello, how are you today?", "The quick brown fox jumps over the lazy dog.",
    "I have 3 apples and 12 oranges.", "She was born on May 1st, 1998.", "Dr. Smith lives on Baker St.",
    "It costs $5.99 at the store.", "Please read the book again!", "We'll meet at 10 o'clock.",
    "Mr. Brown said hello.", "What a beautiful day it is!", "The weather is nice, isn't it?",
    "I can't believe it's already December.", "They walked 2 miles to school.",
    "The record was read aloud.", "Live music makes me feel alive.", "He bought 100 tickets.",
    "My phone number ends in 42.", "Where did you put the keys?", "Cats and dogs are friends.",
    "This is the 21st century.",
]
ENGLISH_TAILS = ["", " Thank you.", " Really?", " I think so.", " See you later!"]

MIXED = [
    ("我今天很高兴", "Nice to meet you"), ("这是我的电脑", "Hello world"), ("他说", "Good morning"),
    ("请打开", "the window"), ("我们学习", "machine learning"), ("欢迎来到北京", "Welcome to Beijing"),
    ("这个价格是30元", "It is cheap"), ("明天见", "See you tomorrow"), ("我喜欢看", "movies and books"),
    ("谢谢你的帮助", "Thank you very much"),
]
MIXED_ENDS = ["", "。", "！", "？", "，"]


def main():
    chinese = []
    for i in range(300):
        subject = SUBJECTS[i % len(SUBJECTS)]
        time = TIMES[(i // 2) % len(TIMES)]
        predicate = (LATIN_INSIDE[(i // 7) % len(LATIN_INSIDE)] if i % 10 == 9
                     else PREDICATES[(i * 7) % len(PREDICATES)])
        ending = ENDINGS[(i // 3) % len(ENDINGS)]
        chinese.append(f"{subject}{time}{predicate}{ending}")
    english = [f"{ENGLISH[i % len(ENGLISH)]}{ENGLISH_TAILS[(i // len(ENGLISH)) % len(ENGLISH_TAILS)]}"
               for i in range(100)]
    mixed = []
    for i in range(100):
        zh, en = MIXED[i % len(MIXED)]
        end = MIXED_ENDS[(i // len(MIXED)) % len(MIXED_ENDS)]
        mixed.append(f"[ZH]{zh}{end}[ZH][EN]{en}[EN]" if i % 2 == 0 else f"[EN]{en}[EN][ZH]{zh}{end}[ZH]")
    assert len(set(chinese)) >= 250, len(set(chinese))
    sentences = {
        "chinese_cleaners": chinese,
        "cjke_cleaners2": [f"[ZH]{s}[ZH]" for s in chinese] + [f"[EN]{s}[EN]" for s in english] + mixed,
        "zh_ja_mixture_cleaners": [f"[ZH]{s}[ZH]" for s in chinese[:100]],
        "cjks_cleaners": [f"[ZH]{s}[ZH]" for s in chinese[:100]] + [f"[EN]{s}[EN]" for s in english] + mixed,
    }
    out = Path(__file__).resolve().parent.parent / "tests/fixtures/text/reference_sentences.json"
    out.write_text(json.dumps(sentences, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {out}: {len(chinese)} Chinese, {len(english)} English, {len(mixed)} mixed")


if __name__ == "__main__":
    main()
