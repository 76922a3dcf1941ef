/**
 * Loads and verifies an avatar pack from any byte source (a folder, `fetch`, a KV store): the
 * manifest, then every listed file's size and SHA-256 (Web Crypto), the `crops.bin` size, and each
 * frame's JPEG size against the manifest. Frames are decoded once here for paste-back; their JPEG
 * bytes are kept to serve idle frames with no work.
 *
 * @module
 */

import { FACE_CROP_BYTES } from "../frames/face_batch.ts";
import type { FaceBox } from "../frames/face_box.ts";
import { decodeJpeg } from "../frames/jpeg_decode.ts";
import type { RgbImage } from "../frames/rgb_image.ts";
import { sha256Hex } from "./_sha256.ts";
import { AvatarPackError } from "./avatar_pack_error.ts";
import {
  type AvatarManifest,
  CROPS_FILE,
  framePath,
  MANIFEST_FILE,
  parseAvatarManifest,
  toFaceBox,
} from "./manifest.ts";

/** Reads one pack file by its path relative to the pack folder. */
export type PackReader = (path: string) => Promise<Uint8Array>;

/** A verified avatar pack, ready for the frame pipeline. */
export interface AvatarPack {
  /** The manifest. */
  manifest: AvatarManifest;
  /** Stored JPEG bytes per frame (the idle frames). */
  jpegs: Uint8Array[];
  /** Decoded RGB per frame (paste-back targets). */
  frames: RgbImage[];
  /** Final face box per frame. */
  boxes: FaceBox[];
  /** `frameCount × 96 × 96 × 3` BGR crops, frame-major. */
  crops: Uint8Array;
}

/**
 * Loads a pack and verifies it completely.
 *
 * @param read Reads a file of the pack.
 * @returns The pack.
 * @throws {AvatarPackError} Naming the first missing, corrupt or mismatched file.
 * @example Loading a pack kept in memory
 * ```ts
 * import { loadAvatarPack } from "@lipstream/edge/avatar";
 * import { encodeAvatarPack } from "@lipstream/edge/avatar_build";
 * import assert from "node:assert/strict";
 *
 * const frame = { width: 16, height: 16, data: new Uint8Array(768).fill(100) };
 * const files = await encodeAvatarPack([frame], {
 *   id: "grey", kind: "user", fps: 25, boxes: [{ y1: 2, y2: 14, x1: 2, x2: 14 }],
 *   source: { name: "test", boxes: "fixed" },
 * });
 * const pack = await loadAvatarPack((path) => Promise.resolve(files.get(path)!));
 * assert.equal(pack.frames.length, 1);
 * files.get("crops.bin")![0]! ^= 1;
 * await assert.rejects(loadAvatarPack((path) => Promise.resolve(files.get(path)!)), /crops\.bin/);
 * ```
 */
export async function loadAvatarPack(read: PackReader): Promise<AvatarPack> {
  const manifest = parseAvatarManifest(
    new TextDecoder().decode(await readFile(read, MANIFEST_FILE)),
  );
  const { frameCount, width, height } = manifest;
  const crops = await readVerified(read, manifest, CROPS_FILE);
  if (crops.length !== frameCount * FACE_CROP_BYTES) {
    throw new AvatarPackError(
      CROPS_FILE,
      `Expected ${
        frameCount * FACE_CROP_BYTES
      } bytes for ${frameCount} crops: received ${crops.length}`,
    );
  }
  const jpegs: Uint8Array[] = [], frames: RgbImage[] = [];
  for (let i = 0; i < frameCount; i++) {
    const path = framePath(i);
    const jpeg = await readVerified(read, manifest, path);
    let frame: RgbImage;
    try {
      frame = decodeJpeg(jpeg);
    } catch (error) {
      throw new AvatarPackError(path, "Not a decodable JPEG", { cause: error });
    }
    if (frame.width !== width || frame.height !== height) {
      throw new AvatarPackError(
        path,
        `Expected a ${width}×${height} frame: received ${frame.width}×${frame.height}`,
      );
    }
    jpegs.push(jpeg);
    frames.push(frame);
  }
  return {
    manifest,
    jpegs,
    frames,
    boxes: manifest.boxes.map(toFaceBox),
    crops,
  };
}

async function readFile(read: PackReader, path: string): Promise<Uint8Array> {
  try {
    return await read(path);
  } catch (error) {
    if (error instanceof AvatarPackError) throw error;
    throw new AvatarPackError(path, "Cannot read the file", { cause: error });
  }
}

async function readVerified(
  read: PackReader,
  manifest: AvatarManifest,
  path: string,
): Promise<Uint8Array> {
  const bytes = await readFile(read, path);
  const entry = manifest.files[path]!;
  if (bytes.length !== entry.bytes) {
    throw new AvatarPackError(
      path,
      `Expected ${entry.bytes} bytes: received ${bytes.length}`,
    );
  }
  const digest = await sha256Hex(bytes);
  if (digest !== entry.sha256) {
    throw new AvatarPackError(
      path,
      `Checksum mismatch: expected sha256 ${entry.sha256}: received ${digest}`,
    );
  }
  return bytes;
}
