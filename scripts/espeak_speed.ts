/**
 * Median time of the Piper eSpeak front end on 200 characters, after
 * warm-up: `espeakPhonemes()` alone and `planSynthesis()` (phonemes → ids)
 * for English (`en-us`) and German (`de`), with the load average printed
 * beside the figures (the dev machine is shared).
 *
 * Usage: bash scripts/deno.sh run -A scripts/espeak_speed.ts [runs]
 *
 * @module
 */

import { espeakPhonemes, planSynthesis } from "@lipstream/edge/text";
import { createVoice } from "@lipstream/edge/voices";

const EN = "Artificial intelligence is changing the way we live, from voice " +
  "assistants on our phones to cars that drive themselves. Experts believe " +
  "that within ten years, schools and hospitals will offer smarter services " +
  "to everyone.";
const DE = "Künstliche Intelligenz verändert unsere Art zu leben, von " +
  "Sprachassistenten auf unseren Telefonen bis zu Autos, die selbst fahren. " +
  "Experten glauben, dass Schulen und Krankenhäuser in zehn Jahren allen " +
  "klügere Dienste anbieten.";

const CONFIG = JSON.parse(
  await Deno.readTextFile(
    new URL("../tests/fixtures/text/en_piper.onnx.json", import.meta.url),
  ),
);

/**
 * Median milliseconds of `runs` calls after 20 warm-up calls (the
 * WebAssembly tiers up meanwhile).
 */
async function medianMs(
  runs: number,
  call: () => Promise<unknown>,
): Promise<number> {
  for (let i = 0; i < 20; i++) await call();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await call();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[times.length >> 1]!;
}

const runs = Number(Deno.args[0] ?? 31);
for (const [voice, text] of [["en-us", EN], ["de", DE]] as const) {
  const sample = text.slice(0, 200);
  const piper = createVoice(`piper_${voice}`, {
    ...CONFIG,
    espeak: { voice },
  });
  const phonemes = await medianMs(runs, () => espeakPhonemes(sample, voice));
  const plan = await medianMs(
    runs,
    () => planSynthesis(piper, { text: sample }),
  );
  console.log(
    `${voice}, 200 characters, median of ${runs}: espeakPhonemes() ${
      phonemes.toFixed(2)
    } ms, planSynthesis() ${plan.toFixed(2)} ms (load ${
      Deno.loadavg().map((x) => x.toFixed(2)).join(" ")
    })`,
  );
}
