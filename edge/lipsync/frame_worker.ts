/**
 * The frame worker: a Web Worker module that runs utterances' CPU work
 * ({@linkcode FrameKernel}: resample + mel, face batch, paste-back, JPEG) off
 * the server thread, speaking `_frame_protocol.ts`. Started by
 * `frame_worker_pool.ts`; not imported by anything else.
 *
 * @module
 */

/// <reference lib="deno.worker" />

import type { FaceBox } from "../frames/face_box.ts";
import type { FromFrameWorker, ToFrameWorker } from "./_frame_protocol.ts";
import { FrameKernel, type PackFrames } from "./frame_work.ts";

const packs = new Map<string, PackFrames>();
const sessions = new Map<number, FrameKernel>();

function viewPack(
  pack: {
    width: number;
    height: number;
    frameCount: number;
    frames: SharedArrayBuffer;
    boxes: FaceBox[];
    crops: SharedArrayBuffer;
  },
): PackFrames {
  const bytes = pack.width * pack.height * 3;
  return {
    frames: Array.from({ length: pack.frameCount }, (_, i) => ({
      width: pack.width,
      height: pack.height,
      data: new Uint8Array(pack.frames, i * bytes, bytes),
    })),
    boxes: pack.boxes,
    crops: new Uint8Array(pack.crops),
  };
}

function kernel(session: number): FrameKernel {
  const found = sessions.get(session);
  if (found === undefined) {
    throw new Error(`Cannot run frame work: session ${session} is not open`);
  }
  return found;
}

function reply(message: FromFrameWorker, transfer: ArrayBuffer[] = []): void {
  self.postMessage(message, transfer);
}

// Sent once the imports have loaded.
reply({ type: "ready" });

self.onmessage = (event: MessageEvent<ToFrameWorker>) => {
  const message = event.data;
  switch (message.type) {
    case "packs":
      for (const pack of message.packs) packs.set(pack.id, viewPack(pack));
      return;
    case "open": {
      const pack = packs.get(message.pack);
      if (pack !== undefined) {
        sessions.set(message.session, new FrameKernel(pack, message.options));
      }
      return;
    }
    case "close":
      sessions.delete(message.session);
      return;
  }
  try {
    if (message.type === "mel" || message.type === "mel-flush") {
      const work = kernel(message.session);
      const value = message.type === "mel"
        ? work.mel(message.samples)
        : work.melFlush();
      reply({ type: "result", id: message.id, value }, [
        value.frames.buffer as ArrayBuffer,
      ]);
    } else if (message.type === "faces") {
      const value = kernel(message.session).faceBatch(
        message.avatarFrames,
        true,
      );
      reply({ type: "result", id: message.id, value }, [
        value.faces.buffer as ArrayBuffer,
      ]);
    } else {
      const value = kernel(message.session).emit(
        message.avatarFrame,
        message.face,
      );
      reply({ type: "result", id: message.id, value }, [
        value.jpeg.buffer as ArrayBuffer,
      ]);
    }
  } catch (error) {
    const { name, message: text } = error instanceof Error
      ? error
      : { name: "Error", message: String(error) };
    reply({ type: "error", id: message.id, name, message: text });
  }
};
