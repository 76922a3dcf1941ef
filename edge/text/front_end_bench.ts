/**
 * Front-end time for a 200-character Chinese and English text (goal ≤ 5 ms
 * after warm-up): cjke_cleaners2 Chinese, cjke_cleaners2 English (CMU) and a
 * Piper voice (eSpeak NG WebAssembly): English (eSpeak NG 1.51's data from
 * `phonemizer` in the full build) and German (the full build's own data, the
 * English fixture's config with `espeak.voice: "de"`). Medians:
 * `scripts/espeak_speed.ts`.
 */
import { createVoice } from "@lipstream/edge/voices";
import { planSynthesis, splitSentences } from "@lipstream/edge/text";

const FIXTURES = new URL("../../tests/fixtures/text/", import.meta.url);
const CJKE = createVoice(
  "uma",
  JSON.parse(await Deno.readTextFile(new URL("cjke_config.json", FIXTURES))),
);
const PIPER = createVoice(
  "amy",
  JSON.parse(await Deno.readTextFile(new URL("en_piper.onnx.json", FIXTURES))),
);

const PIPER_CONFIG = JSON.parse(
  await Deno.readTextFile(new URL("en_piper.onnx.json", FIXTURES)),
);
const PIPER_DE = createVoice("thorsten", {
  ...PIPER_CONFIG,
  espeak: { voice: "de" },
  language: { code: "de_DE" },
});

const ZH =
  "人工智能正在深刻地改变我们的生活方式，从手机上的语音助手到城市里的自动驾驶汽车，" +
  "新技术让许多过去难以想象的事情成为现实。专家认为，未来十年内，教育、医疗和交通等领域" +
  "都将迎来更加智能的服务，而普通人也需要不断学习，才能适应这个快速变化的时代。我们应当" +
  "以开放的心态拥抱变化，同时认真思考技术带来的伦理问题，确保每个人都能公平地享受科技进步的成果。";
const EN =
  "Artificial intelligence is changing the way we live, from voice assistants on " +
  "our phones to cars that drive themselves. Experts believe that within ten years, " +
  "schools and hospitals will offer smarter services to everyone.";
const DE =
  "Künstliche Intelligenz verändert unsere Art zu leben, von Sprachassistenten " +
  "auf unseren Telefonen bis zu Autos, die selbst fahren. Experten glauben, dass " +
  "Schulen und Krankenhäuser in zehn Jahren allen klügere Dienste anbieten.";
const DE_200 = DE.slice(0, 200);
const ZH_200 = [...ZH].slice(0, 200).join("");
const EN_200 = EN.slice(0, 200);

Deno.bench(
  "planSynthesis() cjke_cleaners2 Chinese, 200 characters",
  async () => {
    await planSynthesis(CJKE, { text: ZH_200, language: "zh" });
  },
);

Deno.bench(
  "planSynthesis() cjke_cleaners2 English (CMU), 200 characters",
  async () => {
    await planSynthesis(CJKE, { text: EN_200, language: "en" });
  },
);

Deno.bench(
  "planSynthesis() Piper eSpeak NG (WebAssembly), 200 characters",
  async () => {
    await planSynthesis(PIPER, { text: EN_200 });
  },
);

Deno.bench(
  "planSynthesis() Piper eSpeak NG full build (de), 200 characters",
  async () => {
    await planSynthesis(PIPER_DE, { text: DE_200 });
  },
);

Deno.bench("splitSentences() 200 Chinese characters", () => {
  splitSentences(ZH_200);
});
