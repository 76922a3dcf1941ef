/**
 * A lip-sync stand-in for browser tests: 128×128 JPEG frames of a simple face
 * whose mouth opens and closes while the audio is loud, with the frame index
 * drawn as 8 black/white blocks in the top strip, so a test can read back from
 * canvas pixels which frame is on screen.
 *
 * @module
 */

import { JpegEncoder } from "@lipstream/edge/frames";
import type {
  AvatarInfo,
  LipSyncService,
  SpeechChunk,
  VideoFrame,
} from "@lipstream/edge/pipeline";
import type { FakeStats } from "./fake_pipeline.ts";

/** The face avatar. */
export const FACE_AVATAR: AvatarInfo = {
  id: "face",
  width: 128,
  height: 128,
  fps: 25,
  frameCount: 1,
};

/** The index code: 8 blocks of `INDEX_BLOCK_WIDTH` px in rows `[0, INDEX_STRIP_HEIGHT)`, bit 7 first. */
export const INDEX_BLOCK_WIDTH = 16;
/** Height of the index code strip in pixels. */
export const INDEX_STRIP_HEIGHT = 16;
/** The mouth box `[x0, y0, x1, y1)` that changes while talking. */
export const MOUTH_BOX: readonly [number, number, number, number] = [
  44,
  80,
  84,
  108,
];

/** Mouth half-heights by frame index while talking (closed is 1). */
const MOUTH_OPENINGS = [3, 7, 11, 6];

/**
 * Draws one face frame as RGB.
 *
 * @param index The frame index (its low 8 bits are drawn as the code).
 * @param mouthHalfHeight The mouth's half-height in pixels.
 * @returns The RGB pixels.
 */
export function drawFace(index: number, mouthHalfHeight: number): Uint8Array {
  const { width, height } = FACE_AVATAR;
  const rgb = new Uint8Array(width * height * 3);
  const put = (x: number, y: number, color: readonly number[]) =>
    rgb.set(color, (y * width + x) * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const inside = (cx: number, cy: number, rx: number, ry: number) =>
        ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1;
      if (y < INDEX_STRIP_HEIGHT) {
        const bit = (index >> (7 - Math.floor(x / INDEX_BLOCK_WIDTH))) & 1;
        put(x, y, bit ? [255, 255, 255] : [0, 0, 0]);
      } else if (inside(64, 94, 14, mouthHalfHeight)) {
        put(x, y, [110, 20, 30]);
      } else if (inside(48, 62, 5, 5) || inside(80, 62, 5, 5)) {
        put(x, y, [30, 30, 40]);
      } else if (inside(64, 74, 44, 50)) {
        put(x, y, [224, 182, 150]);
      } else {
        put(x, y, [40, 48, 64]);
      }
    }
  }
  return rgb;
}

function isLoud(chunk: SpeechChunk): boolean {
  let sum = 0;
  for (const sample of chunk.samples) sum += sample * sample;
  return Math.sqrt(sum / Math.max(1, chunk.samples.length)) > 0.01;
}

/**
 * A lip-sync service that covers each audio chunk with face frames, mouth
 * moving while the chunk is loud; it counts frames in `stats.frames`.
 *
 * @param stats Shared fake counters.
 * @returns The service.
 */
export function createFaceLipSyncService(stats: FakeStats): LipSyncService {
  return {
    listAvatars: () => Promise.resolve([FACE_AVATAR]),
    getAvatar: (id) =>
      Promise.resolve(id === FACE_AVATAR.id ? FACE_AVATAR : undefined),
    open(request) {
      stats.sessions.push(request.sessionId);
      const encoder = new JpegEncoder({ quality: 90 });
      let nextIndex = 0;
      let endMs = 0;
      return Promise.resolve({
        width: FACE_AVATAR.width,
        height: FACE_AVATAR.height,
        fps: request.fps,
        async *render(chunk, { signal }): AsyncGenerator<VideoFrame> {
          endMs += chunk.samples.length * 1000 / chunk.sampleRateHz;
          const loud = isLoud(chunk);
          while (nextIndex * 1000 / request.fps < endMs) {
            signal.throwIfAborted();
            const index = nextIndex++;
            const mouth = loud ? MOUTH_OPENINGS[index % 4]! : 1;
            const data = drawFace(index, mouth);
            stats.frames++;
            yield {
              index,
              ptsMs: index * 1000 / request.fps,
              jpeg: encoder.encode({
                width: FACE_AVATAR.width,
                height: FACE_AVATAR.height,
                data,
              }),
            };
            // A macrotask turn, so the response gets written while frames are made.
            await new Promise((resolve) => setTimeout(resolve, 0));
          }
        },
        close() {},
      });
    },
  };
}
