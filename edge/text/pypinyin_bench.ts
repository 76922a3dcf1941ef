/**
 * `deno bench -A edge/text/pypinyin_bench.ts`: pypinyin's `lazy_pinyin`
 * port on a 200-character paragraph, alone and inside `chineseToIpa` (jieba
 * words, then `lazyPinyin` per word, then IPA). Prints the first call, which
 * parses the dictionary data.
 */
import { chineseToIpa, lazyPinyin } from "@lipstream/edge/text";

const TEXT =
  "人工智能正在深刻地改变我们的生活方式，从手机上的语音助手到城市里的自动驾驶汽车，" +
  "新技术让许多过去难以想象的事情成为现实。专家认为，未来十年内，教育、医疗和交通等领域" +
  "都将迎来更加智能的服务，而普通人也需要不断学习，才能适应这个快速变化的时代。我们应当" +
  "以开放的心态拥抱变化，同时认真思考技术带来的伦理问题，确保每个人都能公平地享受科技进步的成果。";
const TEXT_200 = [...TEXT].slice(0, 200).join("");

const started = performance.now();
lazyPinyin("中", "bopomofo");
console.log(
  `lazyPinyin() first call (parses the dictionary): ${
    (performance.now() - started).toFixed(1)
  } ms`,
);
chineseToIpa(TEXT_200); // load jieba's dictionary once

Deno.bench("lazyPinyin() bopomofo, 200 characters", () => {
  lazyPinyin(TEXT_200, "bopomofo");
});
Deno.bench("chineseToIpa(), 200 characters", () => {
  chineseToIpa(TEXT_200);
});
