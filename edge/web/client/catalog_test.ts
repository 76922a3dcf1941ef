import assert from "node:assert/strict";
import {
  avatarOptions,
  languageOptions,
  speakerOptions,
  voiceOptions,
} from "./catalog.ts";

Deno.test("voiceOptions() and avatarOptions() label fixtures and demos as such", () => {
  assert.deepEqual(
    voiceOptions([
      { id: "f", kind: "vits", fixture: true, speakers: [] },
      { id: "demo_espeak", kind: "espeak", demo: true, speakers: [] },
    ]),
    [["f", "f (test fixture, tones)"], [
      "demo_espeak",
      "demo_espeak (demo: eSpeak NG, not VITS)",
    ]],
  );
  assert.deepEqual(
    avatarOptions([
      {
        id: "demo",
        width: 256,
        height: 256,
        fps: 25,
        frame_count: 40,
        demo: true,
      },
      { id: "me", width: 96, height: 128, fps: 25, frame_count: 1 },
    ]),
    [["demo", "demo 256×256 (drawn demo)"], ["me", "me 96×128"]],
  );
});

Deno.test("speakerOptions() lists named speakers, else numbers them", () => {
  assert.deepEqual(
    speakerOptions({ id: "v", kind: "vits", speakers: ["ann", "bo"] }),
    [
      ["ann", "ann"],
      ["bo", "bo"],
    ],
  );
  assert.deepEqual(
    speakerOptions({ id: "v", kind: "vits", speakers: [], num_speakers: 2 }),
    [["0", "#0"], ["1", "#1"]],
  );
  assert.deepEqual(speakerOptions(undefined), [["0", "#0"]]);
  assert.deepEqual(
    languageOptions({ id: "v", kind: "vits", speakers: [], languages: ["en"] }),
    [["", "auto"], ["en", "en"]],
  );
});
