/**
 * The lip-sync frame pipeline, edge-safe (no native code, no `Deno.*`): one
 * audio clock for frames, the streaming mel timeline, batched Wav2Lip with a
 * silence skip, paste-back and JPEG encoding (on the calling thread or on
 * frame workers), behind the edge's `LipSyncService` seam.
 *
 * @module
 */

export * from "./batch_policy.ts";
export * from "./frame_clock.ts";
export * from "./frame_pacer.ts";
export * from "./frame_work.ts";
export * from "./frame_worker_pool.ts";
export * from "./lip_model.ts";
export * from "./lipsync_service.ts";
export * from "./lipsync_session.ts";
export * from "./mel_feed.ts";
export * from "./mel_timeline.ts";
export * from "./session_cursors.ts";
