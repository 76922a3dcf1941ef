/**
 * The project's own demo avatar: a cartoon face drawn in plain TypeScript (no ffmpeg, no assets),
 * with a gentle head sway, a nod and one blink, so the ping-pong idle loop visibly moves. Its face
 * box is known from the drawing, so no detector is needed. The pack is labelled `kind: "demo"`.
 *
 * @module
 */

import type { FaceBox } from "../frames/face_box.ts";
import type { RgbImage } from "../frames/rgb_image.ts";
import { DEFAULT_PADS, padFaceBox, smoothFaceBoxes } from "./face_boxes.ts";
import { encodeAvatarPack } from "./pack_encoder.ts";

/** Options for {@linkcode drawDemoAvatar} and {@linkcode buildDemoAvatarPack}. */
export interface DemoAvatarOptions {
  /** Square frame side in pixels. @default {256} */
  size?: number;
  /** Number of frames. @default {40} */
  frameCount?: number;
  /** Frames per second recorded in the manifest. @default {25} */
  fps?: number;
}

/** Drawn frames and the raw (unpadded) face box of each. */
export interface DemoAvatarFrames {
  frames: RgbImage[];
  boxes: FaceBox[];
}

type Rgb = readonly [number, number, number];

const BACKGROUND_TOP: Rgb = [96, 140, 190];
const BACKGROUND_BOTTOM: Rgb = [40, 60, 96];
const SKIN: Rgb = [236, 188, 150];
const HAIR: Rgb = [70, 44, 30];
const WHITE: Rgb = [250, 250, 246];
const IRIS: Rgb = [50, 90, 60];
const LIPS: Rgb = [176, 70, 80];
const NOSE: Rgb = [214, 160, 124];
const SHIRT: Rgb = [60, 120, 90];

/**
 * Draws the demo avatar's frames.
 *
 * @param options Size and frame count.
 * @returns The frames and each frame's face box (the head ellipse, chin to brow).
 * @example Frames move
 * ```ts
 * import { drawDemoAvatar } from "@lipstream/edge/avatar_build";
 * import assert from "node:assert/strict";
 *
 * const { frames, boxes } = drawDemoAvatar({ size: 64, frameCount: 3 });
 * assert.equal(frames.length, 3);
 * assert.notDeepEqual(frames[0]!.data, frames[1]!.data);
 * assert.ok(boxes[0]!.y2 <= 64);
 * ```
 */
export function drawDemoAvatar(
  options: DemoAvatarOptions = {},
): DemoAvatarFrames {
  const size = options.size ?? 256;
  const frameCount = options.frameCount ?? 40;
  const frames: RgbImage[] = [], boxes: FaceBox[] = [];
  for (let i = 0; i < frameCount; i++) {
    const phase = (2 * Math.PI * i) / frameCount;
    const cx = size * (0.5 + 0.02 * Math.sin(phase));
    const cy = size * (0.47 + 0.012 * Math.sin(2 * phase));
    const blink = Math.max(
      0,
      1 - Math.abs(i - Math.floor(frameCount * 0.6)) / 2,
    );
    frames.push(drawFrame(size, { cx, cy, blink }));
    const rx = size * 0.25, ry = size * 0.31;
    boxes.push({
      y1: Math.max(0, Math.round(cy - ry * 0.55)),
      y2: Math.min(size, Math.round(cy + ry)),
      x1: Math.max(0, Math.round(cx - rx)),
      x2: Math.min(size, Math.round(cx + rx)),
    });
  }
  return { frames, boxes };
}

/**
 * Draws the demo avatar and encodes it as a pack (`id: "demo"`, `kind: "demo"`), with Wav2Lip's
 * default pads and smoothing applied to the drawn boxes.
 *
 * @param options Size, frame count and fps.
 * @returns The pack files by relative path (write them with `writePackFiles`).
 * @example A small demo pack
 * ```ts
 * import { buildDemoAvatarPack } from "@lipstream/edge/avatar_build";
 * import assert from "node:assert/strict";
 *
 * const files = await buildDemoAvatarPack({ size: 64, frameCount: 2 });
 * const manifest = JSON.parse(new TextDecoder().decode(files.get("manifest.json")));
 * assert.equal(manifest.kind, "demo");
 * ```
 */
export function buildDemoAvatarPack(
  options: DemoAvatarOptions = {},
): Promise<Map<string, Uint8Array>> {
  const { frames, boxes } = drawDemoAvatar(options);
  const size = options.size ?? 256;
  const padded = boxes.map((box) =>
    padFaceBox(box, { width: size, height: size })
  );
  return encodeAvatarPack(frames, {
    id: "demo",
    kind: "demo",
    fps: options.fps ?? 25,
    boxes: smoothFaceBoxes(padded),
    pads: DEFAULT_PADS,
    smoothed: true,
    source: { name: "demo_avatar.ts (drawn)", boxes: "drawn" },
  });
}

interface Pose {
  cx: number;
  cy: number;
  blink: number;
}

function drawFrame(size: number, pose: Pose): RgbImage {
  const data = new Uint8Array(size * size * 3);
  const { cx, cy } = pose;
  const u = size / 256;
  const eyeOpen = 1 - 0.9 * pose.blink;
  for (let y = 0; y < size; y++) {
    const t = y / (size - 1);
    const background = mix(BACKGROUND_TOP, BACKGROUND_BOTTOM, t);
    for (let x = 0; x < size; x++) {
      let color: Rgb = background;
      const layer = (coverage: number, paint: Rgb) => {
        if (coverage > 0) color = mix(color, paint, Math.min(1, coverage));
      };
      layer(ellipse(x, y, cx, size * 1.02, 110 * u, 70 * u), SHIRT);
      layer(ellipse(x, y, cx, cy + 70 * u, 22 * u, 30 * u), SKIN);
      layer(ellipse(x, y, cx, cy - 12 * u, 68 * u, 72 * u), HAIR);
      layer(ellipse(x, y, cx, cy + 6 * u, 62 * u, 76 * u), SKIN);
      for (const side of [-1, 1]) {
        const ex = cx + side * 24 * u, ey = cy - 6 * u;
        layer(ellipse(x, y, ex, ey, 13 * u, 8 * u * eyeOpen), WHITE);
        layer(ellipse(x, y, ex, ey, 6 * u, 6 * u * eyeOpen), IRIS);
        layer(ellipse(x, y, ex, ey - 15 * u, 14 * u, 3 * u), HAIR);
      }
      layer(ellipse(x, y, cx, cy + 18 * u, 6 * u, 10 * u), NOSE);
      layer(ellipse(x, y, cx, cy + 54 * u, 20 * u, 6 * u), LIPS);
      const o = (y * size + x) * 3;
      data[o] = color[0];
      data[o + 1] = color[1];
      data[o + 2] = color[2];
    }
  }
  return { width: size, height: size, data };
}

/** Anti-aliased coverage of an axis-aligned ellipse: 1 inside, 0 outside, a 1-pixel ramp. */
function ellipse(
  x: number,
  y: number,
  cx: number,
  cy: number,
  rx: number,
  ry: number,
): number {
  if (rx <= 0 || ry <= 0) return 0;
  const dx = (x + 0.5 - cx) / rx, dy = (y + 0.5 - cy) / ry;
  const r = Math.sqrt(dx * dx + dy * dy);
  return (1 - r) * Math.min(rx, ry) + 0.5;
}

function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return [
    Math.round(a[0] + (b[0] - a[0]) * t),
    Math.round(a[1] + (b[1] - a[1]) * t),
    Math.round(a[2] + (b[2] - a[2]) * t),
  ];
}
