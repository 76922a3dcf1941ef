/**
 * The JSON parts of a `/v1/speak` stream as events: the `start` part (the
 * utterance id, the frame rate and where the idle loop stands), the `end` part
 * (server timings, where the idle loop goes on) and an
 * `application/problem+json` part (RFC 9457), which ends the stream with an
 * error.
 *
 * @see {@link https://www.rfc-editor.org/rfc/rfc9457}
 *
 * @module
 */

import type { ReadMultipartPart } from "@lipstream/shared/multipart-reader";

/** The `start` part. */
export interface StartEvent {
  type: "start";
  /** The id `DELETE /v1/utterances/:id` cancels. */
  utteranceId: string;
  /** Frames per second of the JPEG parts. */
  fps: number;
  /** The idle-loop position the first frame continues from, or null. */
  idlePosition: number | null;
}

/** The `end` part. */
export interface EndEvent {
  type: "end";
  /** The server's timings, ms by name. */
  timings: Record<string, number | null> | null;
  /** The idle-loop position after the last frame, or null. */
  nextIdlePosition: number | null;
}

/** A JSON part the client does not act on. */
export interface OtherEvent {
  type: "other";
}

/** One JSON part, read. */
export type StreamEvent = StartEvent | EndEvent | OtherEvent;

/** Thrown for a problem part: the stream failed after its headers were sent. */
export class StreamProblemError extends Error {
  /** Creates the error from the problem's `detail` (or `title`). */
  constructor(message: string) {
    super(message);
    this.name = "StreamProblemError";
  }
}

function numberOrNull(value: unknown): number | null {
  return typeof value === "number" ? value : null;
}

/**
 * Reads a JSON part of the stream.
 *
 * @param part The part (its `content-type` is JSON).
 * @returns The event it carries.
 * @throws {StreamProblemError} If it is a problem part.
 * @throws {SyntaxError} If its body is not JSON.
 * @example The start part
 * ```ts
 * import { readStreamEvent } from "./stream_events.ts";
 * import assert from "node:assert/strict";
 *
 * const body = new TextEncoder().encode('{"type":"start","utterance_id":"u1","fps":25}');
 * assert.deepEqual(
 *   readStreamEvent({ headers: { "content-type": "application/json" }, body }),
 *   { type: "start", utteranceId: "u1", fps: 25, idlePosition: null },
 * );
 * ```
 */
export function readStreamEvent(part: ReadMultipartPart): StreamEvent {
  const value = JSON.parse(new TextDecoder().decode(part.body)) as Record<
    string,
    unknown
  >;
  const type = part.headers["content-type"] ?? "";
  if (type.startsWith("application/problem+json")) {
    const detail = value.detail ?? value.title;
    throw new StreamProblemError(
      typeof detail === "string" ? detail : "stream failed",
    );
  }
  if (value.type === "start") {
    return {
      type: "start",
      utteranceId: String(value.utterance_id),
      fps: numberOrNull(value.fps) ?? 25,
      idlePosition: numberOrNull(value.idle_position),
    };
  }
  if (value.type === "end") {
    const timings = value.timings;
    return {
      type: "end",
      timings: typeof timings === "object" && timings !== null
        ? timings as Record<string, number | null>
        : null,
      nextIdlePosition: numberOrNull(value.next_idle_position),
    };
  }
  return { type: "other" };
}
