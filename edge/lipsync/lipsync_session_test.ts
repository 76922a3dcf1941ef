import assert from "node:assert/strict";
import { decodeJpeg } from "../frames/jpeg_decode.ts";
import type { RgbImage } from "../frames/rgb_image.ts";
import type { SpeechChunk, VideoFrame } from "../pipeline/types.ts";
import {
  chunksOf,
  darkMouthModel,
  greyByLoudnessModel,
  loadDemoPack,
  randomSizes,
  renderSession,
  seededRandom,
  voiced,
} from "./_test_support.ts";
import { FrameClock } from "./frame_clock.ts";
import type { LipModel } from "./lip_model.ts";
import {
  createLipSyncService,
  type LipSyncServiceOptions,
} from "./lipsync_service.ts";

const PACK = await loadDemoPack();
const PACKS = new Map([["demo", PACK]]);
/** Avatar frame of each output frame of a fresh service (ping-pong over 6). */
const PING_PONG_6 = [0, 1, 2, 3, 4, 5, 4, 3, 2, 1];

async function renderAll(
  chunks: SpeechChunk[],
  fps: number,
  options: Partial<LipSyncServiceOptions> = {},
  signal = new AbortController().signal,
  perChunk: number[] = [],
) {
  const service = createLipSyncService({
    packs: PACKS,
    lipModel: greyByLoudnessModel,
    ...options,
  });
  const session = await service.open({ avatarId: "demo", fps }, { signal });
  const frames = await renderSession(session, chunks, signal, perChunk);
  return { frames, stats: service.stats };
}

function assertOnClock(frames: VideoFrame[], fps: number, label: string) {
  frames.forEach((frame, i) => {
    assert.equal(frame.index, i, label);
    assert.equal(frame.ptsMs, i * 1000 / fps, label);
    if (i > 0) assert.ok(frame.ptsMs > frames[i - 1]!.ptsMs, label);
  });
}

const CASES = [
  { seconds: 1, rate: 16000, fps: 25 },
  { seconds: 1.37, rate: 22050, fps: 25 },
  { seconds: 2.01, rate: 22050, fps: 30 },
  { seconds: 0.05, rate: 16000, fps: 25 },
  { seconds: 0.5, rate: 24000, fps: 12 },
  { seconds: 3.3, rate: 16000, fps: 30 },
] as const;

Deno.test("session covers the audio with ceil(duration × fps) frames, however it is split", async () => {
  const random = seededRandom(7);
  for (const { seconds, rate, fps } of CASES) {
    const audio = voiced(seconds, rate);
    const expected = Math.ceil(audio.length * fps / rate);
    for (let trial = 0; trial < 3; trial++) {
      const sizes = trial === 0
        ? []
        : randomSizes(audio.length, rate * 0.7, random);
      const label = `${seconds} s at ${rate} Hz, ${fps} fps, split ${sizes}`;
      const { frames } = await renderAll(chunksOf(audio, sizes, rate), fps);
      assert.equal(frames.length, expected, label);
      assertOnClock(frames, fps, label);
    }
  }
});

Deno.test("session frames are byte-identical whether audio comes whole or in random sentences", async () => {
  const random = seededRandom(12345);
  for (const fps of [25, 30]) {
    const rate = 22050;
    const audio = voiced(2.3, rate);
    const whole = await renderAll(chunksOf(audio, [], rate), fps);
    for (let trial = 0; trial < 3; trial++) {
      const sizes = randomSizes(audio.length, rate * 0.8, random);
      const split = await renderAll(chunksOf(audio, sizes, rate), fps);
      assert.equal(split.frames.length, whole.frames.length);
      split.frames.forEach((frame, i) => {
        const reference = whole.frames[i]!;
        assert.equal(frame.index, reference.index);
        assert.equal(frame.ptsMs, reference.ptsMs);
        assert.deepEqual(frame.jpeg, reference.jpeg, `${fps} fps, frame ${i}`);
      });
    }
  }
});

Deno.test("session emits a frame only once its time is inside the received audio", async () => {
  const rate = 22050, fps = 25;
  const clock = new FrameClock(fps, rate);
  const audio = voiced(2, rate);
  const sizes = [1, 300, 11025, 20000, 2000];
  const perChunk: number[] = [];
  const { frames } = await renderAll(
    chunksOf(audio, sizes, rate),
    fps,
    {},
    undefined,
    perChunk,
  );
  let received = 0, emitted = 0;
  for (const [k, count] of perChunk.entries()) {
    received += sizes[k] ?? audio.length - received;
    emitted += count;
    assert.ok(
      emitted <= clock.frameCountFor(received),
      `after chunk ${k}: ${emitted} frames for ${received} samples`,
    );
  }
  assert.deepEqual(perChunk.slice(0, 2), [0, 0]);
  // A long chunk yields all but the frames whose 200 ms mel window reaches
  // past its end (plus the resampler's and STFT's look-ahead).
  assert.ok(frames.length - emitted <= 8, `${frames.length - emitted} left`);
  assert.equal(frames.length, 50);
});

Deno.test("session batches follow the policy: a first batch, then later ones, cut short when frames run out", async () => {
  const audio = voiced(2, 16000);
  const small = await renderAll(chunksOf(audio, [], 16000), 25, {
    batching: { first: 3, next: 10 },
    silencePeak: false,
  });
  // 50 frames; the last 5 windows reach past the audio until finish(), so the
  // batch before them is cut short rather than waiting.
  assert.deepEqual(small.stats.batchSizes, [3, 10, 10, 10, 10, 2, 5]);
  const large = await renderAll(chunksOf(audio, [], 16000), 25, {
    batching: { first: 8, next: 3 },
    silencePeak: false,
  });
  // 45 frames are ready before finish(): 8 + 12 × 3 + 1, then 5 more.
  assert.deepEqual(large.stats.batchSizes, [8, ...Array(12).fill(3), 1, 3, 2]);
  assert.deepEqual(
    large.frames.map((f) => f.jpeg),
    small.frames.map((f) => f.jpeg),
  );
});

/** Mean of channel values over rows [y1, y2) and columns [x1, x2). */
function meanIn(
  image: RgbImage,
  area: { y1: number; y2: number; x1: number; x2: number },
): number {
  let sum = 0, count = 0;
  for (let y = area.y1; y < area.y2; y++) {
    for (let x = area.x1; x < area.x2; x++) {
      for (let c = 0; c < 3; c++) {
        sum += image.data[(y * image.width + x) * 3 + c]!;
      }
      count += 3;
    }
  }
  return sum / count;
}

/** Mean absolute difference outside `box`. */
function diffOutside(
  a: RgbImage,
  b: RgbImage,
  box: { y1: number; y2: number; x1: number; x2: number },
): number {
  let sum = 0, count = 0;
  for (let y = 0; y < a.height; y++) {
    for (let x = 0; x < a.width; x++) {
      if (y >= box.y1 && y < box.y2 && x >= box.x1 && x < box.x2) continue;
      for (let c = 0; c < 3; c++) {
        const i = (y * a.width + x) * 3 + c;
        sum += Math.abs(a.data[i]! - b.data[i]!);
        count++;
      }
    }
  }
  return sum / count;
}

Deno.test("session paints a darker mouth for loud windows and the idle frame for silent ones", async () => {
  const rate = 16000;
  const audio = new Float32Array(rate * 1.6);
  audio.set(voiced(0.8, rate));
  for (const blend of ["reference", "feathered"] as const) {
    const { frames, stats } = await renderAll(chunksOf(audio, [], rate), 25, {
      lipModel: darkMouthModel,
      blend,
      jpegQuality: 95,
    });
    assert.equal(frames.length, 40);
    let generated = 0;
    for (const frame of frames) {
      const avatarFrame = PING_PONG_6[frame.index % 10]!;
      const idle = PACK.jpegs[avatarFrame]!;
      if (frame.jpeg === idle) {
        assert.ok(frame.index >= 20, `frame ${frame.index} is idle`);
        continue;
      }
      generated++;
      assert.ok(frame.index < 26, `frame ${frame.index} ran the model`);
      const box = PACK.boxes[avatarFrame]!;
      const image = decodeJpeg(frame.jpeg);
      const still = decodeJpeg(idle);
      const mid = (box.y1 + box.y2) >> 1;
      const mouth = {
        y1: mid + 2,
        y2: box.y2 - 2,
        x1: box.x1 + 4,
        x2: box.x2 - 4,
      };
      const darker = meanIn(still, mouth) - meanIn(image, mouth);
      // Windows inside the speech are loud; those reaching its end less so.
      assert.ok(
        darker > (frame.index < 16 ? 40 : 5),
        `${blend} frame ${frame.index}: ${darker} darker`,
      );
      const upper = {
        y1: box.y1 + 4,
        y2: mid - 4,
        x1: box.x1 + 4,
        x2: box.x2 - 4,
      };
      const eyes = Math.abs(meanIn(still, upper) - meanIn(image, upper));
      assert.ok(
        eyes < 4,
        `${blend} frame ${frame.index}: upper half moved ${eyes}`,
      );
      assert.ok(
        diffOutside(image, still, box) < 3,
        `${blend} frame ${frame.index}`,
      );
    }
    assert.ok(generated >= 20, `${generated} generated frames`);
    assert.equal(stats.modelCalls > 0, true);
    assert.equal(stats.silentFrames, frames.length - generated);
  }
});

Deno.test("session stops at an abort during a model call and makes no further calls", async () => {
  const controller = new AbortController();
  let calls = 0;
  const slowModel: LipModel = async (batch, { signal }) => {
    calls++;
    await new Promise((resolve) => setTimeout(resolve, 20));
    signal.throwIfAborted();
    return greyByLoudnessModel(batch, { signal });
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

Deno.test("session stops at the next frame when the signal aborts while frames are read", async () => {
  const controller = new AbortController();
  let calls = 0;
  const countingModel: LipModel = (batch, options) => {
    calls++;
    return greyByLoudnessModel(batch, options);
  };
  const service = createLipSyncService({
    packs: PACKS,
    lipModel: countingModel,
    batching: { first: 4, next: 4 },
    silencePeak: false,
  });
  const { signal } = controller;
  const session = await service.open({ avatarId: "demo", fps: 25 }, { signal });
  const seen: number[] = [];
  await assert.rejects(async () => {
    const chunk = {
      sentenceIndex: 0,
      samples: voiced(2, 16000),
      sampleRateHz: 16000,
    };
    for await (const frame of session.render(chunk, { signal })) {
      seen.push(frame.index);
      if (frame.index === 5) {
        controller.abort(new DOMException("stop", "AbortError"));
      }
    }
  }, { name: "AbortError" });
  session.close();
  // Each frame's paste and JPEG is a slice that checks the signal first.
  assert.deepEqual(seen, [0, 1, 2, 3, 4, 5]);
  assert.equal(calls, 2);
});

Deno.test("session keeps the audio of a chunk whose frames were never pulled", async () => {
  const rate = 22050;
  const audio = voiced(1.5, rate);
  const [a, b] = chunksOf(audio, [20000], rate);
  const whole = await renderAll(chunksOf(audio, [], rate), 25);
  const service = createLipSyncService({
    packs: PACKS,
    lipModel: greyByLoudnessModel,
  });
  const signal = new AbortController().signal;
  const session = await service.open({ avatarId: "demo", fps: 25 }, { signal });
  session.render(a!, { signal }); // dropped unread
  const frames = await renderSession(session, [b!], signal);
  assert.deepEqual(
    frames.map((frame) => frame.jpeg),
    whole.frames.map((frame) => frame.jpeg),
  );
});

Deno.test("session finishes once: a second finish yields nothing and later audio is refused", async () => {
  const service = createLipSyncService({
    packs: PACKS,
    lipModel: greyByLoudnessModel,
  });
  const signal = new AbortController().signal;
  const session = await service.open({ avatarId: "demo", fps: 25 }, { signal });
  const chunk = {
    sentenceIndex: 0,
    samples: voiced(0.5, 16000),
    sampleRateHz: 16000,
  };
  const first = await Array.fromAsync(session.render(chunk, { signal }));
  const rest = await Array.fromAsync(session.finish({ signal }));
  assert.equal(first.length + rest.length, 13);
  assert.deepEqual(await Array.fromAsync(session.finish({ signal })), []);
  assert.throws(() => session.render(chunk, { signal }), /finished/);
  session.close();
});

Deno.test("session refuses a sample rate change mid-utterance", async () => {
  const service = createLipSyncService({
    packs: PACKS,
    lipModel: greyByLoudnessModel,
  });
  const signal = new AbortController().signal;
  const session = await service.open({ avatarId: "demo", fps: 25 }, { signal });
  await Array.fromAsync(
    session.render({
      sentenceIndex: 0,
      samples: new Float32Array(100),
      sampleRateHz: 16000,
    }, {
      signal,
    }),
  );
  assert.throws(
    () =>
      session.render({
        sentenceIndex: 1,
        samples: new Float32Array(100),
        sampleRateHz: 22050,
      }, {
        signal,
      }),
    /sample rate changed/,
  );
  session.close();
});
