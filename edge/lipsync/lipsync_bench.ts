/**
 * The frame pipeline without a real model, on the 256×256 demo avatar and
 * 4 s of speech-like audio at 22050 Hz (100 frames at 25 fps): time to the
 * first frame and the whole utterance per batch policy, and the silence skip.
 *
 * The lip model is pure TS and stands in for a remote GPU: each call costs a
 * fixed 3 ms (transport and launch) plus 0.5 ms per item, spent busy so the
 * numbers are CPU-bound and repeatable. The edge's own work (resample, mel,
 * face batch, paste-back, JPEG) is what remains at `overhead 0`. The same
 * policies on ONNX Runtime with the fixture model: `tests/lipsync_pipeline_bench.ts`.
 */
import { loadAvatarPack } from "@lipstream/edge/avatar";
import { buildDemoAvatarPack } from "@lipstream/edge/avatar_build";
import {
  type BatchPolicy,
  createLipSyncService,
  type LipModel,
} from "@lipstream/edge/lipsync";
import { darkMouthModel, voiced } from "./_test_support.ts";

const files = await buildDemoAvatarPack({ size: 256, frameCount: 40 });
const pack = await loadAvatarPack((path) => Promise.resolve(files.get(path)!));
const RATE = 22050;
const speech = voiced(4, RATE);
// The same 4 s with a 2 s pause in the middle.
const withPause = speech.map((v, n) => n > RATE && n < 3 * RATE ? 0 : v);

function busy(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) { /* spin */ }
}

/** `darkMouthModel` plus a simulated per-call and per-item cost. */
function remoteModel(callMs: number, itemMs: number): LipModel {
  return (batch, options) => {
    busy(callMs + itemMs * batch.size);
    return darkMouthModel(batch, options);
  };
}

async function run(
  audio: Float32Array,
  options: {
    batching: BatchPolicy;
    lipModel: LipModel;
    silencePeak: number | false;
    firstFrameOnly: boolean;
  },
): Promise<void> {
  const service = createLipSyncService({
    packs: new Map([["demo", pack]]),
    lipModel: options.lipModel,
    batching: options.batching,
    silencePeak: options.silencePeak,
  });
  const signal = new AbortController().signal;
  const session = await service.open({ avatarId: "demo", fps: 25 }, { signal });
  try {
    const chunk = { sentenceIndex: 0, samples: audio, sampleRateHz: RATE };
    for await (const _ of session.render(chunk, { signal })) {
      if (options.firstFrameOnly) return;
    }
    for await (const _ of session.finish({ signal }));
  } finally {
    session.close();
  }
}

const POLICIES: BatchPolicy[] = [
  { first: 1, next: 1 },
  { first: 4, next: 16 },
  { first: 16, next: 16 },
  { first: 4, next: 32 },
];
const REMOTE = remoteModel(3, 0.5);

for (const batching of POLICIES) {
  const name = `${batching.first}/${batching.next}`;
  const baseline = batching.first === 4 && batching.next === 16;
  Deno.bench(`first frame, batches ${name}`, {
    group: "lipsync first frame (3 ms + 0.5 ms/item model)",
    baseline,
    n: 20,
  }, async () =>
    await run(speech, {
      batching,
      lipModel: REMOTE,
      silencePeak: false,
      firstFrameOnly: true,
    }));
  Deno.bench(`100 frames, batches ${name}`, {
    group: "lipsync 4 s utterance (3 ms + 0.5 ms/item model)",
    baseline,
    n: 5,
  }, async () =>
    await run(speech, {
      batching,
      lipModel: REMOTE,
      silencePeak: false,
      firstFrameOnly: false,
    }));
}
Deno.bench("100 frames, overhead 0 (edge work only)", {
  group: "lipsync edge work",
  n: 5,
}, async () =>
  await run(speech, {
    batching: { first: 4, next: 16 },
    lipModel: darkMouthModel,
    silencePeak: false,
    firstFrameOnly: false,
  }));
Deno.bench("100 frames with a 2 s pause, silence skip on", {
  group: "lipsync silence skip",
  baseline: true,
  n: 5,
}, async () =>
  await run(withPause, {
    batching: { first: 4, next: 16 },
    lipModel: REMOTE,
    silencePeak: -3.5,
    firstFrameOnly: false,
  }));
Deno.bench("100 frames with a 2 s pause, silence skip off", {
  group: "lipsync silence skip",
  n: 5,
}, async () =>
  await run(withPause, {
    batching: { first: 4, next: 16 },
    lipModel: REMOTE,
    silencePeak: false,
    firstFrameOnly: false,
  }));
