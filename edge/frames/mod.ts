/**
 * Frame-level building blocks of the lip-sync pipeline, all edge-safe (no native code, no
 * `Deno.*`): the Wav2Lip face batch from stored crops, paste-back, cv2-compatible bilinear resize,
 * the ping-pong idle frame picker, and JPEG encode/decode.
 *
 * @module
 */

export * from "./face_batch.ts";
export * from "./face_box.ts";
export * from "./jpeg_decode.ts";
export * from "./jpeg_encoder.ts";
export * from "./paste_face.ts";
export * from "./ping_pong.ts";
export * from "./resize_bilinear.ts";
export * from "./rgb_image.ts";
