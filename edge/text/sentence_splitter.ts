/**
 * Sentence splitting for streaming synthesis: whole texts with
 * {@linkcode splitSentences}, or text arriving in pieces (LLM tokens) with
 * {@linkcode SentenceSplitter}. Both give the same sentences for the same text.
 *
 * Rules:
 * - a sentence ends after a run of `。！？；.!?;` (with closing quotes and
 *   ellipses that follow it); ASCII `.!?;` end one only before whitespace, a
 *   CJK character, a language mark or the end, and `.` never after an
 *   abbreviation ("Dr.") or an initial ("J."), nor inside "3.14";
 * - a sentence with fewer than `minChars` letters or digits merges with the next;
 * - a sentence longer than `maxChars` is cut at its last `，,、：:—…`, else its
 *   last space, else at `maxChars`;
 * - `[ZH]…[ZH]`-style language marks stay balanced: a piece cut inside a marked
 *   span is closed with the mark and the next piece reopens it;
 * - pieces with no letter or digit (only punctuation, emoji, spaces) are dropped.
 *
 * @module
 */

import {
  hasSpeakable,
  markAt,
  scanFirstPiece,
  toggleMark,
} from "./_sentence_scan.ts";

/** Options for {@linkcode SentenceSplitter} and {@linkcode splitSentences}. */
export interface SentenceSplitterOptions {
  /** Fewest letters or digits in a sentence; shorter ones merge with the next. @default {4} */
  minChars?: number;
  /** Most characters in a piece (language marks excluded). @default {120} */
  maxChars?: number;
  /**
   * The first piece is cut at its last pause mark (`，,、：:—…`) once it passes
   * this many characters, when it has one: the first audio then waits for a
   * short phrase, not a long sentence. 0 turns it off. @default {40}
   */
  firstMaxChars?: number;
}

/** Default {@linkcode SentenceSplitterOptions.minChars}. */
export const DEFAULT_MIN_CHARS = 4;
/** Default {@linkcode SentenceSplitterOptions.maxChars}. */
export const DEFAULT_MAX_CHARS = 120;
/** Default {@linkcode SentenceSplitterOptions.firstMaxChars}. */
export const DEFAULT_FIRST_MAX_CHARS = 40;

/**
 * An incremental sentence splitter: {@linkcode SentenceSplitter.push} text as
 * it arrives and get each sentence as soon as the character after it has
 * arrived; {@linkcode SentenceSplitter.flush} at the end.
 *
 * @example Feeding LLM tokens
 * ```ts
 * import { SentenceSplitter } from "@lipstream/edge/text";
 * import assert from "node:assert/strict";
 *
 * const splitter = new SentenceSplitter();
 * assert.deepEqual(splitter.push("Hello there. How"), ["Hello there."]);
 * assert.deepEqual(splitter.push(" are you?"), []);
 * assert.deepEqual(splitter.flush(), ["How are you?"]);
 * ```
 */
export class SentenceSplitter {
  #buffer = "";
  #open: string | undefined = undefined;
  #minChars: number;
  #maxChars: number;
  #firstMaxChars: number | undefined;
  #pieces = 0;

  /**
   * Creates a splitter.
   *
   * @param options Length limits.
   */
  constructor(options: SentenceSplitterOptions = {}) {
    const minChars = options.minChars ?? DEFAULT_MIN_CHARS;
    const maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
    if (!Number.isInteger(minChars) || minChars < 0) {
      throw new RangeError(
        `Cannot create sentence splitter: minChars must be an integer >= 0: received ${minChars}`,
      );
    }
    if (!Number.isInteger(maxChars) || maxChars < 2 || maxChars < minChars) {
      throw new RangeError(
        `Cannot create sentence splitter: maxChars must be an integer >= 2 and >= minChars: received ${maxChars}`,
      );
    }
    const firstMaxChars = options.firstMaxChars ?? DEFAULT_FIRST_MAX_CHARS;
    if (!Number.isInteger(firstMaxChars) || firstMaxChars < 0) {
      throw new RangeError(
        `Cannot create sentence splitter: firstMaxChars must be an integer >= 0: received ${firstMaxChars}`,
      );
    }
    this.#minChars = minChars;
    this.#maxChars = maxChars;
    this.#firstMaxChars = firstMaxChars === 0 ? undefined : firstMaxChars;
  }

  /**
   * Adds text and returns the sentences it completed.
   *
   * @param text The next piece of text, of any length.
   * @returns The completed sentences, in order.
   */
  push(text: string): string[] {
    this.#buffer += text;
    return this.#drain(false);
  }

  /**
   * Ends the input and returns the sentences still buffered.
   *
   * @returns The remaining sentences; the splitter is empty afterwards.
   */
  flush(): string[] {
    const out = this.#drain(true);
    this.#buffer = "";
    this.#open = undefined;
    this.#pieces = 0;
    return out;
  }

  #drain(final: boolean): string[] {
    const out: string[] = [];
    while (this.#buffer.length > 0) {
      const result = scanFirstPiece(this.#buffer, this.#open, {
        minChars: this.#minChars,
        maxChars: this.#maxChars,
        ...(this.#pieces === 0 && this.#firstMaxChars !== undefined
          ? { softMaxChars: this.#firstMaxChars }
          : {}),
        final,
      });
      if (result === "wait") break;
      const end = result?.end ?? this.#buffer.length;
      const piece = this.#buffer.slice(0, end);
      this.#buffer = this.#buffer.slice(end);
      const sentence = this.#wrap(piece);
      if (sentence !== undefined) {
        out.push(sentence);
        this.#pieces++;
      }
    }
    return out;
  }

  /** Balances the piece's marks and updates the mark carried to the next piece. */
  #wrap(piece: string): string | undefined {
    const start = this.#open;
    let state = start;
    for (let index = 0; index < piece.length; index++) {
      const mark = piece[index] === "[" ? markAt(piece, index) : undefined;
      if (mark) {
        state = toggleMark(state, mark);
        index += 3;
      }
    }
    this.#open = state;
    if (!hasSpeakable(piece.replace(/\[[A-Z]{2}\]/g, ""))) return undefined;
    const head = start === undefined ? "" : `[${start}]`;
    const tail = state === undefined ? "" : `[${state}]`;
    return head + piece.trim() + tail;
  }
}

/**
 * Splits a whole text into sentences (the same ones {@linkcode SentenceSplitter}
 * gives when fed the text in any pieces).
 *
 * @example Mixed Chinese and English
 * ```ts
 * import { splitSentences } from "@lipstream/edge/text";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(
 *   splitSentences("你好，世界。Dr. Smith paid 3.14 dollars! 再见"),
 *   ["你好，世界。", "Dr. Smith paid 3.14 dollars!", "再见"],
 * );
 * ```
 *
 * @example Language marks stay balanced
 * ```ts
 * import { splitSentences } from "@lipstream/edge/text";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(
 *   splitSentences("[ZH]今天天气很好。我们去公园吧！[ZH]"),
 *   ["[ZH]今天天气很好。[ZH]", "[ZH]我们去公园吧！[ZH]"],
 * );
 * ```
 *
 * @param text The text to split.
 * @param options Length limits.
 * @returns The sentences, trimmed, without pieces that have nothing to speak.
 */
export function splitSentences(
  text: string,
  options: SentenceSplitterOptions = {},
): string[] {
  const splitter = new SentenceSplitter(options);
  return [...splitter.push(text), ...splitter.flush()];
}
