/**
 * Parity of the TypeScript Wav2Lip mel with the independent float64 numpy reference
 * (`scripts/mel_reference.py`): on the committed vectors in `tests/fixtures/mel/` (regenerate them
 * with the commands in that script's docstring), and on speech generated at test time.
 */
import assert from "node:assert/strict";
import { MelFilterbank, melSpectrogram, MelStream } from "@lipstream/shared";

const ROOT = new URL("../", import.meta.url);
const FIXTURES = new URL("tests/fixtures/mel/", ROOT);
const SCRIPT = new URL("scripts/mel_reference.py", ROOT).pathname;
/** The brief's budget on the [−4, 4] scale; float64 vs float64 lands near 1e−6. */
const BUDGET = 1e-3;

async function readF32(path: string | URL): Promise<Float32Array> {
  const bytes = await Deno.readFile(path);
  return new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
}

function maxAbsDiff(a: Float32Array, b: Float32Array): number {
  assert.equal(a.length, b.length, "lengths differ");
  let worst = 0;
  for (let i = 0; i < a.length; i++) {
    worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
  }
  return worst;
}

/** Samples of a mono float32 WAV: the payload of its `data` chunk. */
function wavFloat32Samples(bytes: Uint8Array): Float32Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 12;
  while (at + 8 <= bytes.length) {
    const id = String.fromCharCode(...bytes.subarray(at, at + 4));
    const size = view.getUint32(at + 4, true);
    if (id === "fmt ") {
      assert.equal(view.getUint16(at + 8, true), 3, "expected IEEE float WAV");
      assert.equal(view.getUint32(at + 12, true), 16000);
    }
    if (id === "data") {
      return new Float32Array(bytes.slice(at + 8, at + 8 + size).buffer);
    }
    at += 8 + size + (size & 1);
  }
  throw new Error("no data chunk");
}

async function succeeds(command: string, args: string[]): Promise<boolean> {
  try {
    const { success } = await new Deno.Command(command, {
      args,
      stdout: "null",
      stderr: "null",
    }).output();
    return success;
  } catch {
    return false;
  }
}

async function run(command: string, args: string[]): Promise<void> {
  const { success, stderr } = await new Deno.Command(command, {
    args,
    stdout: "null",
  })
    .output();
  if (!success) {
    throw new Error(`${command} failed: ${new TextDecoder().decode(stderr)}`);
  }
}

/** The project's Python environment (`scripts/python_env.sh`); `scripts/test.sh` sets it. */
const PYTHON = Deno.env.get("LIPSTREAM_PYTHON") ?? ".tools/venv/bin/python";
const HAVE_NUMPY = await succeeds(PYTHON, ["-c", "import numpy, scipy"]);
if (Deno.env.get("CI") === "true" && !HAVE_NUMPY) {
  throw new Error(
    `CI=true: ${PYTHON} cannot import numpy and scipy (run bash scripts/python_env.sh)`,
  );
}
const HAVE_SPEECH = await succeeds("espeak-ng", ["--version"]) &&
  await succeeds("sox", ["--version"]);

Deno.test("melSpectrogram() matches the committed numpy reference vectors", async () => {
  const samples = await readF32(new URL("speech_16k.f32", FIXTURES));
  const want = await readF32(new URL("speech_mel.f32", FIXTURES));
  assert.equal(samples.length, 24000);
  const got = melSpectrogram(samples);
  assert.equal(got.length, (1 + Math.floor(24000 / 200)) * 80);
  assert.ok(maxAbsDiff(got, want) <= BUDGET);
  // The fixture is speech, not silence: a wide spread of levels is being compared.
  assert.ok(Math.min(...want) === -4 && Math.max(...want) > 0);
});

Deno.test({
  name:
    "melSpectrogram() and MelStream match numpy on freshly synthesised speech",
  ignore: !HAVE_NUMPY || !HAVE_SPEECH,
  async fn() {
    const dir = await Deno.makeTempDir({ prefix: "lipstream_mel_" });
    try {
      const sentences = [
        ["-s", "190", "Quick brown foxes jump over the lazy dog."],
        ["-v", "en+f3", "-p", "70", "Hello, is this thing on?"],
        ["-s", "120", "A."], // short: checks edge framing on a sub-second utterance
      ];
      const pairs: string[] = [];
      for (const [index, args] of sentences.entries()) {
        const raw = `${dir}/raw${index}.wav`, wav = `${dir}/s${index}.wav`;
        await run("espeak-ng", ["-w", raw, ...args]);
        await run("sox", [
          raw,
          "-r",
          "16000",
          "-b",
          "32",
          "-e",
          "floating-point",
          wav,
        ]);
        pairs.push(wav, `${dir}/mel${index}.f32`);
      }
      await run(PYTHON, [SCRIPT, ...pairs]);
      for (const [index, args] of sentences.entries()) {
        // The same float32 samples the script read from the WAV sox wrote.
        const bytes = await Deno.readFile(`${dir}/s${index}.wav`);
        const samples = wavFloat32Samples(bytes);
        const want = await readF32(`${dir}/mel${index}.f32`);
        assert.ok(
          maxAbsDiff(melSpectrogram(samples), want) <= BUDGET,
          args.at(-1),
        );
        const stream = new MelStream();
        const parts = [
          stream.push(samples.subarray(0, 777)),
          stream.push(samples.subarray(777)),
        ];
        parts.push(stream.flush());
        const streamed = Float32Array.from(parts.flatMap((part) => [...part]));
        assert.ok(maxAbsDiff(streamed, want) <= BUDGET);
      }
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});

Deno.test({
  name:
    "melSpectrogram() matches numpy at edge lengths, including numpy's repeated reflection",
  ignore: !HAVE_NUMPY,
  async fn() {
    const dir = await Deno.makeTempDir({ prefix: "lipstream_mel_" });
    try {
      let seed = 12345;
      const pairs: string[] = [];
      const cases: { samples: Float32Array; output: string }[] = [];
      for (
        const length of [1, 2, 3, 150, 399, 400, 401, 799, 2999, 3000, 4321]
      ) {
        const samples = Float32Array.from({ length }, () => {
          seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
          return (seed / 2 ** 32 - 0.5) * 0.8;
        });
        const input = `${dir}/x${length}.f32`;
        await Deno.writeFile(input, new Uint8Array(samples.buffer));
        cases.push({ samples, output: `${dir}/mel${length}.f32` });
        pairs.push(input, `${dir}/mel${length}.f32`);
      }
      await run(PYTHON, [SCRIPT, ...pairs]);
      for (const { samples, output } of cases) {
        const want = await readF32(output);
        assert.ok(
          maxAbsDiff(melSpectrogram(samples), want) <= BUDGET,
          `N = ${samples.length}`,
        );
      }
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});

Deno.test({
  name: "MelFilterbank weights match the numpy Slaney basis",
  ignore: !HAVE_NUMPY,
  async fn() {
    const dir = await Deno.makeTempDir({ prefix: "lipstream_mel_" });
    try {
      await run(PYTHON, [SCRIPT, "--basis-out", `${dir}/basis.f32`]);
      const want = await readF32(`${dir}/basis.f32`);
      const got = new MelFilterbank().weights;
      assert.ok(maxAbsDiff(got, want) <= 1e-7);
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});
