import assert from "node:assert/strict";
import { buildDemoAvatarPack } from "../avatar/demo_avatar.ts";
import { type AvatarPack, loadAvatarPack } from "../avatar/pack_loader.ts";
import type { SpeechChunk, VideoFrame } from "../pipeline/types.ts";
import type { LipModel } from "./lip_model.ts";
import {
  createLipSyncService,
  type LipSyncServiceOptions,
} from "./lipsync_service.ts";

const PACK: AvatarPack = await loadAvatarPack(
  (() => {
    const files = buildDemoAvatarPack({ size: 64, frameCount: 6 });
    return async (path: string) => (await files).get(path)!;
  })(),
);
const PACKS = new Map([["demo", PACK]]);
const FACE = 3 * 96 * 96;

/**
 * A small deterministic stand-in for Wav2Lip (the ORT fixture is exercised in
 * tests/lipsync_ort_test.ts): each face is a grey level set by the window's
 * mean mel, so different audio gives different pixels.
 */
const meanMelModel: LipModel = (batch) => {
  const faces: Float32Array[] = [];
  for (let b = 0; b < batch.size; b++) {
    const window = batch.mel.subarray(b * 1280, (b + 1) * 1280);
    const mean = window.reduce((sum, v) => sum + v, 0) / window.length;
    faces.push(new Float32Array(FACE).fill((mean + 4) / 8));
  }
  return Promise.resolve(faces);
};

/** Speech-like audio: a 180 Hz buzz whose loudness rises and falls every 0.3 s. */
function voiced(seconds: number, rate: number): Float32Array {
  return Float32Array.from({ length: Math.round(seconds * rate) }, (_, n) => {
    const t = n / rate;
    return 0.5 * Math.abs(Math.sin(Math.PI * t / 0.3)) *
      Math.sin(2 * Math.PI * 180 * t);
  });
}

function chunksOf(audio: Float32Array, sizes: number[], rate: number) {
  const chunks: SpeechChunk[] = [];
  let at = 0;
  for (const [index, size] of sizes.entries()) {
    chunks.push({
      sentenceIndex: index,
      samples: audio.subarray(at, at + size),
      sampleRateHz: rate,
    });
    at += size;
  }
  if (at < audio.length) {
    chunks.push({
      sentenceIndex: sizes.length,
      samples: audio.subarray(at),
      sampleRateHz: rate,
    });
  }
  return chunks;
}

async function renderAll(
  chunks: SpeechChunk[],
  fps: number,
  options: Partial<LipSyncServiceOptions> = {},
  signal = new AbortController().signal,
) {
  const service = createLipSyncService({
    packs: PACKS,
    lipModel: meanMelModel,
    ...options,
  });
  const session = await service.open({ avatarId: "demo", fps }, { signal });
  const frames: VideoFrame[] = [];
  try {
    for (const chunk of chunks) {
      for await (const frame of session.render(chunk, { signal })) {
        frames.push(frame);
      }
    }
    for await (const frame of session.finish({ signal })) frames.push(frame);
  } finally {
    session.close();
  }
  return { frames, stats: service.stats };
}

let seed = 12345;
function random(): number {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return seed / 2 ** 32;
}

Deno.test("lip-sync covers the audio with ceil(duration × fps) frames on one clock", async () => {
  for (
    const [seconds, rate, fps] of [
      [1, 16000, 25],
      [1.37, 22050, 25],
      [2.01, 22050, 30],
      [0.05, 16000, 25],
      [0.5, 24000, 12],
    ] as const
  ) {
    const audio = voiced(seconds, rate);
    const { frames } = await renderAll(chunksOf(audio, [], rate), fps);
    assert.equal(
      frames.length,
      Math.ceil(audio.length * fps / rate),
      `${seconds} s at ${rate} Hz, ${fps} fps`,
    );
    frames.forEach((frame, i) => {
      assert.equal(frame.index, i);
      assert.equal(frame.ptsMs, i * 1000 / fps);
    });
  }
});

Deno.test("lip-sync frames are identical whether audio comes whole or in random sentences", async () => {
  const rate = 22050;
  const audio = voiced(2.3, rate);
  const whole = await renderAll(chunksOf(audio, [], rate), 25);
  for (let trial = 0; trial < 4; trial++) {
    const sizes: number[] = [];
    let left = audio.length;
    while (left > 0) {
      const size = Math.min(left, 1 + Math.floor(random() * rate * 0.8));
      sizes.push(size);
      left -= size;
    }
    const split = await renderAll(chunksOf(audio, sizes, rate), 25);
    assert.equal(split.frames.length, whole.frames.length);
    split.frames.forEach((frame, i) => {
      assert.equal(frame.index, whole.frames[i]!.index);
      assert.equal(frame.ptsMs, whole.frames[i]!.ptsMs);
      assert.deepEqual(frame.jpeg, whole.frames[i]!.jpeg, `frame ${i}`);
    });
  }
});

Deno.test("lip-sync skips the model for silent windows and serves the idle JPEG", async () => {
  const silent = new Float32Array(16000);
  const { frames, stats } = await renderAll(chunksOf(silent, [], 16000), 25);
  assert.equal(frames.length, 25);
  assert.equal(stats.modelCalls, 0);
  assert.equal(stats.silentFrames, 25);
  // Ping-pong over 6 frames: 0 1 2 3 4 5 4 3 2 1 0 1 …
  const expected = [0, 1, 2, 3, 4, 5, 4, 3, 2, 1];
  frames.slice(0, 10).forEach((frame, i) =>
    assert.equal(frame.jpeg, PACK.jpegs[expected[i]!])
  );
  const off = await renderAll(chunksOf(silent, [], 16000), 25, {
    silencePeak: false,
  });
  assert.ok(off.stats.modelCalls > 0);
  assert.equal(off.stats.silentFrames, 0);
});

Deno.test("lip-sync continues the ping-pong loop across utterances of an avatar", async () => {
  const service = createLipSyncService({
    packs: PACKS,
    lipModel: meanMelModel,
  });
  const signal = new AbortController().signal;
  const seen: Uint8Array[] = [];
  for (let utterance = 0; utterance < 2; utterance++) {
    const session = await service.open({ avatarId: "demo", fps: 25 }, {
      signal,
    });
    // 7 frames of silence each.
    const chunk = {
      sentenceIndex: 0,
      samples: new Float32Array(4480),
      sampleRateHz: 16000,
    };
    for await (const frame of session.render(chunk, { signal })) {
      seen.push(frame.jpeg);
    }
    for await (const frame of session.finish({ signal })) seen.push(frame.jpeg);
    session.close();
  }
  const expected = [0, 1, 2, 3, 4, 5, 4, 3, 2, 1, 0, 1, 2, 3];
  assert.deepEqual(seen, expected.map((i) => PACK.jpegs[i]));
});

Deno.test("lip-sync batches follow the policy: a small first batch, then full ones", async () => {
  const { stats } = await renderAll(
    chunksOf(voiced(2, 16000), [], 16000),
    25,
    { batching: { first: 3, next: 10 }, silencePeak: false },
  );
  // 50 frames; the last 5 windows reach past the audio until finish(), so the
  // batch before them is cut short rather than waiting.
  assert.deepEqual(stats.batchSizes, [3, 10, 10, 10, 10, 2, 5]);
});

Deno.test("lip-sync paints different mouths for different audio", async () => {
  const loud = await renderAll(chunksOf(voiced(0.4, 16000), [], 16000), 25);
  const quiet = await renderAll(
    chunksOf(voiced(0.4, 16000).map((v) => v * 0.01), [], 16000),
    25,
  );
  assert.notDeepEqual(loud.frames[0]!.jpeg, quiet.frames[0]!.jpeg);
});

Deno.test("lip-sync stops at an abort during a model call and makes no further calls", async () => {
  const controller = new AbortController();
  let calls = 0;
  const slowModel: LipModel = async (batch, { signal }) => {
    calls++;
    await new Promise((resolve) => setTimeout(resolve, 20));
    signal.throwIfAborted();
    return meanMelModel(batch, { signal });
  };
  setTimeout(
    () => controller.abort(new DOMException("stop", "AbortError")),
    30,
  );
  const started = performance.now();
  await assert.rejects(
    renderAll(
      chunksOf(voiced(3, 16000), [], 16000),
      25,
      { lipModel: slowModel, silencePeak: false },
      controller.signal,
    ),
    { name: "AbortError" },
  );
  assert.ok(performance.now() - started < 1000);
  assert.ok(calls <= 3, `${calls} calls`);
});

Deno.test("lip-sync rejects unknown avatars, bad fps and a rate change mid-utterance", async () => {
  const service = createLipSyncService({
    packs: PACKS,
    lipModel: meanMelModel,
  });
  const signal = new AbortController().signal;
  await assert.rejects(
    service.open({ avatarId: "nobody", fps: 25 }, { signal }),
    /unknown avatar 'nobody'/,
  );
  await assert.rejects(
    service.open({ avatarId: "demo", fps: 0 }, { signal }),
    /fps must be a positive integer/,
  );
  const session = await service.open({ avatarId: "demo", fps: 25 }, { signal });
  await Array.fromAsync(
    session.render({
      sentenceIndex: 0,
      samples: new Float32Array(100),
      sampleRateHz: 16000,
    }, { signal }),
  );
  assert.throws(
    () =>
      session.render({
        sentenceIndex: 1,
        samples: new Float32Array(100),
        sampleRateHz: 22050,
      }, { signal }),
    /sample rate changed/,
  );
  session.close();
  assert.throws(
    () =>
      createLipSyncService({
        packs: PACKS,
        lipModel: meanMelModel,
        batching: { next: 0 },
      }),
    RangeError,
  );
});
