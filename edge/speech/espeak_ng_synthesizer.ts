/**
 * eSpeak NG synthesis off the caller's thread: each call goes to one Web
 * Worker (`espeak_ng_worker.ts`) that runs {@linkcode createEspeakNgEngine},
 * one call at a time. Measured on the 2-core dev machine while it was heavily
 * loaded (load average 14, `espeak_ng_bench.ts`): 52–184 ms for a 6-word
 * phrase, 74 ms–1.2 s for a 20-word sentence; 20–45 ms per sentence in quieter
 * moments, and 200–500 ms for a voice's first sentence. Far more than the
 * thread serving HTTP and writing frames can give away.
 *
 * Cancellation: an aborted signal rejects the call at once and raises a flag
 * in shared memory that the worker polls between eSpeak's buffers, so a
 * running sentence stops early and a queued one never starts.
 *
 * @module
 */

import { defined, InferenceError } from "@lipstream/shared";
import type {
  FromEspeakNgWorker,
  SynthesizeMessage,
} from "./_espeak_ng_protocol.ts";

/** The sample rate of the eSpeak NG build (`get_samplerate()`). */
export const ESPEAK_SAMPLE_RATE_HZ = 22050;

/** One call of {@linkcode EspeakNgSynthesizer.synthesize}. */
export interface EspeakNgCallOptions {
  /** An eSpeak NG voice name (`en-us`, `de`, `cmn`). */
  voice: string;
  /** Words per minute (eSpeak clamps to 80–450). */
  rateWpm: number;
  /** Aborts the call. */
  signal: AbortSignal;
}

/** eSpeak NG on a worker thread. */
export interface EspeakNgSynthesizer {
  /**
   * Speaks `text`: Int16 mono samples at {@linkcode ESPEAK_SAMPLE_RATE_HZ},
   * or `undefined` when eSpeak NG has no such voice.
   */
  synthesize(
    text: string,
    options: EspeakNgCallOptions,
  ): Promise<Int16Array | undefined>;
  /** Ends the worker; calls in flight reject, a later call starts a new one. */
  close(): void;
}

/** Options of {@linkcode createEspeakNgSynthesizer}. */
export interface EspeakNgSynthesizerOptions {
  /** The worker module. @default {"./espeak_ng_worker.ts"} */
  workerModule?: URL;
}

interface Pending {
  resolve(samples: Int16Array | undefined): void;
  reject(error: Error): void;
}

function unavailable(detail: string): InferenceError {
  return new InferenceError(
    "unavailable",
    `The eSpeak NG worker failed: ${detail}`,
  );
}

/**
 * Creates the synthesizer; its worker starts on the first call.
 *
 * @example
 * ```ts
 * import { createEspeakNgSynthesizer } from "./espeak_ng_synthesizer.ts";
 * import assert from "node:assert/strict";
 *
 * const espeak = createEspeakNgSynthesizer();
 * try {
 *   const samples = await espeak.synthesize("Hello there.", {
 *     voice: "en-us",
 *     rateWpm: 175,
 *     signal: AbortSignal.timeout(30_000),
 *   });
 *   assert.ok(samples !== undefined && samples.length > 0.5 * 22050);
 * } finally {
 *   espeak.close();
 * }
 * ```
 *
 * @param options The worker module.
 * @returns The synthesizer.
 */
export function createEspeakNgSynthesizer(
  options: EspeakNgSynthesizerOptions = {},
): EspeakNgSynthesizer {
  const module = options.workerModule ??
    new URL("./espeak_ng_worker.ts", import.meta.url);
  const pending = new Map<number, Pending>();
  let worker: Worker | undefined;
  let nextId = 0;

  function failAll(error: Error) {
    for (const call of pending.values()) call.reject(error);
    pending.clear();
  }

  function stop() {
    worker?.terminate();
    worker = undefined;
  }

  function start(): Worker {
    const started = new Worker(module.href, { type: "module" });
    started.onmessage = (event: MessageEvent<FromEspeakNgWorker>) => {
      const message = event.data;
      if (message.type === "load-failed") {
        stop();
        failAll(unavailable(message.message));
      } else if (message.type === "samples") {
        pending.get(message.id)?.resolve(message.samples ?? undefined);
        pending.delete(message.id);
      } else if (message.type === "error") {
        pending.get(message.id)?.reject(unavailable(message.message));
        pending.delete(message.id);
      }
    };
    started.onerror = (event) => {
      event.preventDefault();
      stop();
      failAll(unavailable(event.message));
    };
    return started;
  }

  return {
    synthesize(text, { voice, rateWpm, signal }) {
      signal.throwIfAborted();
      worker ??= start();
      const id = nextId++;
      const stopFlag = typeof SharedArrayBuffer === "function"
        ? new Int32Array(new SharedArrayBuffer(4))
        : undefined;
      return new Promise<Int16Array | undefined>((resolve, reject) => {
        const onAbort = () => {
          if (stopFlag !== undefined) Atomics.store(stopFlag, 0, 1);
          pending.delete(id);
          reject(signal.reason);
        };
        signal.addEventListener("abort", onAbort, { once: true });
        const done = () => signal.removeEventListener("abort", onAbort);
        pending.set(id, {
          resolve: (samples) => (done(), resolve(samples)),
          reject: (error) => (done(), reject(error)),
        });
        worker!.postMessage(
          {
            type: "synthesize",
            id,
            text,
            voice,
            rateWpm,
            ...defined({ stop: stopFlag }),
          } satisfies SynthesizeMessage,
        );
      });
    },
    close() {
      stop();
      failAll(unavailable("closed"));
    },
  };
}
