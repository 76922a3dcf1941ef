/**
 * The avatar pack manifest (`manifest.json`, format version 1); see `README.md` beside this file.
 *
 * @module
 */

import type { FaceBox } from "../frames/face_box.ts";
import { AvatarPackError } from "./avatar_pack_error.ts";

/** The pack format version this code reads and writes. */
export const AVATAR_PACK_VERSION = 1;
/** Name of the manifest file inside a pack folder. */
export const MANIFEST_FILE = "manifest.json";
/** Name of the crops tensor file inside a pack folder. */
export const CROPS_FILE = "crops.bin";

/** Size and SHA-256 (lower-case hex) of one pack file. */
export interface PackFileEntry {
  bytes: number;
  sha256: string;
}

/** The parsed `manifest.json`. */
export interface AvatarManifest {
  /** Always `"lipstream-avatar-pack"`. */
  format: "lipstream-avatar-pack";
  /** {@linkcode AVATAR_PACK_VERSION}. */
  version: number;
  /** Pack name, e.g. `"demo"`. */
  id: string;
  /** `"demo"` for the project's generated avatar, `"user"` for packs built from real footage. */
  kind: "demo" | "user";
  /** Frames per second of the source video (or the `--fps` given for an image). */
  fps: number;
  /** Frame width in pixels. */
  width: number;
  /** Frame height in pixels. */
  height: number;
  /** Number of frames. */
  frameCount: number;
  /** Per frame, the final face box `[y1, y2, x1, x2]` (after pads and smoothing). */
  boxes: [number, number, number, number][];
  /** The pads applied, `[top, bottom, left, right]`. */
  pads: [number, number, number, number];
  /** Whether the 5-frame smoothing ran. */
  smoothed: boolean;
  /** Where the frames came from and how the boxes were found. */
  source: {
    name: string;
    boxes: "detector" | "fixed" | "drawn";
    detector?: string;
  };
  /** Crop tensor layout: always `{ size: 96, layout: "NHWC", channels: "BGR", dtype: "uint8" }`. */
  crops: { size: 96; layout: "NHWC"; channels: "BGR"; dtype: "uint8" };
  /** Every other file of the pack, by path relative to the pack folder. */
  files: Record<string, PackFileEntry>;
}

/**
 * The path of frame `index` inside a pack: `frames/000000.jpg`, `frames/000001.jpg`, ….
 *
 * @param index Frame number, from 0.
 * @returns The relative path.
 * @example Six-digit names
 * ```ts
 * import { framePath } from "@lipstream/edge/avatar";
 * import assert from "node:assert/strict";
 *
 * assert.equal(framePath(12), "frames/000012.jpg");
 * ```
 */
export function framePath(index: number): string {
  return `frames/${String(index).padStart(6, "0")}.jpg`;
}

/**
 * Converts a manifest box to a {@linkcode FaceBox}.
 *
 * @param box `[y1, y2, x1, x2]`.
 * @returns The face box.
 */
export function toFaceBox(
  box: readonly [number, number, number, number],
): FaceBox {
  return { y1: box[0], y2: box[1], x1: box[2], x2: box[3] };
}

/**
 * Parses and checks `manifest.json` text: format, version, sizes, one in-frame box per frame, and
 * exactly the expected file list (every frame plus `crops.bin`).
 *
 * @param text The manifest file's text.
 * @returns The manifest.
 * @throws {AvatarPackError} Naming `manifest.json` and the first problem found.
 */
export function parseAvatarManifest(text: string): AvatarManifest {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new AvatarPackError(MANIFEST_FILE, "Not valid JSON", {
      cause: error,
    });
  }
  const m = value as Partial<AvatarManifest> | null;
  const fail = (detail: string, field = ""): never => {
    throw new AvatarPackError(MANIFEST_FILE, detail, { field });
  };
  if (typeof m !== "object" || m === null) return fail("Not a JSON object");
  if (m.format !== "lipstream-avatar-pack") {
    fail(`Unknown format '${m.format}'`, "format");
  }
  if (m.version !== AVATAR_PACK_VERSION) {
    fail(
      `Unsupported version ${m.version}: expected ${AVATAR_PACK_VERSION}`,
      "version",
    );
  }
  if (m.kind !== "demo" && m.kind !== "user") {
    fail(`Unknown kind '${m.kind}'`, "kind");
  }
  if (typeof m.id !== "string" || m.id === "") fail("Missing id", "id");
  if (typeof m.fps !== "number" || !(m.fps > 0)) {
    fail(`Invalid fps ${m.fps}`, "fps");
  }
  for (const key of ["width", "height", "frameCount"] as const) {
    const n = m[key];
    if (!Number.isSafeInteger(n) || (n as number) < 1) {
      fail(`Invalid ${key} ${n}`, key);
    }
  }
  const { width, height, frameCount } = m as AvatarManifest;
  if (!Array.isArray(m.boxes) || m.boxes.length !== frameCount) {
    fail(`Expected ${frameCount} boxes: received ${m.boxes?.length}`, "boxes");
  }
  m.boxes!.forEach((box, i) => {
    const [y1, y2, x1, x2] = Array.isArray(box) ? box : [];
    const ok = Array.isArray(box) && box.length === 4 &&
      box.every(Number.isSafeInteger) &&
      y1! >= 0 && x1! >= 0 && y2! <= height && x2! <= width && y2! > y1! &&
      x2! > x1!;
    if (!ok) {
      fail(
        `Bad box for frame ${i}: ${
          JSON.stringify(box)
        } in a ${width}×${height} frame`,
        `boxes.${i}`,
      );
    }
  });
  if (typeof m.files !== "object" || m.files === null) {
    fail("Missing files", "files");
  }
  const expected = [
    ...Array.from({ length: frameCount }, (_, i) => framePath(i)),
    CROPS_FILE,
  ];
  const listed = Object.keys(m.files!);
  for (const path of expected) {
    if (!(path in m.files!)) fail(`File '${path}' is not listed`, "files");
  }
  if (listed.length !== expected.length) {
    fail(
      `Expected ${expected.length} files: received ${listed.length}`,
      "files",
    );
  }
  for (const [path, entry] of Object.entries(m.files!)) {
    if (
      !Number.isSafeInteger(entry?.bytes) ||
      !/^[0-9a-f]{64}$/.test(entry?.sha256 ?? "")
    ) {
      fail(`Bad size or checksum entry for '${path}'`, `files.${path}`);
    }
  }
  return m as AvatarManifest;
}
