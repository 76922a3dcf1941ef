/**
 * The real {@linkcode LipSyncService}: avatar packs loaded at start-up, a
 * Wav2Lip model, and one frame pipeline per utterance.
 *
 * Idle frames are picked ping-pong; each (avatar, session) keeps a cursor, so
 * an utterance starts where the session's previous utterance on that avatar
 * stopped and the loop continues without a jump. Requests without a session
 * share one cursor per avatar. The choice is deterministic: an utterance's
 * frames depend only on its audio and the cursor when it opened.
 *
 * @module
 */

import { defined } from "@lipstream/shared";
import type { AvatarPack } from "../avatar/pack_loader.ts";
import type {
  AvatarInfo,
  LipSyncRequest,
  LipSyncService,
} from "../pipeline/types.ts";
import { type BatchPolicy, resolveBatchPolicy } from "./batch_policy.ts";
import type { LipModel } from "./lip_model.ts";
import {
  createLipSyncSession,
  type LipStageRecorder,
  type LipSyncFrameSession,
  type LipSyncStats,
} from "./lipsync_session.ts";
import type { CursorStore } from "../store/shared_store.ts";
import { memorySharedStore } from "../store/memory_shared_store.ts";
import { FrameWorkerPool } from "./frame_worker_pool.ts";
import { LipCostMeter } from "./frame_pacer.ts";
import { pingPongFrame, pingPongPeriod } from "../frames/ping_pong.ts";

/** Default peak (normalized mel, −4…4) at or below which a window counts as silent. */
export const DEFAULT_SILENCE_PEAK = -3.5;

/** Options for {@linkcode createLipSyncService}. */
export interface LipSyncServiceOptions {
  /** Verified avatar packs by id. */
  packs: ReadonlyMap<string, AvatarPack>;
  /** The Wav2Lip model. */
  lipModel: LipModel;
  /** Batch sizes. @default {DEFAULT_BATCH_POLICY} */
  batching?: Partial<BatchPolicy>;
  /**
   * Silence skip: windows whose loudest normalized mel value is at or below
   * this take the idle JPEG without inference; `false` turns it off.
   * @default {DEFAULT_SILENCE_PEAK}
   */
  silencePeak?: number | false;
  /** Paste-back: `"feathered"` blends the box border, `"reference"` is Wav2Lip's hard paste. @default {"feathered"} */
  blend?: "reference" | "feathered";
  /** JPEG quality when a request sets none. @default {80} */
  jpegQuality?: number;
  /**
   * (avatar, session) idle-loop cursors kept; the least recently used is
   * forgotten first. @default {DEFAULT_MAX_SESSIONS}
   */
  maxSessions?: number;
  /**
   * Where the cursors live when several replicas share them (Redis); the
   * default is this process's own table of `maxSessions`.
   */
  cursors?: CursorStore;
  /**
   * Graceful overload: how late after its PTS a frame may leave (ms after
   * the utterance's first audio); batches then render only the frames the
   * model can finish in time and hold the others (see `frame_pacer.ts`).
   * `false` renders every frame however long it takes. @default {false}
   */
  deadlineSlackMs?: number | false;
  /** The clock in milliseconds. @default {performance.now} */
  now?: () => number;
  /**
   * Frame worker threads for the CPU work (resample + mel, face batch,
   * paste-back, JPEG; `frame_worker_pool.ts`); `0` runs it on the calling
   * thread, one frame per event-loop slice (also where `Worker` does not
   * exist). Workers run until {@linkcode LipSyncServiceWithStats.close}.
   * @default {0}
   */
  frameWorkers?: number;
  /** Receives each stage's duration of every session (see `LipStage`). */
  profile?: LipStageRecorder;
}

/** The service plus its counters. */
export interface LipSyncServiceWithStats extends LipSyncService {
  /** What all sessions did so far. */
  readonly stats: LipSyncStats;
  /** Measured model and emit costs, shared by the sessions. */
  readonly costs: LipCostMeter;
  /** The frame the session's next utterance on the avatar starts on. */
  idleFrame(
    avatarId: string,
    sessionId?: string,
  ): Promise<Uint8Array | undefined>;
  /** Frame `index` of the avatar's idle video. */
  avatarFrame(avatarId: string, index: number): Promise<Uint8Array | undefined>;
  /** Opens a session (with `finish`). */
  open(
    request: LipSyncRequest,
    options: { signal: AbortSignal },
  ): Promise<LipSyncFrameSession>;
  /** The frame workers, when the service has them. */
  readonly frameWorkers: FrameWorkerPool | undefined;
  /** Stops the frame workers (later sessions run on the calling thread). */
  close(): void;
}

function describe(id: string, pack: AvatarPack): AvatarInfo {
  const { width, height, fps, frameCount, kind } = pack.manifest;
  return {
    id,
    width,
    height,
    fps,
    frameCount,
    ...(kind === "demo" ? { demo: true } : {}),
  };
}

/**
 * Creates the service.
 *
 * @example
 * ```ts ignore
 * const lipSync = createLipSyncService({
 *   packs: await loadAvatarPacks("generated/avatars"),
 *   lipModel: lipModelFromBackend(backend, "wav2lip"),
 * });
 * ```
 *
 * @param options Packs, model and pipeline settings.
 * @returns The service.
 * @throws {RangeError} On an invalid batch policy, threshold or quality.
 */
export function createLipSyncService(
  options: LipSyncServiceOptions,
): LipSyncServiceWithStats {
  const batching = resolveBatchPolicy(options.batching);
  const silence = options.silencePeak ?? DEFAULT_SILENCE_PEAK;
  if (silence !== false && !(silence >= -4 && silence <= 4)) {
    throw new RangeError(
      `Cannot create lip-sync service: silencePeak must be in [-4, 4] or false: received ${silence}`,
    );
  }
  const slack = options.deadlineSlackMs ?? false;
  if (slack !== false && !(Number.isFinite(slack) && slack >= 0)) {
    throw new RangeError(
      `Cannot create lip-sync service: deadlineSlackMs must be a non-negative number or false: received ${slack}`,
    );
  }
  const workers = options.frameWorkers ?? 0;
  if (!Number.isSafeInteger(workers) || workers < 0) {
    throw new RangeError(
      `Cannot create lip-sync service: frameWorkers must be a non-negative integer: received ${workers}`,
    );
  }
  const pool = workers > 0 && typeof Worker === "function"
    ? new FrameWorkerPool({ packs: options.packs, workers })
    : undefined;
  const costs = new LipCostMeter();
  const defaultQuality = options.jpegQuality ?? 80;
  const cursors = options.cursors ??
    memorySharedStore(options.maxSessions).cursors;
  const stats: LipSyncStats = {
    frames: 0,
    silentFrames: 0,
    renderedFrames: 0,
    heldFrames: 0,
    modelCalls: 0,
    batchSizes: [],
  };
  const infos = new Map(
    [...options.packs].map(([id, pack]) => [id, describe(id, pack)]),
  );
  return {
    stats,
    costs,
    frameWorkers: pool,
    close: () => pool?.close(),
    frameCounts: () => ({
      rendered: stats.renderedFrames,
      held: stats.heldFrames,
      silent: stats.silentFrames,
    }),
    listAvatars: () => Promise.resolve([...infos.values()]),
    getAvatar: (id) => Promise.resolve(infos.get(id)),
    async idleFrame(id, sessionId) {
      const pack = options.packs.get(id);
      if (pack === undefined) return undefined;
      const frame = pingPongFrame(
        await cursors.get(id, sessionId),
        pack.manifest.frameCount,
      );
      return pack.jpegs[frame];
    },
    avatarFrame: (id, index) =>
      Promise.resolve(
        Number.isSafeInteger(index) && index >= 0
          ? options.packs.get(id)?.jpegs[index]
          : undefined,
      ),
    // Async: every failure, an aborted signal included, reaches the caller
    // as a rejection.
    open: (request, { signal }) => openSession(request, signal),
  };

  async function openSession(
    request: LipSyncRequest,
    signal: AbortSignal,
  ): Promise<LipSyncFrameSession> {
    signal.throwIfAborted();
    const pack = options.packs.get(request.avatarId);
    if (pack === undefined) {
      throw new RangeError(
        `Cannot open lip-sync session: unknown avatar '${request.avatarId}'`,
      );
    }
    if (!Number.isSafeInteger(request.fps) || request.fps < 1) {
      throw new RangeError(
        `Cannot open lip-sync session: fps must be a positive integer: received ${request.fps}`,
      );
    }
    const startPosition = request.idlePosition === undefined
      ? await cursors.get(request.avatarId, request.sessionId)
      : request.idlePosition % pingPongPeriod(pack.manifest.frameCount);
    signal.throwIfAborted();
    return createLipSyncSession({
      pack,
      lipModel: options.lipModel,
      fps: request.fps,
      jpegQuality: request.jpegQuality ?? defaultQuality,
      batching,
      silencePeak: silence === false ? undefined : silence,
      blend: options.blend ?? "feathered",
      startPosition,
      stats,
      costs,
      deadlineSlackMs: slack === false ? undefined : slack,
      ...defined({ now: options.now }),
      ...defined({ profile: options.profile }),
      ...(pool === undefined
        ? {}
        : { work: (work) => pool.open(request.avatarId, work) }),
      onClose: (position) =>
        void cursors.set(request.avatarId, request.sessionId, position),
    });
  }
}
