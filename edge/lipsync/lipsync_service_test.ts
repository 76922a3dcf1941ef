import assert from "node:assert/strict";
import type { SpeechChunk } from "../pipeline/types.ts";
import {
  chunksOf,
  greyByLoudnessModel,
  loadDemoPack,
  renderSession,
  voiced,
} from "./_test_support.ts";
import type { LipModel } from "./lip_model.ts";
import { createLipSyncService } from "./lipsync_service.ts";

const PACK = await loadDemoPack();
const OTHER = await loadDemoPack({ size: 48, frameCount: 3 });
const PACKS = new Map([["demo", PACK], ["other", OTHER]]);
const SIGNAL = new AbortController().signal;

function silence(frames: number): SpeechChunk {
  // `frames` frames at 25 fps over 16 kHz audio.
  return {
    sentenceIndex: 0,
    samples: new Float32Array(frames * 640),
    sampleRateHz: 16000,
  };
}

Deno.test("service lists its avatars from the packs", async () => {
  const service = createLipSyncService({
    packs: PACKS,
    lipModel: greyByLoudnessModel,
  });
  assert.deepEqual(await service.listAvatars(), [
    // The test packs are drawn (manifest kind "demo"), and say so.
    { id: "demo", width: 64, height: 64, fps: 25, frameCount: 6, demo: true },
    { id: "other", width: 48, height: 48, fps: 25, frameCount: 3, demo: true },
  ]);
  assert.equal((await service.getAvatar("other"))?.frameCount, 3);
  assert.equal(await service.getAvatar("nobody"), undefined);
});

Deno.test("service skips the model for silent audio and serves the idle JPEGs", async () => {
  let calls = 0;
  const counting: LipModel = (batch, options) => {
    calls++;
    return greyByLoudnessModel(batch, options);
  };
  const service = createLipSyncService({ packs: PACKS, lipModel: counting });
  const session = await service.open({ avatarId: "demo", fps: 25 }, {
    signal: SIGNAL,
  });
  const frames = await renderSession(session, [silence(25)], SIGNAL);
  assert.equal(frames.length, 25);
  assert.equal(calls, 0);
  assert.equal(service.stats.modelCalls, 0);
  assert.equal(service.stats.silentFrames, 25);
  // Ping-pong over 6 frames: 0 1 2 3 4 5 4 3 2 1 0 1 …
  const expected = [0, 1, 2, 3, 4, 5, 4, 3, 2, 1];
  frames.forEach((frame, i) =>
    assert.equal(frame.jpeg, PACK.jpegs[expected[i % 10]!])
  );
});

Deno.test("service silence threshold is configurable and can be turned off", async () => {
  const render = async (silencePeak: number | false, chunk: SpeechChunk) => {
    const service = createLipSyncService({
      packs: PACKS,
      lipModel: greyByLoudnessModel,
      silencePeak,
    });
    const session = await service.open({ avatarId: "demo", fps: 25 }, {
      signal: SIGNAL,
    });
    await renderSession(session, [chunk], SIGNAL);
    return service.stats;
  };
  const off = await render(false, silence(10));
  assert.equal(off.silentFrames, 0);
  assert.deepEqual(off.batchSizes, [4, 1, 5]);
  // Every value is at most 4, so a threshold of 4 treats speech as silence.
  const speech = chunksOf(voiced(0.4, 16000), [], 16000)[0]!;
  const deaf = await render(4, speech);
  assert.equal(deaf.modelCalls, 0);
  assert.equal(deaf.silentFrames, 10);
  const normal = await render(-3.5, speech);
  assert.equal(normal.silentFrames, 0);
  assert.throws(
    () =>
      createLipSyncService({
        packs: PACKS,
        lipModel: greyByLoudnessModel,
        silencePeak: 5,
      }),
    RangeError,
  );
});

Deno.test("service continues each avatar's ping-pong loop across utterances", async () => {
  const service = createLipSyncService({
    packs: PACKS,
    lipModel: greyByLoudnessModel,
  });
  const idleIndices = async (avatarId: string, frames: number) => {
    const pack = PACKS.get(avatarId)!;
    const session = await service.open({ avatarId, fps: 25 }, {
      signal: SIGNAL,
    });
    const out = await renderSession(session, [silence(frames)], SIGNAL);
    return out.map((frame) => pack.jpegs.indexOf(frame.jpeg));
  };
  assert.deepEqual(await idleIndices("demo", 7), [0, 1, 2, 3, 4, 5, 4]);
  // Another avatar has its own cursor.
  assert.deepEqual(await idleIndices("other", 5), [0, 1, 2, 1, 0]);
  assert.deepEqual(await idleIndices("demo", 7), [3, 2, 1, 0, 1, 2, 3]);
  assert.deepEqual(await idleIndices("other", 2), [1, 2]);
});

Deno.test("service keeps one idle loop per session on each avatar", async () => {
  const service = createLipSyncService({
    packs: PACKS,
    lipModel: greyByLoudnessModel,
  });
  const idleIndices = async (sessionId: string | undefined, frames: number) => {
    const session = await service.open(
      { avatarId: "demo", fps: 25, ...(sessionId ? { sessionId } : {}) },
      { signal: SIGNAL },
    );
    const out = await renderSession(session, [silence(frames)], SIGNAL);
    return out.map((frame) => PACK.jpegs.indexOf(frame.jpeg));
  };
  const idleIndex = async (sessionId?: string) =>
    PACK.jpegs.indexOf((await service.idleFrame("demo", sessionId))!);
  assert.deepEqual(await idleIndices("alice", 4), [0, 1, 2, 3]);
  assert.equal(await idleIndex("alice"), 4);
  // Another session (and the anonymous loop) start at the first frame.
  assert.equal(await idleIndex("bob"), 0);
  assert.deepEqual(await idleIndices("bob", 2), [0, 1]);
  assert.deepEqual(await idleIndices(undefined, 3), [0, 1, 2]);
  // Each continues its own loop.
  assert.deepEqual(await idleIndices("alice", 4), [4, 5, 4, 3]);
  assert.deepEqual(await idleIndices("bob", 1), [2]);
  assert.deepEqual(await idleIndices(undefined, 1), [3]);
  assert.equal(await idleIndex(), 4);
  assert.equal(await service.idleFrame("nobody", "alice"), undefined);
});

Deno.test("service starts at a requested idle position and reports where the loop stands", async () => {
  const service = createLipSyncService({
    packs: PACKS,
    lipModel: greyByLoudnessModel,
  });
  const run = async (idlePosition: number | undefined, frames: number) => {
    const session = await service.open({
      avatarId: "demo",
      fps: 25,
      sessionId: "s",
      ...(idlePosition === undefined ? {} : { idlePosition }),
    }, { signal: SIGNAL });
    const start = session.idlePosition;
    const out = await renderSession(session, [silence(frames)], SIGNAL);
    return {
      start,
      frames: out.map((frame) => PACK.jpegs.indexOf(frame.jpeg)),
      next: session.idlePosition,
    };
  };
  // 6 frames: period 10, positions 0 1 2 3 4 5 6 7 8 9 show 0 1 2 3 4 5 4 3 2 1.
  assert.deepEqual(await run(3, 4), {
    start: 3,
    frames: [3, 4, 5, 4],
    next: 7,
  });
  // Taken modulo the period.
  assert.deepEqual(await run(13, 2), { start: 3, frames: [3, 4], next: 5 });
  // Without one, the session continues where it stopped.
  assert.deepEqual(await run(undefined, 2), {
    start: 5,
    frames: [5, 4],
    next: 7,
  });
});

Deno.test("service serves each idle frame by index", async () => {
  const service = createLipSyncService({
    packs: PACKS,
    lipModel: greyByLoudnessModel,
  });
  assert.equal(await service.avatarFrame("demo", 5), PACK.jpegs[5]);
  for (const index of [6, -1, 1.5, Number.NaN]) {
    assert.equal(
      await service.avatarFrame("demo", index),
      undefined,
      `${index}`,
    );
  }
  assert.equal(await service.avatarFrame("nobody", 0), undefined);
});

Deno.test("service forgets the least recently used session past maxSessions", async () => {
  const service = createLipSyncService({
    packs: PACKS,
    lipModel: greyByLoudnessModel,
    maxSessions: 2,
  });
  const speak = async (sessionId: string) => {
    const session = await service.open(
      { avatarId: "demo", fps: 25, sessionId },
      {
        signal: SIGNAL,
      },
    );
    await renderSession(session, [silence(2)], SIGNAL);
  };
  const idleIndex = async (sessionId: string) =>
    PACK.jpegs.indexOf((await service.idleFrame("demo", sessionId))!);
  await speak("a");
  await speak("b");
  assert.equal(await idleIndex("a"), 2); // "a" is now the most recent
  await speak("c"); // evicts "b"
  assert.deepEqual(
    [await idleIndex("a"), await idleIndex("b"), await idleIndex("c")],
    [2, 0, 2],
  );
});

Deno.test("service uses the request's JPEG quality, else its default", async () => {
  const sizes = async (jpegQuality: number | undefined) => {
    const service = createLipSyncService({
      packs: PACKS,
      lipModel: greyByLoudnessModel,
      jpegQuality: 90,
    });
    const session = await service.open(
      jpegQuality === undefined
        ? { avatarId: "demo", fps: 25 }
        : { avatarId: "demo", fps: 25, jpegQuality },
      { signal: SIGNAL },
    );
    const frames = await renderSession(
      session,
      chunksOf(voiced(0.2, 16000), [], 16000),
      SIGNAL,
    );
    return frames.reduce((sum, frame) => sum + frame.jpeg.length, 0);
  };
  const low = await sizes(10);
  const byDefault = await sizes(undefined);
  const explicit = await sizes(90);
  assert.equal(byDefault, explicit);
  assert.ok(low < byDefault, `${low} < ${byDefault}`);
});

Deno.test("service rejects unknown avatars, bad fps and bad batch policies", async () => {
  const service = createLipSyncService({
    packs: PACKS,
    lipModel: greyByLoudnessModel,
  });
  await assert.rejects(
    service.open({ avatarId: "nobody", fps: 25 }, { signal: SIGNAL }),
    /unknown avatar 'nobody'/,
  );
  await assert.rejects(
    service.open({ avatarId: "demo", fps: 29.97 }, { signal: SIGNAL }),
    /fps must be a positive integer/,
  );
  await assert.rejects(
    service.open({ avatarId: "demo", fps: 25 }, {
      signal: AbortSignal.abort(new DOMException("gone", "AbortError")),
    }),
    { name: "AbortError" },
  );
  assert.throws(
    () =>
      createLipSyncService({
        packs: PACKS,
        lipModel: greyByLoudnessModel,
        batching: { next: 0 },
      }),
    RangeError,
  );
});
