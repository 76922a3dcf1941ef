/**
 * Avatar packs: the pack format (`README.md`), its edge-safe encoder and verifying loader, Wav2Lip
 * box padding and smoothing, face crops, the detector interface, and the drawn demo avatar. File
 * access lives in `@lipstream/edge/avatar/deno`; the builder CLI is `build_main.ts`.
 *
 * @module
 */

export * from "./avatar_pack_error.ts";
export * from "./demo_avatar.ts";
export * from "./face_boxes.ts";
export * from "./face_crops.ts";
export * from "./face_detector.ts";
export * from "./manifest.ts";
export * from "./pack_encoder.ts";
export * from "./pack_loader.ts";
export * from "./progress.ts";
