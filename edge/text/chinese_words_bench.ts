/**
 * `deno task bench edge/text/chinese_words_bench.ts`: Chinese word
 * segmentation, jieba-wasm (jieba's dictionary, what the front end uses)
 * against the runtime's Intl.Segmenter (ICU, the previous segmenter), on a
 * 200-character paragraph.
 */
import { jiebaWords } from "./chinese_words.ts";

const TEXT = (
  "今天天气很好，我们去公园散步吧。北京大学的学生正在图书馆里学习人工智能。" +
  "银行行长说，明年的经济增长率可能会达到百分之五。他跑得非常快，像一阵风。" +
  "请把窗户关上，外面下雨了。重要的事情说三遍。这本书非常有意思，值得一读。"
).repeat(2).slice(0, 200);
const ICU = new Intl.Segmenter("zh", { granularity: "word" });
jiebaWords(TEXT); // load the dictionary once

Deno.bench(
  "segment 200 chars: jieba-wasm",
  { group: "zh", baseline: true },
  () => {
    jiebaWords(TEXT);
  },
);
Deno.bench("segment 200 chars: Intl.Segmenter", { group: "zh" }, () => {
  for (const _ of ICU.segment(TEXT));
});
