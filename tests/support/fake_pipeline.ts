/**
 * Deterministic stand-ins for the speech and lip-sync pipeline, for edge API
 * tests: a sine tone per sentence and a fixed tiny JPEG per frame. They honour
 * abort signals and count what they did, so tests can check cancellation.
 *
 * @module
 */

import type {
  AvatarInfo,
  LipSyncService,
  Readiness,
  SpeechChunk,
  SpeechService,
  VideoFrame,
  VoiceInfo,
} from "@lipstream/edge/pipeline";

/** A 16×16 baseline JPEG made once with `ffmpeg -f lavfi -i color=c=red:s=16x16 -frames:v 1`. */
export const TINY_JPEG: Uint8Array = Uint8Array.from(
  atob(
    "/9j/4AAQSkZJRgABAgAAAQABAAD//gAQTGF2YzU5LjM3LjEwMAD/2wBDAAgUFBcUFxsbGxsbGyAeICEhISAgICAhISEkJCQqKiokJCQhISQkKCgqKi4vLisrKisvLzIyMjw8OTlGRkhWVmf/xABMAAEBAAAAAAAAAAAAAAAAAAAABgEBAQAAAAAAAAAAAAAAAAAABgcQAQAAAAAAAAAAAAAAAAAAAAARAQAAAAAAAAAAAAAAAAAAAAD/wAARCAAQABADASIAAhEAAxEA/9oADAMBAAIRAxEAPwCLAFF/f//Z",
  ),
  (c) => c.charCodeAt(0),
);

/** The one test voice. */
export const TEST_VOICE: VoiceInfo = {
  id: "tone",
  kind: "vits",
  languages: ["en", "zh", "mix"],
  speakers: ["alto", "bass"],
  numSpeakers: 2,
  sampleRateHz: 16000,
};

/** The one test avatar. */
export const TEST_AVATAR: AvatarInfo = {
  id: "square",
  width: 16,
  height: 16,
  fps: 25,
  frameCount: 10,
};

/** Counters shared by the fakes. */
export interface FakeStats {
  /** Sentences synthesized. */
  sentences: number;
  /** Frames rendered. */
  frames: number;
  /** Calls that ended because their signal aborted. */
  aborted: number;
  /** When the last abort was observed (performance.now). */
  lastAbortAt: number;
  /** The session id of each lip-sync session opened, in order. */
  sessions: (string | undefined)[];
}

/** Options of the fakes. */
export interface FakeOptions {
  /** Delay before each sentence, ms. @default {0} */
  sentenceDelayMs?: number;
  /** Delay before each frame, ms. @default {0} */
  frameDelayMs?: number;
  /** The JPEG every frame carries (e.g. a large one to fill socket buffers). @default {TINY_JPEG} */
  frameJpeg?: Uint8Array;
  /** Throw this error instead of synthesizing sentence `failAt.sentence`. */
  failAt?: { sentence: number; error: Error };
}

/** Resolves after `ms`, or rejects with the signal's reason. */
function wait(
  ms: number,
  signal: AbortSignal,
  stats: FakeStats,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      stats.aborted++;
      stats.lastAbortAt = performance.now();
      reject(signal.reason);
    };
    if (signal.aborted) return onAbort();
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

/** Splits on `.`, `!`, `?` like a (very) small sentence splitter. */
function sentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+/).filter((s) => s.trim() !== "");
}

/**
 * A speech service that speaks each sentence as a 440 Hz + 40 Hz·index sine of
 * 40 ms per word at 16 kHz.
 */
export function createToneSpeechService(
  stats: FakeStats,
  options: FakeOptions = {},
): SpeechService {
  return {
    listVoices: () => Promise.resolve([TEST_VOICE]),
    getVoice: (id) =>
      Promise.resolve(id === TEST_VOICE.id ? TEST_VOICE : undefined),
    async *synthesize(request, { signal }): AsyncGenerator<SpeechChunk> {
      const list = sentences(request.text);
      for (const [index, text] of list.entries()) {
        await wait(options.sentenceDelayMs ?? 0, signal, stats);
        if (options.failAt?.sentence === index) throw options.failAt.error;
        const words = text.split(/\s+/).length;
        const samples = new Float32Array(words * 640);
        const hz = 440 + 40 * index;
        for (let i = 0; i < samples.length; i++) {
          samples[i] = 0.5 * Math.sin(2 * Math.PI * hz * i / 16000);
        }
        stats.sentences++;
        yield { sentenceIndex: index, samples, sampleRateHz: 16000, text };
      }
    },
  };
}

/** A lip-sync service that covers each chunk with frames of {@linkcode TINY_JPEG}. */
export function createSolidLipSyncService(
  stats: FakeStats,
  options: FakeOptions = {},
): LipSyncService {
  return {
    listAvatars: () => Promise.resolve([TEST_AVATAR]),
    getAvatar: (id) =>
      Promise.resolve(id === TEST_AVATAR.id ? TEST_AVATAR : undefined),
    idleFrame: (id) =>
      Promise.resolve(id === TEST_AVATAR.id ? TINY_JPEG : undefined),
    avatarFrame: (id, index) =>
      Promise.resolve(
        id === TEST_AVATAR.id && index === 0 ? TINY_JPEG : undefined,
      ),
    open(request) {
      stats.sessions.push(request.sessionId);
      let nextIndex = 0;
      let endMs = 0;
      return Promise.resolve({
        width: TEST_AVATAR.width,
        height: TEST_AVATAR.height,
        fps: request.fps,
        async *render(chunk, { signal }): AsyncGenerator<VideoFrame> {
          endMs += chunk.samples.length * 1000 / chunk.sampleRateHz;
          while (nextIndex * 1000 / request.fps < endMs) {
            await wait(options.frameDelayMs ?? 0, signal, stats);
            stats.frames++;
            const index = nextIndex++;
            yield {
              index,
              ptsMs: index * 1000 / request.fps,
              jpeg: options.frameJpeg ?? TINY_JPEG,
            };
          }
        },
        close() {},
      });
    },
  };
}

/** A readiness probe with a fixed answer. */
export function createFixedReadiness(ready: boolean): Readiness {
  return {
    check: () =>
      Promise.resolve({
        ready,
        checks: { backend: { ok: ready } },
        ...(ready ? {} : { retryAfterSeconds: 7 }),
      }),
  };
}

/** Fresh counters. */
export function createFakeStats(): FakeStats {
  return {
    sentences: 0,
    frames: 0,
    aborted: 0,
    lastAbortAt: 0,
    sessions: [],
  };
}
