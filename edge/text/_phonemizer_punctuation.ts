/**
 * Python phonemizer 3.4.0's `preserve_punctuation=True`
 * (`phonemizer/punctuation.py`, `Punctuation.preserve` and `.restore`), as the
 * original VITS `english_cleaners2` calls it: the text is cut at its
 * punctuation marks, each piece is phonemized on its own, and the marks are
 * put back. Reproduced with its quirks, because VITS models were trained on
 * its output: a piece is cut at the *first* occurrence of each mark found
 * (so the final `.` of `pi is 3.14.` cuts `3.14`), and marks are restored
 * by line number, so after the first piece of a line the remaining marks
 * are appended at the end. Internal to `cleaners.ts`.
 *
 * @see https://github.com/bootphon/phonemizer (`phonemizer/punctuation.py`, `phonemizer/backend/base.py`)
 * @module
 */

/** A mark found in line `index`, at the start, inside, at the end, or alone. */
export interface PreservedMark {
  index: number;
  mark: string;
  position: "B" | "I" | "E" | "A";
}

/**
 * `Punctuation.default_marks()` without the decimal separators `,.`, which
 * count only when not next to a digit on the matching side.
 */
const OTHER_MARKS = ';:!?¡¿—…"«»“”(){}[]';
const MARKS_REGEXP = new RegExp(
  String.raw`(\s*(?:[${
    OTHER_MARKS.replace(/[\]\[\\\-^]/g, "\\$&")
  }]|(?<![0-9])[,.]|[,.](?![0-9]))+\s*)+`,
  "g",
);

function preserveLine(
  line: string,
  index: number,
): { pieces: string[]; marks: PreservedMark[] } {
  const matches = [...line.matchAll(MARKS_REGEXP)].map((match) => match[0]);
  if (matches.length === 0) return { pieces: [line], marks: [] };
  if (matches.length === 1 && matches[0] === line) {
    return { pieces: [], marks: [{ index, mark: line, position: "A" }] };
  }
  const marks = matches.map((mark, i): PreservedMark => {
    let position: PreservedMark["position"] = "I";
    if (i === 0 && line.startsWith(mark)) position = "B";
    else if (i === matches.length - 1 && line.endsWith(mark)) position = "E";
    return { index, mark, position };
  });
  const pieces: string[] = [];
  let rest = line;
  for (const { mark } of marks) {
    const at = rest.indexOf(mark);
    // Python's `line.split(mark)`: no occurrence leaves the whole line.
    if (at < 0) {
      pieces.push(rest);
      rest = "";
      continue;
    }
    pieces.push(rest.slice(0, at));
    rest = rest.slice(at + mark.length);
  }
  return { pieces: [...pieces, rest], marks };
}

/**
 * `Punctuation.preserve`: the pieces to phonemize (empty ones dropped) and
 * the marks to restore.
 *
 * @example
 * ```ts
 * import { preservePunctuation } from "./_phonemizer_punctuation.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(preservePunctuation(["hello, my world!"]).pieces, [
 *   "hello",
 *   "my world",
 * ]);
 * ```
 *
 * @param lines The text's lines.
 * @returns Pieces and marks.
 */
export function preservePunctuation(
  lines: string[],
): { pieces: string[]; marks: PreservedMark[] } {
  const pieces: string[] = [];
  const marks: PreservedMark[] = [];
  lines.forEach((line, index) => {
    const preserved = preserveLine(line, index);
    pieces.push(...preserved.pieces);
    marks.push(...preserved.marks);
  });
  return { pieces: pieces.filter((piece) => piece !== ""), marks };
}

/**
 * `Punctuation.restore` with a `" "` word separator and `strip=True`: the
 * phonemized pieces with their marks, as phonemizer's output lines.
 *
 * @example
 * ```ts
 * import {
 *   preservePunctuation,
 *   restorePunctuation,
 * } from "./_phonemizer_punctuation.ts";
 * import assert from "node:assert/strict";
 *
 * const { marks } = preservePunctuation(["hello, my world!"]);
 * assert.deepEqual(restorePunctuation(["həlˈoʊ", "maɪ wˈɜːld"], marks), [
 *   "həlˈoʊ, maɪ wˈɜːld!",
 * ]);
 * ```
 *
 * @param phonemized The phonemes of each piece.
 * @param preserved The marks from {@linkcode preservePunctuation}.
 * @returns The lines of phonemes with the marks.
 */
export function restorePunctuation(
  phonemized: string[],
  preserved: PreservedMark[],
): string[] {
  let text = [...phonemized];
  let marks = [...preserved];
  const out: string[] = [];
  let position = 0;
  while (text.length > 0 || marks.length > 0) {
    if (marks.length === 0) {
      out.push(...text);
      text = [];
    } else if (text.length === 0) {
      out.push(marks.map((mark) => mark.mark).join(""));
      marks = [];
    } else if (marks[0]!.index === position) {
      const current = marks.shift()!;
      if (text[0]!.endsWith(" ")) text[0] = text[0]!.slice(0, -1);
      if (current.position === "B") text[0] = current.mark + text[0];
      else if (current.position === "E") {
        out.push(text.shift()! + current.mark);
        position++;
      } else if (current.position === "A") {
        out.push(current.mark);
        position++;
      } else if (text.length === 1) text[0] += current.mark;
      else {
        const first = text.shift()!;
        text[0] = first + current.mark + text[0];
      }
    } else {
      out.push(text.shift()!);
      position++;
    }
  }
  return out;
}
