/**
 * Reads a `multipart/mixed` response of the edge (`/v1/speak`, `/v1/lipsync`)
 * into its parts, for end-to-end tests.
 *
 * @module
 */
import assert from "node:assert/strict";
import { parseMultipartStream } from "@remix-run/multipart-parser";

/** One part of a streamed response. */
export interface StreamPart {
  /** Its headers, lower-cased names. */
  headers: Record<string, string | undefined>;
  /** Its body. */
  bytes: Uint8Array;
  /** When it was read (`performance.now()`). */
  atMs: number;
}

/**
 * Asserts a 200 multipart response and reads all of its parts.
 *
 * @param response The response.
 * @returns The parts, in order.
 */
export async function readParts(response: Response): Promise<StreamPart[]> {
  assert.equal(response.status, 200, await response.clone().text());
  const boundary = /boundary=(\S+)$/.exec(
    response.headers.get("content-type") ?? "",
  )?.[1];
  assert.ok(boundary);
  const parts: StreamPart[] = [];
  for await (const part of parseMultipartStream(response.body!, { boundary })) {
    parts.push({
      headers: part.headers,
      bytes: part.bytes,
      atMs: performance.now(),
    });
  }
  return parts;
}

/** A JSON part's value. */
export function partJson(part: StreamPart): Record<string, unknown> {
  return JSON.parse(new TextDecoder().decode(part.bytes));
}
