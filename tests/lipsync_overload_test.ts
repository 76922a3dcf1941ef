/**
 * Graceful overload on the real ONNX Runtime backend: the `fixture_wav2lip`
 * model made slow (each call also waits 80 ms per frame, twice a 25 fps
 * frame period, like a backend shared by two streams), run through
 * `runUtterance` as the routes do. The stream keeps every frame on its
 * clock, sends every sentence's audio as soon as it is synthesized, and
 * holds some mouths instead of falling behind.
 */
import assert from "node:assert/strict";
import { loadAvatarPack } from "@lipstream/edge/avatar";
import { buildDemoAvatarPack } from "@lipstream/edge/avatar_build";
import {
  createLipSyncService,
  type LipModel,
  lipModelFromBackend,
} from "@lipstream/edge/lipsync";
import type { SpeechChunk } from "@lipstream/edge/pipeline";
import { UtteranceRegistry } from "@lipstream/edge/utterances";
import type {
  UtteranceAudio,
  UtteranceFrame,
  UtteranceWriter,
} from "@lipstream/edge/pipeline";
import { runUtterance } from "../edge/pipeline/utterance.ts";
import { generateFixtureRepository } from "@lipstream/inference/fixtures";
import { createOrtBackend } from "@lipstream/inference/ort";
import { voiced } from "../edge/lipsync/_test_support.ts";

const RATE = 22050;
const FPS = 25;
const SENTENCES = [1.0, 0.8, 1.2];
const files = await buildDemoAvatarPack({ size: 128, frameCount: 8 });
const PACK = await loadAvatarPack((path) => Promise.resolve(files.get(path)!));

/** `model`, plus `msPerFrame` of waiting per item of every call. */
function slowed(model: LipModel, msPerFrame: number): LipModel {
  return async (batch, options) => {
    const faces = await model(batch, options);
    await new Promise((resolve) =>
      setTimeout(resolve, msPerFrame * batch.size)
    );
    return faces;
  };
}

/** What the pipeline handed its writer, in order. */
type UtteranceEvent =
  | ({ type: "audio" } & UtteranceAudio)
  | ({ type: "frame" } & UtteranceFrame);

/** A writer that writes nothing and records every step. */
function recorder(events: UtteranceEvent[]): UtteranceWriter {
  return {
    headers: {},
    start: () => [],
    audio(audio) {
      events.push({ type: "audio", ...audio });
      return [];
    },
    frame(frame) {
      events.push({ type: "frame", ...frame });
      return [];
    },
    end: () => [],
    failed: () => [],
  };
}

const NO_METRICS = {
  timeToFirstAudio: { observe() {} },
  timeToFirstFrame: { observe() {} },
  backendLatency: { observe() {} },
  frames: { inc() {} },
  audioSeconds: { inc() {} },
  streamErrors: { inc() {} },
};

async function* instantSpeech(): AsyncGenerator<SpeechChunk> {
  for (const [sentenceIndex, seconds] of SENTENCES.entries()) {
    yield { sentenceIndex, samples: voiced(seconds, RATE), sampleRateHz: RATE };
  }
}

async function speak(deadlineSlackMs: number | false) {
  const dir = await Deno.makeTempDir({ prefix: "lipstream-overload-" });
  try {
    await generateFixtureRepository(dir);
    const backend = await createOrtBackend({ repository: dir });
    try {
      const service = createLipSyncService({
        packs: new Map([["demo", PACK]]),
        lipModel: slowed(lipModelFromBackend(backend, "fixture_wav2lip"), 80),
        silencePeak: false,
        deadlineSlackMs,
      });
      const events: UtteranceEvent[] = [];
      await runUtterance({
        speech: {
          listVoices: () => Promise.resolve([]),
          getVoice: () => Promise.resolve(undefined),
          synthesize: instantSpeech,
        },
        lipSync: service,
        utterances: new UtteranceRegistry(),
        metrics: NO_METRICS,
        backendTimeoutMs: 30_000,
        now: () => performance.now(),
      }, {
        route: "test",
        audio: { speech: { text: "", voiceId: "" } },
        sampleRateHz: RATE,
        video: { avatarId: "demo", fps: FPS },
        audioFormat: "pcm16",
        respondAfter: "end",
      }, {
        writer: () => recorder(events),
        owner: "test",
        log: console,
        startedAtMs: performance.now(),
      });
      return { events, stats: service.stats };
    } finally {
      await backend.close();
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

const TOTAL_FRAMES = Math.ceil(
  SENTENCES.reduce((sum, s) => sum + Math.round(s * RATE), 0) * FPS / RATE,
);

Deno.test("overload: a slow lip model holds mouths, frames keep their clock, audio goes out first", async () => {
  const { events, stats } = await speak(100);
  const frames = events.flatMap((e) => e.type === "frame" ? [e.frame] : []);
  assert.equal(frames.length, TOTAL_FRAMES);
  frames.forEach((frame, i) => {
    assert.equal(frame.index, i);
    assert.equal(frame.ptsMs, i * 1000 / FPS);
  });
  // Every sentence's audio leaves before the second model batch's frames
  // (the first batch has 4 frames), not after the previous sentence's frames.
  const order = events.map((e) => e.type);
  const lastAudio = order.lastIndexOf("audio");
  const framesBefore = order.slice(0, lastAudio).filter((t) => t === "frame")
    .length;
  assert.ok(
    framesBefore <= 4,
    `${framesBefore} frames before the last audio`,
  );
  // Some mouths rendered, some held; together they are every frame.
  assert.ok(stats.heldFrames > 0, "no frame was held");
  assert.ok(stats.renderedFrames > 0, "no frame was rendered");
  assert.equal(stats.renderedFrames + stats.heldFrames, TOTAL_FRAMES);
  assert.equal(
    frames.filter((f) => f.mouth === "rendered").length,
    stats.renderedFrames,
  );
  // A held frame shows the last rendered mouth on its own avatar frame: a
  // new picture, not the idle frame.
  const held = frames.filter((f) => f.mouth === "held");
  assert.ok(held.length > 0);
  for (const frame of held) {
    assert.ok(!PACK.jpegs.includes(frame.jpeg), `frame ${frame.index} is idle`);
  }
  // Frames carry the sentence their PTS falls in.
  const starts = [0, 1.0, 1.8].map((s) => Math.round(s * RATE));
  for (const event of events) {
    if (event.type !== "frame") continue;
    const sample = Math.floor(event.frame.index * RATE / FPS);
    const expected = starts.findLastIndex((start) => start <= sample);
    assert.equal(event.sentenceIndex, expected);
  }
});

Deno.test("overload: without a deadline every frame is rendered", async () => {
  const { events, stats } = await speak(false);
  const frames = events.flatMap((e) => e.type === "frame" ? [e.frame] : []);
  assert.equal(frames.length, TOTAL_FRAMES);
  assert.equal(stats.heldFrames, 0);
  assert.equal(stats.renderedFrames, TOTAL_FRAMES);
  assert.ok(frames.every((f) => f.mouth === "rendered"));
});
