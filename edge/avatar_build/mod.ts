/**
 * The offline avatar pack builder's edge-safe parts: Wav2Lip box padding and smoothing, face
 * crops, the detector interface, keyframe detection with tracking in between, the pack encoder,
 * the drawn demo avatar and the progress line. File and process access lives in
 * `@lipstream/edge/avatar_build/deno`; the CLI is `build_main.ts` (`deno task avatar:build`).
 * The server never imports this folder (`deno task check:edge-graph` fails if it does).
 *
 * @module
 */

export * from "./demo_avatar.ts";
export * from "./face_boxes.ts";
export * from "./face_crops.ts";
export * from "./face_detector.ts";
export * from "./pack_encoder.ts";
export * from "./progress.ts";
export * from "./box_tracker.ts";
export * from "./gray_plane.ts";
export * from "./scene_cuts.ts";
export * from "./track_face_boxes.ts";
