/**
 * Builds the real pipeline the edge app runs on, from the configuration:
 * the backend (Triton or embedded ONNX Runtime), the voices folder, the
 * avatar packs, and the speech, lip-sync and readiness services over them.
 * Deno-only (reads folders); `main.ts` calls it once at start-up.
 *
 * @module
 */

import { defined, type InferenceBackend } from "@lipstream/shared";
import type { EdgeConfig } from "../config.ts";
import { createLipSyncService } from "../lipsync/lipsync_service.ts";
import { memorySharedStore } from "../store/memory_shared_store.ts";
import type { SharedStore } from "../store/shared_store.ts";
import { redisSharedStore } from "../store/redis_shared_store.ts";
import { lipModelFromBackend } from "../lipsync/lip_model.ts";
import type { Logger } from "../log.ts";
import type {
  LipSyncService,
  Readiness,
  SpeechService,
} from "../pipeline/types.ts";
import { createSpeechService } from "../speech/speech_service.ts";
import { createDemoSpeechService } from "../speech/demo_voice.ts";
import {
  createEspeakNgSynthesizer,
  type EspeakNgSynthesizer,
} from "../speech/espeak_ng_synthesizer.ts";
import { withDemoVoice } from "../speech/with_demo_voice.ts";
import { FrontEndWorkers } from "../text/front_end_workers.ts";
import { backendVoiceSynthesizer } from "../speech/voice_synthesizer.ts";
import { backendStreamingSynthesizer } from "../speech/streaming_synthesizer.ts";
import { denoVoiceFiles } from "../voices/deno_voice_files.ts";
import { scanVoicesFolder } from "../voices/voices_folder.ts";
import { backendReadiness } from "./backend_readiness.ts";
import { lipModelProbe, voiceModelProbe } from "./model_probes.ts";
import { scanAvatarPacks } from "./load_avatar_packs.ts";
import { openBackend } from "./open_backend.ts";
import {
  FIXTURE_WAV2LIP_MODEL,
  lipModelName,
  WAV2LIP_MODEL,
} from "./lip_model_name.ts";
import { ortThreadPlan, ortWorkerPlan } from "./ort_worker_plan.ts";

export { FIXTURE_WAV2LIP_MODEL, WAV2LIP_MODEL } from "./lip_model_name.ts";

/** The services `createApp` needs, plus what `main.ts` reports and closes. */
export interface PipelineDeps {
  /** Text to speech. */
  speech: SpeechService;
  /** Audio to frames. */
  lipSync: LipSyncService;
  /** Readiness probe. */
  readiness: Readiness;
  /** The backend (closed on shutdown). */
  backend: InferenceBackend;
  /** Session cursors and cross-replica cancel: Redis with `REDIS_URL`, else memory (closed on shutdown). */
  store: SharedStore;
  /** The demo voice's eSpeak NG worker (closed on shutdown). */
  espeak: EspeakNgSynthesizer;
  /** `triton` or `embedded`. */
  mode: "triton" | "embedded";
  /** The lip model used. */
  wav2lipModel: string;
  /** Loaded voice ids. */
  voiceIds: string[];
  /** Loaded avatar ids. */
  avatarIds: string[];
  /** Stops the frame, text and eSpeak workers, closes the shared store and the backend (on shutdown). */
  close(): Promise<void>;
}

/**
 * Opens the backend and loads voices and avatars; a voice or pack that does
 * not load is logged and listed in the readiness report, not fatal.
 *
 * @example
 * ```ts ignore
 * const deps = await buildPipelineDeps(readConfig(Deno.env.toObject()), log);
 * const { app } = createApp({ config, log, ...deps });
 * ```
 *
 * @param config The configuration.
 * @param log Where to report what was loaded.
 * @returns The services and handles.
 */
export async function buildPipelineDeps(
  config: EdgeConfig,
  log: Logger,
): Promise<PipelineDeps> {
  // Workers load their modules while the voices, packs and models load.
  const frontEnd = config.textWorkers > 0 && typeof Worker === "function"
    ? new FrontEndWorkers(config.textWorkers)
    : undefined;
  // One broken voice or pack is skipped (one log line naming the file and
  // field, listed in /readyz); the rest serve.
  const { voices, failed: failedVoices } = await scanVoicesFolder(
    denoVoiceFiles(config.voicesDir),
  );
  for (const failure of failedVoices) {
    log.error("voice skipped: invalid config", { ...failure });
  }
  const { packs, failed: failedAvatars } = await scanAvatarPacks(
    config.avatarsDir,
  );
  for (const failure of failedAvatars) {
    log.error("avatar pack skipped: invalid pack", { ...failure });
  }
  const plan = ortWorkerPlan(
    navigator.hardwareConcurrency,
    config.ortWorkers,
    config.ortLipWorkers,
  );
  const threads = ortThreadPlan(navigator.hardwareConcurrency, plan, {
    intraOpThreads: config.ortIntraOpThreads,
    lipIntraOpThreads: config.ortLipIntraOpThreads,
    spinning: config.ortSpinning,
  });
  const { backend, mode, models } = await openBackend({
    tritonUrl: config.tritonUrl,
    modelRepository: config.modelRepository,
    timeoutMs: config.backendTimeoutMs,
    ortWorkers: plan.workers,
    ortLipWorkers: plan.lipWorkers,
    lipIntraOpThreads: threads.lipIntraOpThreads,
    spinning: threads.spinning,
    lipModels: [
      ...new Set([
        config.wav2lipModel ?? WAV2LIP_MODEL,
        FIXTURE_WAV2LIP_MODEL,
      ]),
    ],
    intraOpThreads: threads.intraOpThreads,
    extraModels: voices.flatMap((voice) =>
      voice.modelFile === undefined ? [] : [{
        name: voice.tritonModel,
        path: `${config.voicesDir}/${voice.modelFile}`,
      }]
    ),
  });
  const listModels = (backend as {
    repositoryIndex?: () => Promise<{ name: string }[]>;
  }).repositoryIndex?.bind(backend);
  const lipName = lipModelName({
    configured: config.wav2lipModel,
    models,
    ...defined({
      list: listModels &&
        (async () => (await listModels()).map((entry) => entry.name)),
    }),
  });
  const wav2lipModel = lipName.initial;
  if (wav2lipModel === FIXTURE_WAV2LIP_MODEL) {
    log.warn("using the generated fixture lip model, not a real Wav2Lip", {
      model: wav2lipModel,
    });
  }
  const synthesizer = backendVoiceSynthesizer(backend);
  const lipModel = lipModelFromBackend(backend, lipName.resolve);
  const sentences = { firstMaxChars: config.firstPieceMaxChars };
  const espeak = createEspeakNgSynthesizer();
  // The eSpeak NG demo voice is always offered; the catalog lists real voices
  // before it, so it is the default only where no real voice is configured.
  const speech = withDemoVoice(
    createSpeechService({
      ...defined({ plan: frontEnd?.plan }),
      voices,
      synthesizer,
      streaming: backendStreamingSynthesizer(backend, {
        firstFrames: config.vitsFirstWindowFrames,
      }),
      maxTextChars: config.maxTextLength,
      sentences,
      onWarning: (voice, warning) =>
        log.debug("text front end warning", { voice, warning }),
    }),
    createDemoSpeechService({
      espeak,
      maxTextChars: config.maxTextLength,
      sentences,
    }),
  );
  const store = config.redisUrl === undefined
    ? memorySharedStore(config.maxSessions)
    : redisSharedStore({ url: config.redisUrl, log });
  const lipSync = createLipSyncService({
    cursors: store.cursors,
    packs,
    lipModel,
    batching: { first: config.lipSyncFirstBatch, next: config.lipSyncBatch },
    silencePeak: config.silencePeak,
    deadlineSlackMs: config.lipSyncDeadlineMs,
    blend: config.pasteBlend,
    jpegQuality: config.jpegQuality,
    maxSessions: config.maxSessions,
    frameWorkers: config.frameWorkers,
  });
  await Promise.all([frontEnd?.ready, lipSync.frameWorkers?.ready]);
  const voiceModels = [...new Set(voices.map((voice) => voice.tritonModel))];
  const probes = [
    ...voiceModels.map((model) =>
      voiceModelProbe(
        voices.find((voice) => voice.tritonModel === model)!,
        synthesizer,
      )
    ),
    lipModelProbe(wav2lipModel, lipModel, [
      config.lipSyncFirstBatch,
      config.lipSyncBatch,
    ]),
  ];
  const readiness = backendReadiness({
    backend,
    models: async () => [...voiceModels, await lipName.resolve()],
    avatarCount: packs.size,
    voiceCount: voices.length,
    probes,
    probeTimeoutMs: config.backendTimeoutMs,
    failed: { voices: failedVoices, avatars: failedAvatars },
  });
  return {
    speech,
    lipSync,
    readiness,
    backend,
    store,
    espeak,
    mode,
    wav2lipModel,
    voiceIds: voices.map((voice) => voice.id),
    avatarIds: [...packs.keys()],
    async close() {
      lipSync.close();
      frontEnd?.close();
      espeak.close();
      store.close();
      await backend.close();
    },
  };
}
