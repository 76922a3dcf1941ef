/**
 * Internal scanner for the sentence splitter: finds the first cut in a buffer,
 * or says it must wait for more text before it can decide.
 *
 * @module
 */

/** Options the scanner needs, already validated. */
export interface ScanOptions {
  /** Pieces with fewer speakable characters than this merge with the next. */
  minChars: number;
  /** Pieces are cut before they pass this many characters (marks excluded). */
  maxChars: number;
  /**
   * When set, a piece that passes this many characters is cut at its last
   * pause mark, if it has one after enough speakable characters.
   */
  softMaxChars?: number;
}

/** Where the first piece ends, or `"wait"` when the text so far cannot tell. */
export type ScanResult = { end: number } | "wait" | undefined;

/** Sentence terminators: a cut always follows a run of these. */
const HARD_TERMINATORS = new Set([..."。！？；.!?;"]);
/** Characters a terminator run may carry with it (closing quotes, ellipses). */
const RUN_TRAILERS = new Set([..."。！？；.!?;…~～”’\"'」』）)》〉】"]);
/** Pause marks where an over-long sentence may be cut. */
const SOFT_BREAKS = new Set([..."，,、：:—…"]);
/** Words whose trailing "." ends no sentence (lowercased, without the dot). */
const ABBREVIATIONS = new Set([
  "mr",
  "mrs",
  "ms",
  "dr",
  "drs",
  "prof",
  "sr",
  "jr",
  "st",
  "mt",
  "vs",
  "etc",
  "e.g",
  "i.e",
  "no",
  "inc",
  "ltd",
  "co",
  "corp",
  "gen",
  "capt",
  "col",
  "lt",
  "sgt",
  "rev",
  "hon",
  "esq",
  "maj",
  "ft",
  "fig",
  "approx",
]);

const MARK_REGEXP = /^\[[A-Z]{2}\]/;
const SPEAKABLE_REGEXP = /[\p{L}\p{N}]/u;
const CJK_REGEXP = /[\u3000-\u9fff\uff00-\uffef]/;
const SPACE_REGEXP = /\s/;

/** Whether `text` has a letter or digit in it. */
export function hasSpeakable(text: string): boolean {
  return SPEAKABLE_REGEXP.test(text);
}

/** The language mark (`"ZH"`) starting at `index`, `""` for a possible partial one at the end, else undefined. */
export function markAt(text: string, index: number): string | undefined {
  const rest = text.slice(index, index + 4);
  if (MARK_REGEXP.test(rest)) return rest.slice(1, 3);
  if (rest.length < 4 && /^\[[A-Z]{0,2}$/.test(rest)) return "";
  return undefined;
}

/** Applies a mark to the open-mark state: the same code closes it, another opens that one. */
export function toggleMark(
  open: string | undefined,
  code: string,
): string | undefined {
  return open === code ? undefined : code;
}

function isAbbreviation(text: string, dot: number): boolean {
  let start = dot;
  while (start > 0 && /[A-Za-z.]/.test(text[start - 1] ?? "")) start--;
  const word = text.slice(start, dot);
  if (word.length === 0) return false;
  if (/^[A-Z]$/.test(word)) return true; // an initial: "J. Smith"
  if (/[A-Za-z]\.[A-Za-z]/.test(word)) return true; // "p.m.", "U.S."
  return ABBREVIATIONS.has(word.toLowerCase());
}

/** Whether a terminator run ending at `next` closes a sentence; `"wait"` if unknown yet. */
function endsSentence(
  text: string,
  first: number,
  next: number,
  final: boolean,
): boolean | "wait" {
  const head = text[first] ?? "";
  if (!".!?;".includes(head)) return true; // full-width terminators always end
  const after = text[next];
  if (after === undefined) {
    if (!final) return "wait";
  } else if (
    !SPACE_REGEXP.test(after) && !CJK_REGEXP.test(after) && after !== "["
  ) {
    return false; // "3.14", "e.g.x", "a.m.x"
  }
  if (head === "." && next === first + 1 && isAbbreviation(text, first)) {
    return false;
  }
  return true;
}

function isSoftBreak(text: string, index: number): boolean {
  const char = text[index] ?? "";
  if (!SOFT_BREAKS.has(char)) return false;
  if (char === "," || char === ":") return !/\d/.test(text[index + 1] ?? "");
  return true;
}

/**
 * Extends a cut over whitespace and the closing mark of the open language, so
 * the next piece does not start with it.
 */
function absorbClosingMark(
  text: string,
  end: number,
  open: string | undefined,
  final: boolean,
): number | "wait" {
  let index = end;
  while (index < text.length && SPACE_REGEXP.test(text[index] ?? "")) index++;
  if (open === undefined) return index;
  const mark = markAt(text, index);
  if (mark === "" && !final) return "wait";
  if (index === text.length && !final) return "wait";
  if (mark === open) {
    index += 4;
    while (index < text.length && SPACE_REGEXP.test(text[index] ?? "")) {
      index++;
    }
  }
  return index;
}

/**
 * Finds the end of the first piece of `text`, given the language mark open at
 * its start. `final` says no more text will come.
 */
export function scanFirstPiece(
  text: string,
  open: string | undefined,
  options: ScanOptions & { final: boolean },
): ScanResult {
  const { minChars, maxChars, softMaxChars, final } = options;
  let state = open;
  let length = 0;
  let speakable = 0;
  let lastSoft = -1;
  let speakableAtSoft = 0;
  let lastSpace = -1;
  let index = 0;
  while (index < text.length) {
    const char = text[index] ?? "";
    if (char === "[") {
      const mark = markAt(text, index);
      if (mark === "" && !final) return "wait";
      if (mark) {
        state = toggleMark(state, mark);
        index += 4;
        continue;
      }
    }
    if (HARD_TERMINATORS.has(char)) {
      let next = index + 1;
      while (next < text.length && RUN_TRAILERS.has(text[next] ?? "")) next++;
      if (next === text.length && !final) return "wait";
      const ends = endsSentence(text, index, next, final);
      if (ends === "wait") return "wait";
      if (ends && speakable >= Math.max(1, minChars)) {
        const end = absorbClosingMark(text, next, state, final);
        return end === "wait" ? "wait" : { end };
      }
      length += next - index;
      index = next;
      continue;
    }
    const step = (text.codePointAt(index) ?? 0) > 0xffff ? 2 : 1;
    if (SPACE_REGEXP.test(char)) {
      lastSpace = index;
      length++;
      index++;
      continue;
    }
    if (length + 1 > maxChars && index > 0) {
      const cut = lastSoft > 0 ? lastSoft : lastSpace > 0 ? lastSpace : index;
      const end = absorbClosingMark(text, cut, state, final);
      return end === "wait" ? "wait" : { end };
    }
    if (
      softMaxChars !== undefined && length + 1 > softMaxChars &&
      lastSoft > 0 && speakableAtSoft >= Math.max(1, minChars)
    ) {
      const end = absorbClosingMark(text, lastSoft, state, final);
      return end === "wait" ? "wait" : { end };
    }
    if (isSoftBreak(text, index)) {
      lastSoft = index + 1;
      speakableAtSoft = speakable;
    } else if (SPEAKABLE_REGEXP.test(char)) speakable++;
    length++;
    index += step;
  }
  if (!final) return "wait";
  return text.trim().length > 0 ? { end: text.length } : undefined;
}
