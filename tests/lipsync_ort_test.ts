/**
 * The lip-sync frame pipeline on the real ONNX Runtime backend: the
 * `fixture_wav2lip` model (reference face with a mouth ellipse that opens
 * with loudness) generated into a temporary repository, and the drawn demo
 * avatar pack, through `lipModelFromBackend` and `createLipSyncService`.
 */
import assert from "node:assert/strict";
import { InferenceError } from "@lipstream/shared";
import { loadAvatarPack } from "@lipstream/edge/avatar";
import { buildDemoAvatarPack } from "@lipstream/edge/avatar_build";
import { decodeJpeg } from "@lipstream/edge/frames";
import {
  createLipSyncService,
  lipModelFromBackend,
} from "@lipstream/edge/lipsync";
import {
  FIXTURE_MOUTH,
  generateFixtureRepository,
} from "@lipstream/inference/fixtures";
import { createOrtBackend, type OrtBackend } from "@lipstream/inference/ort";
import {
  chunksOf,
  randomSizes,
  renderSession,
  seededRandom,
  voiced,
} from "../edge/lipsync/_test_support.ts";

const FRAME_COUNT = 8;
const files = await buildDemoAvatarPack({ size: 128, frameCount: FRAME_COUNT });
const PACK = await loadAvatarPack((path) => Promise.resolve(files.get(path)!));
const RATE = 22050;
/** 1.2 s of speech, 0.8 s of silence, 0.6 s of speech. */
const AUDIO = new Float32Array(Math.round(2.6 * RATE));
AUDIO.set(voiced(1.2, RATE));
AUDIO.set(voiced(0.6, RATE), Math.round(2 * RATE));

async function withBackend(
  fn: (backend: OrtBackend) => Promise<void>,
): Promise<void> {
  const dir = await Deno.makeTempDir({ prefix: "lipstream-lipsync-" });
  try {
    await generateFixtureRepository(dir);
    const backend = await createOrtBackend({ repository: dir });
    try {
      await fn(backend);
    } finally {
      await backend.close();
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

/** Avatar frame shown at output frame `index` by a fresh service. */
function pingPong(index: number): number {
  const period = 2 * (FRAME_COUNT - 1);
  const p = index % period;
  return p < FRAME_COUNT ? p : period - p;
}

/** Mean brightness inside the fixture's widest mouth, in frame pixels. */
function mouthBrightness(jpeg: Uint8Array, avatarFrame: number): number {
  const image = decodeJpeg(jpeg);
  const box = PACK.boxes[avatarFrame]!;
  const sx = (box.x2 - box.x1) / 96, sy = (box.y2 - box.y1) / 96;
  const { centerX, centerY, halfWidth } = FIXTURE_MOUTH;
  const x1 = Math.ceil(box.x1 + (centerX - halfWidth / 2) * sx);
  const x2 = Math.floor(box.x1 + (centerX + halfWidth / 2) * sx);
  const y1 = Math.ceil(box.y1 + (centerY - 2) * sy);
  const y2 = Math.floor(box.y1 + (centerY + 2) * sy);
  let sum = 0, count = 0;
  for (let y = y1; y < y2; y++) {
    for (let x = x1; x < x2; x++) {
      for (let c = 0; c < 3; c++) {
        sum += image.data[(y * image.width + x) * 3 + c]!;
        count++;
      }
    }
  }
  return sum / count;
}

Deno.test("lip-sync on ORT: one clock, identical frames across sentence splits, one run per batch", async () => {
  await withBackend(async (backend) => {
    const lipModel = lipModelFromBackend(backend, "fixture_wav2lip");
    const render = async (sizes: number[]) => {
      const service = createLipSyncService({
        packs: new Map([["demo", PACK]]),
        lipModel,
        batching: { first: 2, next: 8 },
      });
      const signal = new AbortController().signal;
      const session = await service.open({ avatarId: "demo", fps: 25 }, {
        signal,
      });
      const frames = await renderSession(
        session,
        chunksOf(AUDIO, sizes, RATE),
        signal,
      );
      return { frames, stats: service.stats };
    };
    const runsBefore = backend.runCount("fixture_wav2lip");
    const whole = await render([]);
    assert.equal(
      backend.runCount("fixture_wav2lip") - runsBefore,
      whole.stats.modelCalls,
    );
    assert.equal(whole.stats.batchSizes[0], 2);
    assert.ok(whole.stats.batchSizes.every((size) => size <= 8));
    assert.equal(whole.frames.length, Math.ceil(AUDIO.length * 25 / RATE));
    whole.frames.forEach((frame, i) => {
      assert.equal(frame.index, i);
      assert.equal(frame.ptsMs, i * 40);
    });

    // The pause (frames 36–44 have silent windows) shows the idle frames.
    for (let i = 36; i < 45; i++) {
      assert.equal(
        whole.frames[i]!.jpeg,
        PACK.jpegs[pingPong(i)],
        `frame ${i}`,
      );
    }
    // Speech opens the fixture's mouth: darker than the idle frame.
    for (const i of [3, 10, 20, 52, 58]) {
      const avatarFrame = pingPong(i);
      const idle = mouthBrightness(PACK.jpegs[avatarFrame]!, avatarFrame);
      const open = mouthBrightness(whole.frames[i]!.jpeg, avatarFrame);
      assert.ok(open < idle - 30, `frame ${i}: ${open} vs idle ${idle}`);
    }

    const random = seededRandom(99);
    const split = await render(randomSizes(AUDIO.length, RATE * 0.7, random));
    assert.equal(split.frames.length, whole.frames.length);
    split.frames.forEach((frame, i) =>
      assert.deepEqual(frame.jpeg, whole.frames[i]!.jpeg, `frame ${i}`)
    );
  });
});

Deno.test("lip-sync on ORT: a model without Wav2Lip tensors is refused, an abort stops the utterance", async () => {
  await withBackend(async (backend) => {
    const packs = new Map([["demo", PACK]]);
    const signal = new AbortController().signal;
    const wrong = createLipSyncService({
      packs,
      lipModel: lipModelFromBackend(backend, "fixture_identity"),
    });
    const session = await wrong.open({ avatarId: "demo", fps: 25 }, { signal });
    await assert.rejects(
      renderSession(session, chunksOf(AUDIO, [], RATE), signal),
      (error) =>
        error instanceof InferenceError && error.kind === "invalid_argument",
    );

    const controller = new AbortController();
    const service = createLipSyncService({
      packs,
      lipModel: lipModelFromBackend(backend, "fixture_wav2lip"),
      batching: { first: 1, next: 1 },
    });
    const aborting = await service.open({ avatarId: "demo", fps: 25 }, {
      signal: controller.signal,
    });
    const seen: number[] = [];
    await assert.rejects(async () => {
      for (const chunk of chunksOf(AUDIO, [], RATE)) {
        for await (
          const frame of aborting.render(chunk, { signal: controller.signal })
        ) {
          seen.push(frame.index);
          if (frame.index === 4) {
            controller.abort(new DOMException("client left", "AbortError"));
          }
        }
      }
    }, { name: "AbortError" });
    aborting.close();
    assert.deepEqual(seen, [0, 1, 2, 3, 4]);
    assert.equal(service.stats.modelCalls, 5);
  });
});
