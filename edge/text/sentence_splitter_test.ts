import assert from "node:assert/strict";
import { SentenceSplitter, splitSentences } from "./sentence_splitter.ts";

function feedByCharacter(text: string, options = {}): string[] {
  const splitter = new SentenceSplitter(options);
  const out: string[] = [];
  for (const char of text) out.push(...splitter.push(char));
  return [...out, ...splitter.flush()];
}

function feedByChunks(text: string, seed: number, options = {}): string[] {
  const splitter = new SentenceSplitter(options);
  const out: string[] = [];
  let state = seed;
  for (let start = 0; start < text.length;) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const size = 1 + (state % 7);
    out.push(...splitter.push(text.slice(start, start + size)));
    start += size;
  }
  return [...out, ...splitter.flush()];
}

const MIXED =
  "[ZH]你好，世界。今天天气很好！[ZH][EN]Dr. Smith paid $3.14 today. " +
  "Is it fine?[EN] 他说：“走吧。”然后离开了；我们留下。Mr. J. Brown arrived.";

Deno.test("splitSentences() cuts at Chinese and English terminators", () => {
  assert.deepEqual(
    splitSentences("我来了。你好吗？很好！走吧；Yes. No way! Why? Ok;"),
    [
      "我来了。你好吗？",
      "很好！走吧；",
      "Yes. No way!",
      "Why? Ok;",
    ],
  );
});

Deno.test("splitSentences() keeps abbreviations, initials and decimals whole", () => {
  assert.deepEqual(
    splitSentences(
      "Dr. Smith met Mr. J. Brown at 3.14 p.m. today. Pi is 3.14159.",
    ),
    ["Dr. Smith met Mr. J. Brown at 3.14 p.m. today.", "Pi is 3.14159."],
  );
});

Deno.test("splitSentences() keeps closing quotes with their sentence", () => {
  assert.deepEqual(splitSentences("他说：“你好吗？”我说：“很好。”"), [
    "他说：“你好吗？”",
    "我说：“很好。”",
  ]);
  assert.deepEqual(splitSentences('She said "stop." Then left.'), [
    'She said "stop."',
    "Then left.",
  ]);
});

Deno.test("splitSentences() merges sentences shorter than minChars", () => {
  assert.deepEqual(splitSentences("嗯。好的。我们开始吧。", { minChars: 4 }), [
    "嗯。好的。我们开始吧。",
  ]);
  assert.deepEqual(splitSentences("嗯。好的。我们开始吧。", { minChars: 1 }), [
    "嗯。",
    "好的。",
    "我们开始吧。",
  ]);
});

Deno.test("splitSentences() cuts long sentences at a comma, then a space, then maxChars", () => {
  const pieces = splitSentences("一二三四五，六七八九十，甲乙丙丁戊。", {
    maxChars: 12,
  });
  assert.deepEqual(pieces, ["一二三四五，六七八九十，", "甲乙丙丁戊。"]);
  assert.deepEqual(
    splitSentences("one two three four five six", { maxChars: 10 }),
    ["one two", "three four", "five six"],
  );
  assert.deepEqual(splitSentences("一二三四五六七八九十", { maxChars: 4 }), [
    "一二三四",
    "五六七八",
    "九十",
  ]);
});

Deno.test("splitSentences() cuts a long first sentence at its last pause before firstMaxChars, and only the first", () => {
  const long =
    "Good morning, and welcome to the demonstration, where a voice speaks while a face moves.";
  const text = `${long} ${long}`;
  assert.deepEqual(splitSentences(text), [
    "Good morning,",
    "and welcome to the demonstration, where a voice speaks while a face moves.",
    long,
  ]);
  // The cut is at the last pause before the limit.
  assert.equal(
    splitSentences(long, { firstMaxChars: 50 })[0],
    "Good morning, and welcome to the demonstration,",
  );
  // 0 turns it off; a short first sentence is never cut.
  assert.deepEqual(splitSentences(text, { firstMaxChars: 0 }), [long, long]);
  assert.deepEqual(splitSentences("Hello, world. Bye."), [
    "Hello, world.",
    "Bye.",
  ]);
  // Chinese pauses too.
  assert.deepEqual(
    splitSentences(
      "今天天气很好，我们一起去公园散步吧，然后去河边看看那些刚刚开出来的花，好不好？",
      {
        firstMaxChars: 20,
      },
    ),
    [
      "今天天气很好，我们一起去公园散步吧，",
      "然后去河边看看那些刚刚开出来的花，好不好？",
    ],
  );
});

Deno.test("splitSentences() keeps a long first sentence whole when it has no pause, or only a too-short head", () => {
  const plain =
    "This sentence has no pause marks at all and runs well past forty characters.";
  assert.deepEqual(splitSentences(plain), [plain]);
  const head =
    "Hi, this sentence has its only pause mark after a head too short to speak alone.";
  assert.deepEqual(splitSentences(head), [head]);
});

Deno.test("splitSentences() does not cut at a thousands separator", () => {
  assert.deepEqual(
    splitSentences("We sold 1,000,000 copies, then more", { maxChars: 26 }),
    ["We sold 1,000,000 copies,", "then more"],
  );
});

Deno.test("splitSentences() balances language marks across pieces", () => {
  assert.deepEqual(
    splitSentences(
      "[ZH]你好你好。再见再见！[ZH][EN]Hello there. Nice day.[EN]",
    ),
    [
      "[ZH]你好你好。[ZH]",
      "[ZH]再见再见！[ZH]",
      "[EN]Hello there.[EN]",
      "[EN]Nice day.[EN]",
    ],
  );
});

Deno.test("splitSentences() balances marks at a maxChars cut", () => {
  assert.deepEqual(
    splitSentences("[ZH]一二三四五六七八[ZH]", { maxChars: 4 }),
    [
      "[ZH]一二三四[ZH]",
      "[ZH]五六七八[ZH]",
    ],
  );
});

Deno.test("splitSentences() returns one piece for text with no punctuation", () => {
  assert.deepEqual(splitSentences("hello world without an ending"), [
    "hello world without an ending",
  ]);
});

Deno.test("splitSentences() returns nothing for punctuation, spaces or emoji only", () => {
  assert.deepEqual(splitSentences("。。。！！？？...!!"), []);
  assert.deepEqual(splitSentences("   \n\t "), []);
  assert.deepEqual(splitSentences("😀🎉👍。"), []);
  assert.deepEqual(splitSentences(""), []);
  assert.deepEqual(splitSentences("[ZH][ZH]"), []);
});

Deno.test("splitSentences() keeps emoji inside sentences and never splits a surrogate pair", () => {
  assert.deepEqual(splitSentences("你好😀朋友。再见👋朋友！"), [
    "你好😀朋友。",
    "再见👋朋友！",
  ]);
  const pieces = splitSentences("😀".repeat(3) + "好".repeat(6), {
    maxChars: 4,
  });
  assert.deepEqual(pieces, ["😀😀😀好", "好好好好", "好"]);
});

Deno.test("splitSentences() bounds every piece of a 2,000-character text", () => {
  const text = "这是一段没有句号的长文本，".repeat(130) + "abc def ".repeat(50);
  assert.ok(text.length >= 2000);
  const pieces = splitSentences(text, { maxChars: 60 });
  for (const piece of pieces) assert.ok([...piece].length <= 60, piece);
  assert.equal(pieces.join("").replace(/\s/g, ""), text.replace(/\s/g, ""));
});

Deno.test("SentenceSplitter fed one character at a time equals splitSentences()", () => {
  for (const options of [{}, { minChars: 1, maxChars: 12 }]) {
    assert.deepEqual(
      feedByCharacter(MIXED, options),
      splitSentences(MIXED, options),
    );
  }
  const long = "这是一段没有句号的长文本，".repeat(160);
  assert.deepEqual(feedByCharacter(long), splitSentences(long));
  const first =
    "Good morning, and welcome to the demonstration, where a voice speaks. Then more, and more, and more text follows here.";
  assert.deepEqual(feedByCharacter(first), splitSentences(first));
});

Deno.test("SentenceSplitter fed random chunks equals splitSentences()", () => {
  for (let seed = 1; seed <= 20; seed++) {
    assert.deepEqual(
      feedByChunks(MIXED, seed, { minChars: 2 }),
      splitSentences(MIXED, { minChars: 2 }),
    );
  }
});

Deno.test("SentenceSplitter emits a sentence once the next character arrives", () => {
  const splitter = new SentenceSplitter();
  assert.deepEqual(splitter.push("今天天气很好"), []);
  assert.deepEqual(splitter.push("。"), []);
  assert.deepEqual(splitter.push("我"), ["今天天气很好。"]);
  assert.deepEqual(splitter.push("们走吧"), []);
  assert.deepEqual(splitter.flush(), ["我们走吧"]);
  assert.deepEqual(splitter.flush(), []);
});

Deno.test("SentenceSplitter waits on a partial language mark", () => {
  const splitter = new SentenceSplitter({ minChars: 1 });
  assert.deepEqual(splitter.push("[ZH]你好。[Z"), []);
  assert.deepEqual(splitter.push("H]"), ["[ZH]你好。[ZH]"]);
  assert.deepEqual(splitter.flush(), []);
});

Deno.test("SentenceSplitter rejects bad limits", () => {
  assert.throws(() => new SentenceSplitter({ maxChars: 1 }), RangeError);
  assert.throws(() => new SentenceSplitter({ minChars: -1 }), RangeError);
  assert.throws(
    () => new SentenceSplitter({ minChars: 10, maxChars: 5 }),
    RangeError,
  );
  assert.throws(() => new SentenceSplitter({ firstMaxChars: -1 }), RangeError);
  assert.throws(() => new SentenceSplitter({ firstMaxChars: 2.5 }), RangeError);
});
