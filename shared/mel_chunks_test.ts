import assert from "node:assert/strict";
import {
  copyMelWindow,
  MEL_WINDOW_FRAMES,
  melChunkStarts,
  melWindowStart,
} from "./mel_chunks.ts";

/** inference.py's loop, transcribed: start = int(i · (80/fps)), last chunk mel[:, T−16:T]. */
function referenceStarts(frames: number, fps: number): number[] {
  const mult = 80 / fps, starts: number[] = [];
  for (let i = 0;; i++) {
    const start = Math.trunc(i * mult);
    if (start + 16 > frames) return [...starts, frames - 16];
    starts.push(start);
  }
}

Deno.test("melChunkStarts() matches Wav2Lip's mel_chunks loop on worked lengths", () => {
  const table: [
    seconds: number,
    fps: number,
    frames: number,
    chunks: number,
  ][] = [
    [1.0, 25, 81, 22],
    [2.0, 25, 161, 47],
    [3.3, 25, 265, 80],
    [1.0, 30, 81, 26],
    [0.5, 25, 41, 10],
  ];
  for (const [seconds, fps, frames, chunks] of table) {
    const samples = Math.round(seconds * 16000);
    assert.equal(1 + Math.floor(samples / 200), frames);
    const starts = melChunkStarts(frames, fps);
    assert.equal(starts.length, chunks, `${seconds} s at ${fps} fps`);
    assert.equal(starts.at(-1), frames - 16);
  }
  // 3.3 s at 25 fps: the last two chunks both start at 249.
  assert.deepEqual([...melChunkStarts(265, 25).slice(-2)], [249, 249]);
});

Deno.test("melChunkStarts() equals the reference loop for common frame rates", () => {
  for (const fps of [23.976, 24, 25, 29.97, 30, 60]) {
    for (const frames of [16, 17, 81, 500, 4001]) {
      assert.deepEqual(
        [...melChunkStarts(frames, fps)],
        referenceStarts(frames, fps),
      );
    }
  }
});

Deno.test("melChunkStarts() gives one silence-padded window when T < 16, none when T = 0", () => {
  assert.deepEqual([...melChunkStarts(10, 25)], [-6]);
  assert.deepEqual([...melChunkStarts(16, 25)], [0, 0]);
  assert.equal(melChunkStarts(0, 25).length, 0);
  assert.throws(() => melChunkStarts(-1, 25), RangeError);
  assert.throws(() => melChunkStarts(3.5, 25), RangeError);
});

Deno.test("melWindowStart() truncates i · (80 / fps)", () => {
  assert.equal(melWindowStart(5, 25), 16);
  assert.equal(melWindowStart(77, 25), 246);
  assert.equal(melWindowStart(3, 30), 8);
  assert.equal(melWindowStart(4, 50, { melFramesPerSecond: 100 }), 8);
  for (const fps of [0, -25, Number.NaN, Infinity]) {
    assert.throws(() => melWindowStart(1, fps), RangeError);
  }
});

Deno.test("copyMelWindow() writes Wav2Lip's [1, 80, 16] layout: band-major rows of 16 frames", () => {
  const frames = 40;
  // value(t, m) = 1000·t + m, frame-major.
  const mel = Float32Array.from(
    { length: frames * 80 },
    (_, i) => 1000 * Math.floor(i / 80) + (i % 80),
  );
  const window = copyMelWindow(mel, 7);
  assert.equal(window.length, 80 * MEL_WINDOW_FRAMES);
  for (let m = 0; m < 80; m++) {
    for (let c = 0; c < 16; c++) {
      assert.equal(window[m * 16 + c], 1000 * (7 + c) + m);
    }
  }
  // Batch slot 2 of a [B, 1, 80, 16] batch, other slots untouched.
  const batch = new Float32Array(3 * 1280).fill(9);
  copyMelWindow(mel, 0, { out: batch, outOffset: 2 * 1280 });
  assert.ok(batch.subarray(0, 2 * 1280).every((v) => v === 9));
  assert.equal(batch[2 * 1280 + 16 * 5 + 3], 3000 + 5);
});

Deno.test("copyMelWindow() pads frames outside the mel with silence", () => {
  const mel = new Float32Array(10 * 80).fill(1); // T = 10 < 16
  const [start] = melChunkStarts(10, 25);
  const window = copyMelWindow(mel, start!);
  for (let m = 0; m < 80; m++) {
    const row = [...window.subarray(m * 16, m * 16 + 16)];
    assert.deepEqual(row, [...new Array(6).fill(-4), ...new Array(10).fill(1)]);
  }
  assert.equal(copyMelWindow(mel, 8, { padValue: 0 })[15], 0);
  assert.throws(() => copyMelWindow(new Float32Array(81), 0), RangeError);
  assert.throws(
    () => copyMelWindow(mel, 0, { out: new Float32Array(100) }),
    RangeError,
  );
});
