import assert from "node:assert/strict";
import {
  preservePunctuation,
  restorePunctuation,
} from "./_phonemizer_punctuation.ts";

// Expected values: Python phonemizer 3.4.0's Punctuation().preserve(lines)
// and Punctuation.restore(pieces, marks, Separator(word=" "), strip=True),
// with each piece upper-cased as a stand-in for its phonemes.
const CASES: {
  lines: string[];
  pieces: string[];
  marks: [number, string, string][];
  restored: string[];
}[] = [
  {
    lines: ["pi is 3.14 and e is 2.718."],
    pieces: ["pi is 3", "14 and e is 2.718."],
    marks: [[0, ".", "E"]],
    restored: ["PI IS 3.", "14 AND E IS 2.718."],
  },
  {
    lines: ['"quoted" and (or eu) a@b.com, :) x'],
    pieces: ["quoted", "and", "or eu", "a@b", "com", "x"],
    marks: [[0, '"', "B"], [0, '" ', "I"], [0, " (", "I"], [0, ") ", "I"], [
      0,
      ".",
      "I",
    ], [0, ", :) ", "I"]],
    restored: ['"QUOTED" AND (OR EU) A@B.COM, :) X'],
  },
  {
    lines: ["hello, my world!"],
    pieces: ["hello", "my world"],
    marks: [[0, ", ", "I"], [0, "!", "E"]],
    restored: ["HELLO, MY WORLD!"],
  },
  { lines: ["..."], pieces: [], marks: [[0, "...", "A"]], restored: ["..."] },
  {
    lines: ["a, b", "c!"],
    pieces: ["a", "b", "c"],
    marks: [[0, ", ", "I"], [1, "!", "E"]],
    restored: ["A, B", "C!"],
  },
];

Deno.test("preservePunctuation() and restorePunctuation() match phonemizer 3.4.0, quirks included", () => {
  for (const { lines, pieces, marks, restored } of CASES) {
    const preserved = preservePunctuation(lines);
    assert.deepEqual(preserved.pieces, pieces, JSON.stringify(lines));
    assert.deepEqual(
      preserved.marks.map((m) => [m.index, m.mark, m.position]),
      marks,
    );
    assert.deepEqual(
      restorePunctuation(pieces.map((p) => p.toUpperCase()), preserved.marks),
      restored,
    );
  }
});
