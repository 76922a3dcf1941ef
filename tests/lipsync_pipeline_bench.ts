/**
 * The frame pipeline with the fixture lip model on ONNX Runtime and the
 * 256×256 demo avatar: time to first frame and whole-utterance time (4 s of
 * speech-like audio at 22050 Hz, 100 frames at 25 fps) per batch policy,
 * and the effect of the silence skip. Needs `deno task setup`.
 */
import { loadAvatarPack } from "@lipstream/edge/avatar";
import { buildDemoAvatarPack } from "@lipstream/edge/avatar_build";
import {
  type BatchPolicy,
  createLipSyncService,
  lipModelFromBackend,
} from "@lipstream/edge/lipsync";
import { createOrtBackend } from "@lipstream/inference/ort";

const files = await buildDemoAvatarPack();
const pack = await loadAvatarPack((path) => Promise.resolve(files.get(path)!));
const backend = await createOrtBackend({ repository: "generated/models" });
const lipModel = lipModelFromBackend(backend, "fixture_wav2lip");
const RATE = 22050;
const speech = Float32Array.from({ length: 4 * RATE }, (_, n) => {
  const t = n / RATE;
  return 0.5 * Math.abs(Math.sin(Math.PI * t / 0.3)) *
    Math.sin(2 * Math.PI * 180 * t);
});
// The same 4 s with a 2 s pause in the middle.
const withPause = speech.map((v, n) => n > RATE && n < 3 * RATE ? 0 : v);

async function run(
  audio: Float32Array,
  batching: BatchPolicy,
  silencePeak: number | false,
  stopAfterFirst: boolean,
): Promise<void> {
  const service = createLipSyncService({
    packs: new Map([["demo", pack]]),
    lipModel,
    batching,
    silencePeak,
  });
  const signal = new AbortController().signal;
  const session = await service.open({ avatarId: "demo", fps: 25 }, { signal });
  let frames = 0;
  try {
    for await (
      const _ of session.render({
        sentenceIndex: 0,
        samples: audio,
        sampleRateHz: RATE,
      }, { signal })
    ) {
      frames++;
      if (stopAfterFirst) return;
    }
    for await (const _ of session.finish({ signal })) frames++;
    if (frames !== 100) throw new Error(`expected 100 frames: got ${frames}`);
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

for (const policy of POLICIES) {
  Deno.bench(`first frame, batches ${policy.first}/${policy.next}`, {
    group: "lipsync-first-frame",
    baseline: policy.first === 4 && policy.next === 16,
  }, async () => await run(speech, policy, false, true));
}
for (const policy of POLICIES) {
  Deno.bench(
    `4 s utterance (100 frames), batches ${policy.first}/${policy.next}`,
    {
      group: "lipsync-utterance",
      baseline: policy.first === 4 && policy.next === 16,
    },
    async () => await run(speech, policy, false, false),
  );
}
Deno.bench("4 s with a 2 s pause, silence skip on", {
  group: "lipsync-silence",
  baseline: true,
}, async () => await run(withPause, { first: 4, next: 16 }, -3.5, false));
Deno.bench("4 s with a 2 s pause, silence skip off", {
  group: "lipsync-silence",
}, async () => await run(withPause, { first: 4, next: 16 }, false, false));
