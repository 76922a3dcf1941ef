/**
 * The `multipart/x-mixed-replace` body of `GET /v1/speak.mjpeg`: frames only,
 * for an `<img>` tag, paced at their presentation times.
 *
 * Every part carries `Content-Length`, `X-Frame-Index` and `X-Pts-Ms`, and
 * the body never ends with an empty part. Latency trick: the writer looks
 * one frame ahead, so right after each JPEG (sent at its presentation time)
 * the next part's delimiter and headers go out, because Chrome shows a part
 * only once the next part's headers arrive and Firefox once the next
 * boundary line does. An image stream has no error part: after a failure
 * the part whose headers went out is finished, then the body closes.
 *
 * @module
 */

import {
  createMultipartBoundary,
  encodeMultipartCloseDelimiter,
  encodeMultipartDelimiter,
  encodeMultipartHeaders,
} from "@lipstream/shared";
import type { VideoFrame } from "./types.ts";
import type { UtteranceWriter, UtteranceWriterContext } from "./types.ts";

/**
 * Writes an utterance's frames as an MJPEG stream.
 *
 * @param context The utterance's signal (ends the pacing wait) and clock.
 * @returns The writer.
 */
export function mjpegParts(context: UtteranceWriterContext): UtteranceWriter {
  const { signal, now } = context;
  const boundary = createMultipartBoundary();
  const delimiter = encodeMultipartDelimiter(boundary);
  // RFC 2046 §5.1.1: the CRLF after the close delimiter belongs to an
  // optional epilogue; ffmpeg's mpjpeg demuxer reads that CRLF as the
  // start of another part ("Invalid data found"), so it is left out.
  const close = encodeMultipartCloseDelimiter(boundary).subarray(0, -2);
  /** The frame whose headers went out and whose body is due next. */
  let pending: VideoFrame | undefined;
  let clockStartMs: number | undefined;
  /** Waits until `frame`'s presentation time. */
  function due(frame: VideoFrame): Promise<void> {
    clockStartMs ??= now() - frame.ptsMs;
    return sleep(clockStartMs + frame.ptsMs - now(), signal);
  }
  /** The body's end: the pending frame, then the close delimiter. */
  function finish(): Uint8Array {
    const last = pending;
    pending = undefined;
    // The first delimiter has no leading CRLF; no frame: no parts.
    return last === undefined ? close.subarray(2) : concat(last.jpeg, close);
  }
  return {
    headers: {
      "Content-Type": `multipart/x-mixed-replace; boundary=${boundary}`,
      "Cache-Control": "no-store",
      "X-Accel-Buffering": "no",
    },
    start: () => [],
    audio: () => [],
    async *frame({ frame }) {
      const last = pending;
      pending = frame;
      if (last === undefined) {
        yield concat(delimiter.subarray(2), head(frame));
        return;
      }
      await due(last);
      yield concat(last.jpeg, delimiter, head(frame));
    },
    async *end() {
      if (pending !== undefined) await due(pending);
      yield finish();
    },
    failed: () => [finish()],
  };
}

function head(frame: VideoFrame): Uint8Array {
  return encodeMultipartHeaders({
    "Content-Type": "image/jpeg",
    "Content-Length": frame.jpeg.length,
    "X-Frame-Index": frame.index,
    "X-Pts-Ms": Math.round(frame.ptsMs * 10) / 10,
  });
}

function concat(...chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((sum, c) => sum + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.reject(signal.reason);
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    function onAbort() {
      clearTimeout(timer);
      reject(signal.reason);
    }
    signal.addEventListener("abort", onAbort, { once: true });
  });
}
