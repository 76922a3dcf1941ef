/**
 * The audio hand-off between speech and lip-sync, timed both ways on the
 * same length of audio at the voice's rate: the seed's reference path (the
 * VITS output written with scipy's `wavfile.write`, read back, resampled,
 * turned into Wav2Lip's mel: `handoff_reference.py`) against ours (the
 * Float32Array handed over in memory to the resampler and mel of
 * `edge/lipsync/mel_feed.ts`). `deno task bench` reports both and the ratio.
 *
 * @module
 */

import { MelFeed } from "../edge/lipsync/mel_feed.ts";

/** Both hand-offs, median milliseconds. */
export interface HandoffTimes {
  /** Seconds of audio handed over. */
  seconds: number;
  /** The voice's rate. */
  rateHz: number;
  /** Ours: in memory, resample + mel. */
  oursMs: number;
  /** The reference: file write + read, resample + mel (Python, numpy/scipy). */
  referenceMs: number;
  /** The reference's file round trip alone (write + read). */
  referenceFileMs: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1]!;
}

/**
 * Times both hand-offs.
 *
 * @param python The project's Python (numpy, scipy).
 * @param seconds Audio length.
 * @param runs Timed runs after one warm-up.
 * @returns The medians.
 */
export async function measureHandoff(
  python: string,
  seconds: number,
  runs: number,
): Promise<HandoffTimes> {
  const rateHz = 22050;
  let seed = 1;
  const audio = new Float32Array(Math.round(seconds * rateHz)).map(() => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return (seed / 2 ** 31 - 0.5) * 0.2;
  });
  const ours: number[] = [];
  for (let run = 0; run <= runs; run++) {
    const start = performance.now();
    const feed = new MelFeed(rateHz);
    let values = feed.push(audio).length;
    values += feed.flush().length;
    if (values === 0) throw new Error("handoff: no mel frames");
    if (run > 0) ours.push(performance.now() - start);
  }
  const output = await new Deno.Command(python, {
    args: [
      new URL("handoff_reference.py", import.meta.url).pathname,
      "--seconds",
      String(seconds),
      "--rate",
      String(rateHz),
      "--runs",
      String(runs),
    ],
    stderr: "inherit",
  }).output();
  if (!output.success) throw new Error("handoff_reference.py failed");
  const reference = JSON.parse(new TextDecoder().decode(output.stdout));
  return {
    seconds,
    rateHz,
    oursMs: median(ours),
    referenceMs: reference.handoff_ms,
    referenceFileMs: reference.file_round_trip_ms,
  };
}

if (import.meta.main) {
  const python = Deno.env.get("LIPSTREAM_PYTHON") ?? ".tools/venv/bin/python";
  console.log(JSON.stringify(await measureHandoff(python, 6.4, 11)));
}
