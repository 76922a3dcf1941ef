/**
 * Internal: the messages between `frame_worker_pool.ts` (the server thread)
 * and `frame_worker.ts`. Audio, faces and JPEGs cross by transfer; the packs
 * cross once, in `SharedArrayBuffer`s that every worker reads.
 *
 * @module
 */

import type { FaceBox } from "../frames/face_box.ts";
import type {
  EmittedFrame,
  FaceBatchResult,
  FrameWorkOptions,
  MelResult,
} from "./frame_work.ts";

/** One pack as a worker gets it: frames and crops over shared memory. */
export interface SharedPack {
  /** Pack id. */
  id: string;
  /** Frame width. */
  width: number;
  /** Frame height. */
  height: number;
  /** Frame count. */
  frameCount: number;
  /** All frames' RGB bytes, frame-major (`frameCount · width · height · 3`). */
  frames: SharedArrayBuffer;
  /** Face box per frame. */
  boxes: FaceBox[];
  /** The crops (`frameCount × 96 × 96 × 3`). */
  crops: SharedArrayBuffer;
}

/** Server thread → worker. */
export type ToFrameWorker =
  | { type: "packs"; packs: SharedPack[] }
  | {
    type: "open";
    session: number;
    pack: string;
    options: FrameWorkOptions;
  }
  | { type: "mel"; id: number; session: number; samples: Float32Array }
  | { type: "mel-flush"; id: number; session: number }
  | { type: "faces"; id: number; session: number; avatarFrames: number[] }
  | {
    type: "emit";
    id: number;
    session: number;
    avatarFrame: number;
    face: Float32Array | undefined;
  }
  | { type: "close"; session: number };

/** Worker → server thread. */
export type FromFrameWorker =
  | { type: "ready" }
  | {
    type: "result";
    id: number;
    value: MelResult | FaceBatchResult | EmittedFrame;
  }
  | { type: "error"; id: number; name: string; message: string };
