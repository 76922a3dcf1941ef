import assert from "node:assert/strict";
import { FrameClock } from "./frame_clock.ts";

Deno.test("FrameClock counts exactly the frames that start inside the audio", () => {
  for (
    const [fps, rate] of [[25, 22050], [30, 22050], [25, 16000], [12, 44100], [
      30,
      24000,
    ]]
  ) {
    const clock = new FrameClock(fps!, rate!);
    for (const samples of [0, 1, 881, 882, 883, 22049, 22050, 22051, 100003]) {
      let frames = 0;
      while (clock.frameStartSample(frames) < samples) frames++;
      assert.equal(
        clock.frameCountFor(samples),
        frames,
        `${fps} fps, ${rate} Hz, ${samples}`,
      );
    }
  }
});

Deno.test("FrameClock start samples and times never drift over an hour", () => {
  const clock = new FrameClock(30, 22050);
  const hour = 3600 * 30;
  assert.equal(clock.frameStartSample(hour), 3600 * 22050);
  assert.equal(clock.ptsMs(hour), 3_600_000);
  assert.equal(clock.frameCountFor(3600 * 22050), hour);
  for (let i = 1; i < 1000; i++) {
    const step = clock.frameStartSample(i) - clock.frameStartSample(i - 1);
    assert.ok(step === 735, `frame ${i} step ${step}`);
  }
});

Deno.test("FrameClock rejects non-integer rates", () => {
  assert.throws(
    () => new FrameClock(29.97, 22050),
    /fps must be a positive integer/,
  );
  assert.throws(
    () => new FrameClock(25, 0),
    /sample rate must be a positive integer/,
  );
});
