/**
 * The per-stage profile of `deno task bench`: one utterance at a time
 * through the server's own modules in this process (embedded ONNX Runtime on
 * a worker, the voices and avatar packs of `generated/`, the lip-sync
 * service with its frame workers and the text front end on its worker, or
 * all of it on this thread), each stage timed where it runs:
 * synthesis (text front end + VITS, per sentence), resample + mel, face
 * batch, Wav2Lip (wall time per batch), paste-back and JPEG (per frame), and
 * the multipart write (WAV encode and part encoding). Meanwhile a 10 ms
 * timer on this thread measures how late it fires: the delay an unrelated
 * request would see on the server thread.
 *
 * @module
 */

import {
  encodeMultipartPart,
  encodeWav,
  type InferenceBackend,
} from "@lipstream/shared";
import { openBackend } from "../edge/boot/open_backend.ts";
import { ortThreadPlan, ortWorkerPlan } from "../edge/boot/ort_worker_plan.ts";
import { scanAvatarPacks } from "../edge/boot/load_avatar_packs.ts";
import {
  createLipSyncService,
  lipModelFromBackend,
  type LipStage,
} from "@lipstream/edge/lipsync";
import {
  backendStreamingSynthesizer,
  backendVoiceSynthesizer,
  createSpeechService,
} from "@lipstream/edge/speech";
import { scanVoicesFolder } from "../edge/voices/voices_folder.ts";
import { FrontEndWorkers } from "../edge/text/front_end_workers.ts";
import { denoVoiceFiles } from "@lipstream/edge/voices/deno";

/** Stages in the order they are reported. */
export const STAGES = [
  "synthesis",
  "mel",
  "batch",
  "model",
  "paste",
  "jpeg",
  "write",
] as const;

/** A profiled stage. */
export type Stage = typeof STAGES[number];

/** Options of {@linkcode profileStages}. */
export interface StageProfileOptions {
  /** Model repository (Triton layout). */
  repository: string;
  /** The lip model's name in it. */
  model: string;
  /** Voice id. */
  voice: string;
  /** The voices folder it is in. @default {"generated/voices"} */
  voicesDir?: string;
  /** Avatar id. */
  avatar: string;
  /** Text of each utterance. */
  text: string;
  /** Speaking rate asked of the voice (1 = its own). @default {1} */
  speed?: number;
  /** Utterances after one warm-up. */
  runs: number;
  /** Frame worker threads, and text front end workers as many (0: all of it on this thread). */
  workers: number;
  /** Graceful-overload slack, as `LIPSYNC_DEADLINE_MS`; `false` renders every frame. */
  deadlineSlackMs: number | false;
}

/** p50 / p95 / count of one stage, ms. */
export interface StageSummary {
  p50: number;
  p95: number;
  count: number;
}

/** What {@linkcode profileStages} measured. */
export interface StageProfile {
  stages: Record<Stage, StageSummary>;
  /** How late a 10 ms timer on this thread fired while utterances ran, ms. */
  loopDelay: StageSummary & { max: number };
  /** Frames by how they were made. */
  frames: { rendered: number; held: number; silent: number };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

function summarize(values: number[]): StageSummary {
  const sorted = [...values].sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    p50: round(percentile(sorted, 0.5)),
    p95: round(percentile(sorted, 0.95)),
    count: values.length,
  };
}

/**
 * Runs `runs` utterances stage by stage and summarizes each stage.
 *
 * @example
 * ```ts ignore
 * const profile = await profileStages({ repository: "generated/models", model: "fixture_wav2lip",
 *   voice: "fixture_vits", avatar: "demo", text: "Hello there.", runs: 2, workers: 1,
 *   deadlineSlackMs: 250 });
 * console.log(profile.stages.jpeg.p50);
 * ```
 *
 * @param options Models, text, runs and frame workers.
 * @returns Per-stage p50/p95 and the server thread's timer delay.
 */
export async function profileStages(
  options: StageProfileOptions,
): Promise<StageProfile> {
  const times = new Map<Stage, number[]>(STAGES.map((s) => [s, []]));
  const record = (stage: Stage, ms: number) => times.get(stage)!.push(ms);
  const { voices } = await scanVoicesFolder(
    denoVoiceFiles(options.voicesDir ?? "generated/voices"),
  );
  const { packs } = await scanAvatarPacks("generated/avatars");
  const plan = ortWorkerPlan(navigator.hardwareConcurrency, "auto", "auto");
  const threads = ortThreadPlan(navigator.hardwareConcurrency, plan, {});
  const { backend } = await openBackend({
    tritonUrl: undefined,
    modelRepository: options.repository,
    timeoutMs: 120_000,
    // The server's default workers and threads: the lip model on a worker of its own.
    ortWorkers: plan.workers,
    ortLipWorkers: plan.lipWorkers,
    intraOpThreads: threads.intraOpThreads,
    lipIntraOpThreads: threads.lipIntraOpThreads,
    spinning: threads.spinning,
    lipModels: [options.model],
    extraModels: [],
  });
  const frontEnd = options.workers > 0
    ? new FrontEndWorkers(options.workers)
    : undefined;
  const speech = createSpeechService({
    ...(frontEnd === undefined ? {} : { plan: frontEnd.plan }),
    voices,
    synthesizer: backendVoiceSynthesizer(backend),
    streaming: backendStreamingSynthesizer(backend),
  });
  const lipSync = createLipSyncService({
    packs,
    lipModel: lipModelFromBackend(backend as InferenceBackend, options.model),
    frameWorkers: options.workers,
    deadlineSlackMs: options.deadlineSlackMs,
    profile: (stage: LipStage, ms) => record(stage, ms),
  });
  const signal = new AbortController().signal;
  const delays: number[] = [];
  let measuring = false;
  async function utterance(): Promise<void> {
    const session = await lipSync.open({ avatarId: options.avatar, fps: 25 }, {
      signal,
    });
    try {
      let asked = performance.now();
      for await (
        const chunk of speech.synthesize(
          {
            text: options.text,
            voiceId: options.voice,
            speed: options.speed ?? 1,
          },
          { signal },
        )
      ) {
        if (measuring) record("synthesis", performance.now() - asked);
        let started = performance.now();
        const wav = encodeWav(chunk.samples, {
          sampleRateHz: chunk.sampleRateHz,
          format: "pcm16",
        });
        encodeMultipartPart({ "Content-Type": "audio/wav" }, wav);
        if (measuring) record("write", performance.now() - started);
        for await (const frame of session.render(chunk, { signal })) {
          started = performance.now();
          encodeMultipartPart({
            "Content-Type": "image/jpeg",
            "X-Frame-Index": frame.index,
            "X-Pts-Ms": frame.ptsMs,
          }, frame.jpeg);
          if (measuring) record("write", performance.now() - started);
        }
        asked = performance.now();
      }
      for await (const _ of session.finish({ signal })) {
        // the tail's frames are profiled by the service
      }
    } finally {
      session.close();
    }
  }
  try {
    await utterance(); // warm-up: sessions, JIT, the worker's modules
    for (const list of times.values()) list.length = 0;
    const before = { ...lipSync.stats };
    measuring = true;
    let expected = performance.now() + 10;
    const timer = setInterval(() => {
      const now = performance.now();
      delays.push(Math.max(0, now - expected));
      expected = now + 10;
    }, 10);
    try {
      for (let i = 0; i < options.runs; i++) await utterance();
    } finally {
      clearInterval(timer);
    }
    const after = lipSync.stats;
    const sortedDelays = [...delays].sort((a, b) => a - b);
    return {
      stages: Object.fromEntries(
        STAGES.map((stage) => [stage, summarize(times.get(stage)!)]),
      ) as Record<Stage, StageSummary>,
      loopDelay: {
        ...summarize(delays),
        max: Math.round((sortedDelays.at(-1) ?? NaN) * 100) / 100,
      },
      frames: {
        rendered: after.renderedFrames - before.renderedFrames,
        held: after.heldFrames - before.heldFrames,
        silent: after.silentFrames - before.silentFrames,
      },
    };
  } finally {
    lipSync.close();
    frontEnd?.close();
    await backend.close();
  }
}

if (import.meta.main) {
  const profile = await profileStages({
    repository: Deno.args[0] ?? "generated/models",
    model: Deno.args[1] ?? "fixture_wav2lip",
    voice: "fixture_vits",
    avatar: "demo",
    text:
      "Hello, and welcome to Lipstream. This is a benchmark of streaming speech with a talking face.",
    runs: 2,
    workers: Number(Deno.env.get("FRAME_WORKERS") ?? 1),
    deadlineSlackMs: 250,
  });
  console.log(JSON.stringify(profile, null, 2));
}
