/**
 * FFmpeg as the independent checker of the WAV codec in `shared/`: ffprobe must describe what
 * {@linkcode encodeWav} writes exactly, ffmpeg must decode our files and our stream-header
 * variant (from a pipe, length unknown) to our samples, and our decoder must read the files
 * ffmpeg writes (8/16/24/32-bit PCM, float 32/64, stereo, and its WAVE_FORMAT_EXTENSIBLE with a
 * `LIST` chunk) to the same samples as ffmpeg's own decoder and, roughly, to the generator's sine.
 */
import assert from "node:assert/strict";
import {
  decodeWav,
  decodeWavMono,
  encodeWav,
  encodeWavSamples,
  encodeWavStreamHeader,
  type WavSampleFormat,
} from "@lipstream/shared";

const CODEC: Record<WavSampleFormat, string> = {
  pcm16: "pcm_s16le",
  float32: "pcm_f32le",
};

async function run(
  command: string,
  args: string[],
  stdin?: Uint8Array,
): Promise<Uint8Array> {
  const child = new Deno.Command(command, {
    args,
    stdin: stdin ? "piped" : "null",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  if (stdin) {
    const writer = child.stdin.getWriter();
    await writer.write(stdin);
    await writer.close();
  }
  const { success, stdout, stderr } = await child.output();
  if (!success) {
    throw new Error(
      `${command} ${args.join(" ")} failed: ${
        new TextDecoder().decode(stderr)
      }`,
    );
  }
  return stdout;
}

/** ffmpeg's decode of `input` (a path, or `pipe:0` with `stdin`) as mono-or-interleaved f32le. */
async function ffmpegSamples(
  input: string,
  stdin?: Uint8Array,
): Promise<Float32Array> {
  const raw = await run("ffmpeg", [
    "-v",
    "error",
    "-i",
    input,
    "-f",
    "f32le",
    "-",
  ], stdin);
  return new Float32Array(raw.slice().buffer);
}

function tone(count: number, rateHz: number): Float32Array {
  return Float32Array.from(
    { length: count },
    (_, i) =>
      0.6 * Math.sin(2 * Math.PI * 440 * i / rateHz) + 0.3 * Math.sin(i / 5),
  );
}

async function withTempDir(
  body: (dir: string) => Promise<void>,
): Promise<void> {
  const dir = await Deno.makeTempDir({ prefix: "lipstream_wav_" });
  try {
    await body(dir);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

for (const format of ["pcm16", "float32"] as const) {
  for (const sampleRateHz of [16000, 22050, 44100]) {
    Deno.test(`ffprobe reads encodeWav() ${format} at ${sampleRateHz} Hz exactly; ffmpeg decodes our samples`, async () => {
      const count = Math.round(sampleRateHz * 0.75) + 7;
      const samples = tone(count, sampleRateHz);
      const wav = encodeWav(samples, { sampleRateHz, format });
      await withTempDir(async (dir) => {
        const path = `${dir}/out.wav`;
        await Deno.writeFile(path, wav);
        const probe = JSON.parse(new TextDecoder().decode(
          await run("ffprobe", [
            "-v",
            "error",
            "-show_streams",
            "-of",
            "json",
            path,
          ]),
        ));
        const stream = probe.streams[0];
        assert.equal(probe.streams.length, 1);
        assert.equal(stream.codec_name, CODEC[format]);
        assert.equal(stream.sample_rate, `${sampleRateHz}`);
        assert.equal(stream.channels, 1);
        assert.equal(stream.duration_ts, count);
        assert.ok(
          Math.abs(Number(stream.duration) - count / sampleRateHz) < 1e-6,
          stream.duration,
        );

        const theirs = await ffmpegSamples(path);
        const ours = decodeWavMono(wav).samples;
        assert.deepEqual(theirs, ours); // ffmpeg also scales 16-bit by 1/32768
        if (format === "float32") assert.deepEqual(theirs, samples);
      });
    });
  }

  Deno.test(`ffmpeg decodes a ${format} stream-header WAV piped with no length`, async () => {
    const sampleRateHz = 22050;
    const samples = tone(5000, sampleRateHz);
    const parts = [
      encodeWavStreamHeader({ sampleRateHz, format }),
      encodeWavSamples(samples.subarray(0, 1234), format),
      encodeWavSamples(samples.subarray(1234), format),
    ];
    const stream = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    parts.reduce((at, p) => (stream.set(p, at), at + p.length), 0);
    const theirs = await ffmpegSamples("pipe:0", stream);
    assert.deepEqual(
      theirs,
      decodeWavMono(encodeWav(samples, { sampleRateHz, format })).samples,
    );
  });
}

/** ffmpeg-written files: codec, channel count and the largest expected deviation from the sine. */
const FFMPEG_FILES = [
  { codec: "pcm_u8", channels: 1, tolerance: 2 / 128 }, // ffmpeg floors s16 → u8: up to a step low
  { codec: "pcm_s16le", channels: 1, tolerance: 1e-4 },
  { codec: "pcm_s16le", channels: 2, tolerance: 1e-4 },
  { codec: "pcm_s16le", channels: 3, tolerance: 1e-4 }, // > 2 channels: WAVE_FORMAT_EXTENSIBLE
  { codec: "pcm_s24le", channels: 1, tolerance: 1e-4 },
  { codec: "pcm_s32le", channels: 2, tolerance: 1e-4 },
  { codec: "pcm_f32le", channels: 1, tolerance: 1e-4 },
  { codec: "pcm_f64le", channels: 2, tolerance: 1e-4 },
] as const;

for (const { codec, channels, tolerance } of FFMPEG_FILES) {
  Deno.test(`decodeWav() reads ffmpeg's ${codec} ×${channels} like ffmpeg and near the sine`, async () => {
    const rateHz = 22050, hz = 440;
    await withTempDir(async (dir) => {
      const path = `${dir}/${codec}_${channels}.wav`;
      const source = `sine=frequency=${hz}:sample_rate=${rateHz}:duration=0.5`;
      const args = [
        "-v",
        "error",
        "-f",
        "lavfi",
        "-i",
        source,
        "-ac",
        `${channels}`,
      ];
      await run("ffmpeg", [...args, "-c:a", codec, path]);
      const decoded = decodeWav(await Deno.readFile(path));
      assert.equal(decoded.sampleRateHz, rateHz);
      assert.equal(decoded.channelCount, channels);
      assert.equal(decoded.channels[0]!.length, rateHz / 2);

      // Same samples as ffmpeg's own decoder, which interleaves channels.
      const theirs = await ffmpegSamples(path);
      assert.equal(theirs.length, channels * rateHz / 2);
      theirs.forEach((x, i) => {
        const ours = decoded.channels[i % channels]![Math.floor(i / channels)]!;
        assert.ok(
          Math.abs(x - ours) <= 2 ** -23,
          `sample ${i}: ffmpeg ${x}, ours ${ours}`,
        );
      });

      // Roughly the generator: a sine of the RMS-derived amplitude, starting at phase 0.
      const mono = decodeWavMono(await Deno.readFile(path)).samples;
      const amplitude = Math.sqrt(
        2 * mono.reduce((s, x) => s + x * x, 0) / mono.length,
      );
      assert.ok(amplitude > 0.05 && amplitude < 1, `amplitude ${amplitude}`);
      mono.forEach((x, n) => {
        const ideal = amplitude * Math.sin(2 * Math.PI * hz * n / rateHz);
        assert.ok(
          Math.abs(x - ideal) <= tolerance + 2e-3 * amplitude,
          `n=${n}: ${x} vs ${ideal}`,
        );
      });
    });
  });
}
