#!/usr/bin/env python3
"""Writes tests/fixtures/text/reference_sentences_korean.json: Korean sentences for
korean_cleaners (greetings, compound vowels and final clusters, Latin letters,
punctuation, numbers before native-numeral classifiers and Sino-Korean words,
commas in numbers, zeros, digits with no Hangul after them). Deterministic; the
reference ids come from scripts/text_reference.py (see edge/text/CONFORMANCE.md).

Usage: python3 scripts/text_reference_korean_sentences.py
"""

import json
import random

SENTENCES = [
    "안녕하세요.",
    "만나서 반갑습니다!",
    "오늘 날씨가 정말 좋네요",
    "지금 몇 시예요?",
    "저는 학생입니다.",
    "감사합니다, 또 만나요~",
    "닭고기와 삶은 계란을 샀어요.",
    "값이 너무 비싸요…",
    "읽고, 쓰고, 말하기를 연습해요.",
    "괜찮아요? 네, 괜찮아요!",
    "의사 선생님께 여쭤 보세요.",
    "외국어 공부는 재미있어요",
    "뭐 해요? 쉬고 있어요.",
    "흙이 묻은 신발을 닦았어요",
    "앉으세요, 많이 드세요.",
    "없어요. 정말 없어요?",
    "훨씬 더 빨리 왔어요!",
    "예쁜 꽃이 피었네요",
    "서울에서 부산까지 기차로 가요.",
    "한국어를 배우고 싶어요.",
    "TV를 보면서 밥을 먹어요.",
    "KTX 타고 가요",
    "USB에 파일을 저장하세요.",
    "Wi-Fi 비밀번호가 뭐예요?",
    "AI 기술이 발전하고 있어요.",
    "OK, 알겠어요!",
    "BTS 노래를 좋아해요",
    "이메일은 abc@test.com이에요.",
    "사과 3개 주세요.",
    "고양이 2마리가 있어요.",
    "저는 20살이에요.",
    "25살 생일 축하해요!",
    "3번 출구로 나오세요.",
    "1시 30분에 만나요.",
    "책 5권을 샀어요.",
    "연필 12자루가 있어요",
    "3월 1일은 공휴일이에요.",
    "2024년에 한국에 왔어요.",
    "1,000원만 주세요.",
    "가격은 15,000원입니다.",
    "100명이 왔어요.",
    "10층에 살아요.",
    "전화번호는 010-1234-5678이에요.",
    "3.14는 원주율이에요.",
    "온도는 25.5도예요.",
    "0개 남았어요.",
    "학생 30명과 선생님 2분",
    "1,234,567원",
    "100000000원을 벌었어요.",
    "7번째 줄에 앉으세요",
    "9시 뉴스를 봐요.",
    "맥주 4병하고 소주 2병이요.",
    "나무 3그루를 심었어요.",
    "신발 2켤레",
    "11개 1개",
    "5 개",
    "영화가 2시간 동안 해요.",
    "우리 집은 3대가 같이 살아요.",
    "아, 그래요?",
    "음… 잘 모르겠어요.",
    "ㅋㅋㅋ",
    "ㅎㅎ 좋아요",
    "한글 자모 ㄱ ㄴ ㄷ",
    "끝",
    "빨리빨리!",
    "Ǩ와 İ와 ſ와 K",
    "첫째 줄\n둘째 줄",
    "마지막 줄은 자음으로 끝나요 ㄱ\n",
    "줄바꿈 뒤\n",
]

CLASSIFIERS = ["개", "살", "마리", "번", "시", "권", "명", "원", "월", "년", "층", "잔", "대", "통"]


def number_cases():
    rng = random.Random(20261203)
    numbers = [0, 1, 2, 10, 11, 19, 20, 21, 99, 100, 101, 110, 999, 1000, 1001, 1010, 10000, 10001, 100000,
               110000, 1000000, 10000000, 100000000, 100000001, 1000000000000, 12345678901234]
    numbers += [rng.randrange(1, 10 ** rng.randrange(1, 13)) for _ in range(40)]
    cases = []
    for i, n in enumerate(numbers):
        classifier = CLASSIFIERS[i % len(CLASSIFIERS)]
        written = f"{n:,}" if i % 3 == 0 else str(n)
        cases.append(f"{written}{classifier} 있어요.")
    return cases


def main():
    out = "tests/fixtures/text/reference_sentences_korean.json"
    with open(out, "w", encoding="utf-8") as file:
        json.dump({"korean_cleaners": SENTENCES + number_cases()}, file, ensure_ascii=False, indent=1)
        file.write("\n")
    print(f"wrote {len(SENTENCES) + len(number_cases())} sentences to {out}")


if __name__ == "__main__":
    main()
