import assert from "node:assert/strict";
import { joinAsPiper, piperClauseEnd } from "./piper_punctuation.ts";

Deno.test("piperClauseEnd() counts a run of marks by its first", () => {
  assert.deepEqual(piperClauseEnd("!?"), { mark: "!", space: true });
  assert.deepEqual(piperClauseEnd(",."), { mark: ",", space: true });
  assert.deepEqual(piperClauseEnd("…."), { mark: "", space: false });
  assert.deepEqual(piperClauseEnd("...."), { mark: "", space: false });
  assert.deepEqual(piperClauseEnd("–"), { mark: ";", space: true });
});

Deno.test("joinAsPiper() drops an opening mark after a mark and at the start", () => {
  assert.equal(
    joinAsPiper([
      { marks: "¿¡" },
      { phonemes: "kˈe" },
      { marks: "!?" },
    ]),
    "kˈe!",
  );
  assert.equal(
    joinAsPiper([
      { phonemes: "ˈola" },
      { marks: "," },
      { marks: "¿" },
      { phonemes: "kˈe tˈal" },
      { marks: "?" },
    ]),
    "ˈola, kˈe tˈal?",
  );
});

Deno.test("joinAsPiper() joins clauses around two dots with a space", () => {
  assert.equal(
    joinAsPiper([{ phonemes: "a" }, { marks: ".." }, { phonemes: "b" }]),
    "a b",
  );
});
