import assert from "node:assert/strict";
import {
  asciiBytes,
  buildRiff,
  extensibleFmtBody,
  fmtBody,
  type FmtFields,
  type TestChunk,
} from "../tests/support/wav_build.ts";
import { decodeWav, decodeWavMono } from "./wav_decode.ts";
import { encodeWav } from "./wav_encode.ts";
import { WavFormatError } from "./wav_error.ts";
import { readWavInfo } from "./wav_info.ts";

const PCM16: FmtFields = { tag: 1, channels: 1, rateHz: 16000, bits: 16 };
const DATA: TestChunk = { id: "data", body: new Uint8Array(8) };

function withFmt(fields: Partial<FmtFields>): Uint8Array {
  return buildRiff([
    { id: "fmt ", body: fmtBody({ ...PCM16, ...fields }) },
    DATA,
  ]);
}

/** Each malformed input and a fragment its error message must contain. */
const MALFORMED: ReadonlyArray<readonly [string, Uint8Array, string]> = [
  ["empty", new Uint8Array(0), "0 bytes, shorter than the 12-byte RIFF header"],
  ["11 bytes", asciiBytes("RIFF\0\0\0\0WAV"), "11 bytes"],
  [
    "text",
    asciiBytes("hello, world, not a wav"),
    'starts with "hell", not "RIFF"',
  ],
  [
    "binary magic",
    Uint8Array.of(0, 1, 2, 3, 0, 0, 0, 0, 0, 0, 0, 0),
    "0x00010203",
  ],
  ["RIFX", buildRiff([], { magic: "RIFX" }), '"RIFX" files are not supported'],
  ["RF64", buildRiff([], { magic: "RF64" }), '"RF64" files are not supported'],
  [
    "AVI form",
    buildRiff([], { form: "AVI " }),
    'form type is "AVI ", not "WAVE"',
  ],
  ["no chunks", buildRiff([]), 'no "fmt " chunk'],
  ["only data", buildRiff([DATA]), 'no "fmt " chunk'],
  [
    "only fmt",
    buildRiff([{ id: "fmt ", body: fmtBody(PCM16) }]),
    'no "data" chunk',
  ],
  [
    "7 stray bytes after fmt",
    buildRiff([{ id: "fmt ", body: fmtBody(PCM16) }, {
      id: "xy",
      body: new Uint8Array(0),
    }])
      .subarray(0, 12 + 24 + 7),
    'no "data" chunk',
  ],
  [
    "short fmt",
    buildRiff([{ id: "fmt ", body: new Uint8Array(14) }, DATA]),
    "14 bytes, needs at least 16",
  ],
  [
    "fmt past the end",
    buildRiff([{ id: "fmt ", body: fmtBody(PCM16) }]).subarray(0, 30),
    'chunk "fmt " at byte 12 declares 16 bytes but only 10 remain',
  ],
  [
    "LIST claims 4 GiB",
    buildRiff([{
      id: "LIST",
      body: new Uint8Array(4),
      declaredSize: 0xffffffff,
    }]),
    'chunk "LIST" at byte 12 declares 4294967295 bytes but only 4 remain',
  ],
  [
    "data to the end before fmt",
    buildRiff([{ ...DATA, declaredSize: 0xffffffff }, {
      id: "fmt ",
      body: fmtBody(PCM16),
    }]),
    'no "fmt " chunk before the data chunk that runs to the end',
  ],
  ["A-law", withFmt({ tag: 6, bits: 8 }), "format tag 0x0006 (A-law)"],
  ["tag 0x1234", withFmt({ tag: 0x1234 }), "unsupported format tag 0x1234"],
  [
    "PCM 12-bit",
    withFmt({ bits: 12, blockAlign: 2 }),
    "unsupported 12 bits per sample for pcm",
  ],
  [
    "float 16-bit",
    withFmt({ tag: 3, bits: 16 }),
    "unsupported 16 bits per sample for float",
  ],
  ["PCM 0-bit", withFmt({ bits: 0, blockAlign: 0 }), "unsupported 0 bits"],
  ["0 channels", withFmt({ channels: 0, blockAlign: 2 }), "channel count is 0"],
  ["rate 0", withFmt({ rateHz: 0 }), "sample rate is 0"],
  [
    "block align 3",
    withFmt({ blockAlign: 3 }),
    "block align is 3 but 1 channel(s) of 16-bit samples need 2",
  ],
  [
    "extensible in 18 bytes",
    buildRiff([{
      id: "fmt ",
      body: fmtBody({ ...PCM16, tag: 0xfffe }, new Uint8Array(2)),
    }, DATA]),
    'WAVE_FORMAT_EXTENSIBLE "fmt " chunk is 18 bytes, needs 40',
  ],
  [
    "extensible cbSize 0",
    buildRiff([{
      id: "fmt ",
      body: extensibleFmtBody({ ...PCM16, code: 1, cbSize: 0 }),
    }, DATA]),
    "cbSize is 0, needs at least 22",
  ],
  [
    "extensible foreign GUID",
    buildRiff([{
      id: "fmt ",
      body: extensibleFmtBody({
        ...PCM16,
        code: 1,
        guidTail: new Array(14).fill(7),
      }),
    }, DATA]),
    "SubFormat GUID bytes 01000707070707070707070707070707",
  ],
  [
    "extensible µ-law",
    buildRiff([
      { id: "fmt ", body: extensibleFmtBody({ ...PCM16, code: 7 }) },
      DATA,
    ]),
    "format tag 0x0007 (µ-law)",
  ],
];

for (const [name, bytes, fragment] of MALFORMED) {
  Deno.test(`readWavInfo() rejects ${name} with a WavFormatError naming it`, () => {
    for (const read of [readWavInfo, decodeWav, decodeWavMono]) {
      assert.throws(
        () => read(bytes),
        (e: unknown) => {
          assert.ok(e instanceof WavFormatError && e instanceof SyntaxError);
          assert.equal(e.name, "WavFormatError");
          assert.ok(e.message.startsWith("Cannot decode WAV: "), e.message);
          assert.ok(
            e.message.includes(fragment),
            `${e.message} lacks ${fragment}`,
          );
          return true;
        },
      );
    }
  });
}

Deno.test("readWavInfo() locates the samples of both encoder formats", () => {
  const pcm = readWavInfo(
    encodeWav(new Float32Array(7), { sampleRateHz: 8000, format: "pcm16" }),
  );
  assert.deepEqual(
    [
      pcm.formatTag,
      pcm.dataOffset,
      pcm.frameCount,
      pcm.blockAlign,
      pcm.truncated,
    ],
    [1, 44, 7, 2, false],
  );
  const float = readWavInfo(
    encodeWav(new Float32Array(7), { sampleRateHz: 8000, format: "float32" }),
  );
  assert.deepEqual(
    [
      float.formatTag,
      float.dataOffset,
      float.frameCount,
      float.blockAlign,
      float.truncated,
    ],
    [3, 58, 7, 4, false],
  );
});

/** xorshift32: deterministic, seedable. */
function prng(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 2 ** 32;
  };
}

function validFiles(): Uint8Array[] {
  const tone = Float32Array.from(
    { length: 50 },
    (_, i) => Math.sin(i / 4) * 0.8,
  );
  const stereo24 = new Uint8Array(6 * 20).map((_, i) => (i * 37) & 0xff);
  return [
    encodeWav(tone, { sampleRateHz: 22050, format: "pcm16" }),
    encodeWav(tone, { sampleRateHz: 16000, format: "float32" }),
    buildRiff([
      { id: "LIST", body: asciiBytes("INFOabc") },
      {
        id: "fmt ",
        body: extensibleFmtBody({
          code: 1,
          channels: 2,
          rateHz: 44100,
          bits: 24,
        }),
      },
      { id: "data", body: stereo24 },
    ]),
    buildRiff([
      {
        id: "fmt ",
        body: fmtBody({ tag: 3, channels: 3, rateHz: 8000, bits: 64 }),
      },
      { id: "data", body: new Uint8Array(24 * 9) },
    ]),
    buildRiff([
      {
        id: "fmt ",
        body: fmtBody({ tag: 1, channels: 1, rateHz: 8000, bits: 8 }),
      },
      { id: "data", body: new Uint8Array(33).fill(200) },
    ]),
  ];
}

Deno.test("readWavInfo()/decodeWav() on 20000 truncated and corrupted files: decode or WavFormatError", () => {
  const random = prng(20240901);
  const bases = validFiles();
  const outcomes = { decoded: 0, rejected: 0 };
  for (let trial = 0; trial < 20000; trial++) {
    const base = bases[Math.floor(random() * bases.length)]!;
    let bytes = base.slice();
    const mutation = Math.floor(random() * 4);
    if (mutation === 0 || mutation === 3) {
      bytes = bytes.slice(0, Math.floor(random() * (bytes.length + 1)));
    }
    if (mutation >= 1) {
      const flips = 1 + Math.floor(random() * 4);
      for (let f = 0; f < flips && bytes.length > 0; f++) {
        // Favour the header, where the structure is.
        const span = random() < 0.8 ? Math.min(bytes.length, 80) : bytes.length;
        const at = Math.floor(random() * span);
        bytes[at] = mutation === 2 ? 0xff : Math.floor(random() * 256);
      }
    }
    try {
      const decoded = decodeWav(bytes);
      const info = readWavInfo(bytes);
      assert.equal(decoded.channels.length, info.channelCount);
      for (const channel of decoded.channels) {
        assert.equal(channel.length, info.frameCount);
      }
      assert.ok(
        info.dataOffset + info.frameCount * info.blockAlign <= bytes.length,
      );
      assert.equal(decodeWavMono(bytes).samples.length, info.frameCount);
      outcomes.decoded++;
    } catch (e) {
      if (!(e instanceof WavFormatError)) {
        throw new Error(`trial ${trial}: unexpected ${e}`, { cause: e });
      }
      outcomes.rejected++;
    }
  }
  // Both paths must have been exercised for the loop to mean anything.
  assert.ok(
    outcomes.decoded > 2000 && outcomes.rejected > 2000,
    JSON.stringify(outcomes),
  );
});
