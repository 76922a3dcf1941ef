/**
 * The worker side of {@linkcode createEspeakNgSynthesizer}: a module run as a
 * Web Worker that loads {@linkcode createEspeakNgEngine} and speaks each
 * request in turn, so eSpeak NG's synchronous synthesis (tens of ms per
 * sentence, hundreds on first use of a voice) holds this thread instead of
 * the one serving HTTP.
 *
 * @module
 */
/// <reference lib="deno.worker" />
import type {
  FromEspeakNgWorker,
  SynthesizeMessage,
} from "./_espeak_ng_protocol.ts";
import { createEspeakNgEngine } from "./espeak_ng_engine.ts";

function reply(message: FromEspeakNgWorker, transfer: ArrayBuffer[] = []) {
  self.postMessage(message, transfer);
}

const engine = createEspeakNgEngine();
engine.then(
  (loaded) => reply({ type: "ready", sampleRateHz: loaded.sampleRateHz }),
  (error) => reply({ type: "load-failed", message: String(error) }),
);

self.onmessage = async (event: MessageEvent<SynthesizeMessage>) => {
  const { id, text, voice, rateWpm, stop } = event.data;
  const stopped = () => stop !== undefined && Atomics.load(stop, 0) !== 0;
  try {
    const loaded = await engine;
    // Cancelled while queued: skip it (the caller has already moved on).
    if (stopped()) return reply({ type: "samples", id, samples: null });
    const samples = loaded.synthesize(text, {
      voice,
      rateWpm,
      shouldStop: stopped,
    }) ?? null;
    reply(
      { type: "samples", id, samples },
      samples === null ? [] : [samples.buffer as ArrayBuffer],
    );
  } catch (error) {
    reply({ type: "error", id, message: String(error) });
  }
};
