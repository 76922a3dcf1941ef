/**
 * RESP2, the Redis serialization protocol (https://redis.io/docs/latest/develop/reference/protocol-spec/):
 * commands go out as arrays of bulk strings; replies come back as simple
 * strings (`+`), errors (`-`), integers (`:`), bulk strings (`$`, `-1` is nil)
 * and arrays (`*`), each line ending in CRLF.
 *
 * @module
 */

/** A decoded reply. Bulk strings are text (the store only keeps UTF-8). */
export type RespValue = string | number | null | RespError | RespValue[];

/** An error reply (`-ERR …`): returned, not thrown, so a pipeline can go on. */
export class RespError extends Error {
  /** Creates the error from the reply text. */
  constructor(message: string) {
    super(message);
    this.name = "RespError";
  }
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * Encodes one command as an array of bulk strings.
 *
 * @param args The command and its arguments.
 * @returns The bytes to send.
 *
 * @example
 * ```ts
 * import { encodeCommand } from "./resp.ts";
 * import assert from "node:assert/strict";
 *
 * const bytes = encodeCommand(["SET", "k", 7]);
 * assert.equal(new TextDecoder().decode(bytes), "*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$1\r\n7\r\n");
 * ```
 */
export function encodeCommand(args: readonly (string | number)[]): Uint8Array {
  let text = `*${args.length}\r\n`;
  for (const arg of args) {
    const value = String(arg);
    text += `$${encoder.encode(value).length}\r\n${value}\r\n`;
  }
  return encoder.encode(text);
}

/**
 * Decodes replies from a byte stream that arrives in arbitrary pieces.
 *
 * @example
 * ```ts
 * import { RespDecoder } from "./resp.ts";
 * import assert from "node:assert/strict";
 *
 * const decoder = new RespDecoder();
 * const bytes = new TextEncoder().encode("+OK\r\n:3\r\n$-1\r\n*2\r\n$1\r\na\r\n:1\r\n");
 * decoder.push(bytes.subarray(0, 7));
 * assert.deepEqual(decoder.take(), ["OK"]);
 * decoder.push(bytes.subarray(7));
 * assert.deepEqual(decoder.take(), [3, null, ["a", 1]]);
 * ```
 */
export class RespDecoder {
  #buffer = new Uint8Array(0);
  #at = 0;

  /** Appends bytes read from the connection. */
  push(bytes: Uint8Array): void {
    const rest = this.#buffer.subarray(this.#at);
    const joined = new Uint8Array(rest.length + bytes.length);
    joined.set(rest);
    joined.set(bytes, rest.length);
    this.#buffer = joined;
    this.#at = 0;
  }

  /**
   * Takes every complete reply received so far.
   *
   * @throws {SyntaxError} On bytes that are not RESP2.
   */
  take(): RespValue[] {
    const values: RespValue[] = [];
    while (true) {
      const parsed = this.#parse(this.#at);
      if (parsed === undefined) break;
      values.push(parsed.value);
      this.#at = parsed.end;
    }
    return values;
  }

  #line(from: number): { text: string; end: number } | undefined {
    for (let i = from; i + 1 < this.#buffer.length; i++) {
      if (this.#buffer[i] === 13 && this.#buffer[i + 1] === 10) {
        return {
          text: decoder.decode(this.#buffer.subarray(from, i)),
          end: i + 2,
        };
      }
    }
    return undefined;
  }

  #parse(from: number): { value: RespValue; end: number } | undefined {
    if (from >= this.#buffer.length) return undefined;
    const type = String.fromCharCode(this.#buffer[from]!);
    const line = this.#line(from + 1);
    if (line === undefined) return undefined;
    switch (type) {
      case "+":
        return { value: line.text, end: line.end };
      case "-":
        return { value: new RespError(line.text), end: line.end };
      case ":":
        return { value: Number(line.text), end: line.end };
      case "$": {
        const length = Number(line.text);
        if (length < 0) return { value: null, end: line.end };
        const end = line.end + length + 2;
        if (end > this.#buffer.length) return undefined;
        return {
          value: decoder.decode(
            this.#buffer.subarray(line.end, line.end + length),
          ),
          end,
        };
      }
      case "*": {
        const count = Number(line.text);
        if (count < 0) return { value: null, end: line.end };
        const items: RespValue[] = [];
        let at = line.end;
        for (let i = 0; i < count; i++) {
          const item = this.#parse(at);
          if (item === undefined) return undefined;
          items.push(item.value);
          at = item.end;
        }
        return { value: items, end: at };
      }
      default:
        throw new SyntaxError(
          `Cannot read Redis reply: unexpected type byte '${type}'`,
        );
    }
  }
}
