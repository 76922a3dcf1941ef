/**
 * Builds an avatar pack in memory from decoded frames and final face boxes: JPEG frames, the
 * `crops.bin` tensor and a manifest with every file's size and SHA-256. Pure (no file access); the
 * builder CLI and the demo avatar write the result with `writePackFiles`.
 *
 * @module
 */

import type { FaceBox } from "../frames/face_box.ts";
import { JpegEncoder } from "../frames/jpeg_encoder.ts";
import type { RgbImage } from "../frames/rgb_image.ts";
import { sha256Hex } from "../avatar/_sha256.ts";
import { cropFaces } from "./face_crops.ts";
import { DEFAULT_PADS, type FacePads } from "./face_boxes.ts";
import {
  AVATAR_PACK_VERSION,
  type AvatarManifest,
  CROPS_FILE,
  framePath,
  MANIFEST_FILE,
} from "../avatar/manifest.ts";

/** What the manifest records besides frames and boxes. */
export interface EncodeAvatarPackOptions {
  /** Pack name. */
  id: string;
  /** `"demo"` or `"user"`. */
  kind: AvatarManifest["kind"];
  /** Frames per second. */
  fps: number;
  /** Final boxes, one per frame (pads and smoothing already applied). */
  boxes: readonly FaceBox[];
  /** Source description. */
  source: AvatarManifest["source"];
  /** The pads that were applied. @default {DEFAULT_PADS} */
  pads?: FacePads;
  /** Whether smoothing ran. @default {true} */
  smoothed?: boolean;
  /** JPEG quality of the stored frames. @default {90} */
  quality?: number;
}

/**
 * Encodes a pack: returns every file by its path inside the pack folder.
 *
 * @param frames The frames, all the same size.
 * @param options Manifest fields and final boxes.
 * @returns `manifest.json`, `crops.bin` and `frames/NNNNNN.jpg` bytes.
 * @example A one-frame pack
 * ```ts
 * import { encodeAvatarPack } from "@lipstream/edge/avatar_build";
 * import assert from "node:assert/strict";
 *
 * const frame = { width: 16, height: 16, data: new Uint8Array(768).fill(100) };
 * const files = await encodeAvatarPack([frame], {
 *   id: "grey", kind: "user", fps: 25, boxes: [{ y1: 2, y2: 14, x1: 2, x2: 14 }],
 *   source: { name: "test", boxes: "fixed" },
 * });
 * assert.deepEqual([...files.keys()].sort(), ["crops.bin", "frames/000000.jpg", "manifest.json"]);
 * ```
 */
export async function encodeAvatarPack(
  frames: readonly RgbImage[],
  options: EncodeAvatarPackOptions,
): Promise<Map<string, Uint8Array>> {
  const first = frames[0];
  if (first === undefined) {
    throw new RangeError("Cannot encode avatar pack: no frames");
  }
  if (
    frames.some((f) => f.width !== first.width || f.height !== first.height)
  ) {
    throw new RangeError("Cannot encode avatar pack: frames differ in size");
  }
  const files = new Map<string, Uint8Array>();
  const encoder = new JpegEncoder({ quality: options.quality ?? 90 });
  frames.forEach((frame, i) => files.set(framePath(i), encoder.encode(frame)));
  files.set(CROPS_FILE, cropFaces(frames, options.boxes));
  const entries: AvatarManifest["files"] = {};
  for (const [path, bytes] of files) {
    entries[path] = { bytes: bytes.length, sha256: await sha256Hex(bytes) };
  }
  const pads = options.pads ?? DEFAULT_PADS;
  const manifest: AvatarManifest = {
    format: "lipstream-avatar-pack",
    version: AVATAR_PACK_VERSION,
    id: options.id,
    kind: options.kind,
    fps: options.fps,
    width: first.width,
    height: first.height,
    frameCount: frames.length,
    boxes: options.boxes.map((b) => [b.y1, b.y2, b.x1, b.x2]),
    pads: [pads.top, pads.bottom, pads.left, pads.right],
    smoothed: options.smoothed ?? true,
    source: options.source,
    crops: { size: 96, layout: "NHWC", channels: "BGR", dtype: "uint8" },
    files: entries,
  };
  files.set(
    MANIFEST_FILE,
    new TextEncoder().encode(JSON.stringify(manifest, null, 1) + "\n"),
  );
  return files;
}
