/**
 * Every config form the reference repositories ship loads: copies of the
 * SHAPES (field structure, speaker form and count, cleaner, symbol count) of
 * each `configs/*.json` of jaywalnut310/vits (HEAD) and of
 * Plachtaa/VITS-fast-fine-tuning (all 19 files of commit d55f02b plus the
 * later `finetune_speaker.json` / `modified_finetune_speaker.json`
 * versions), and Piper `.onnx.json` files of every quality and speaker count
 * as `piper_train.preprocess` writes them. Names and most values are
 * generated here, not copied.
 */

import assert from "node:assert/strict";
import { impliedSymbols, VITS_SYMBOLS } from "./implied_symbols.ts";
import { createVoice, type PiperVoice, type VitsVoice } from "./voice.ts";
import { VoiceConfigError } from "./voice_config_error.ts";

const TRAIN = {
  log_interval: 200,
  eval_interval: 1000,
  seed: 1234,
  epochs: 10000,
  learning_rate: 2e-4,
  betas: [0.8, 0.99],
  eps: 1e-9,
  batch_size: 32,
  fp16_run: true,
  lr_decay: 0.999875,
  segment_size: 8192,
  init_lr_ratio: 1,
  warmup_epochs: 0,
  c_mel: 45,
  c_kl: 1.0,
};

function model(extra: Record<string, unknown>): Record<string, unknown> {
  return {
    inter_channels: 192,
    hidden_channels: 192,
    filter_channels: 768,
    n_heads: 2,
    n_layers: 6,
    kernel_size: 3,
    p_dropout: 0.1,
    resblock: "1",
    resblock_kernel_sizes: [3, 7, 11],
    resblock_dilation_sizes: [[1, 3, 5], [1, 3, 5], [1, 3, 5]],
    upsample_rates: [8, 8, 2, 2],
    upsample_initial_channel: 512,
    upsample_kernel_sizes: [16, 16, 4, 4],
    n_layers_q: 3,
    use_spectral_norm: false,
    ...extra,
  };
}

interface VitsShape {
  /** The upstream file (repository, commit, path) the shape copies. */
  file: string;
  cleaners: string[];
  nSpeakers?: number;
  /** `list:N`, `map:N` or absent. */
  speakers?: `list:${number}` | `map:${number}`;
  /** `implied` writes the cleaner's set into the config; `absent` leaves it out. */
  symbols: "implied" | "absent" | string[];
  /** Model fields beyond the common ones. */
  model?: Record<string, unknown>;
  /** Whether `data.cleaned_text` is present (true). */
  cleanedText?: boolean;
  expected: {
    symbolCount: number;
    speakerInput: boolean;
    numSpeakers: number;
    speakerCount: number;
    cleaners?: string[];
  };
}

function speakersOf(form: VitsShape["speakers"]): unknown {
  if (form === undefined) return undefined;
  const [kind, count] = form.split(":") as ["list" | "map", string];
  const names = Array.from({ length: Number(count) }, (_, i) => `spk${i}`);
  return kind === "list"
    ? names
    : Object.fromEntries(names.map((name, i) => [name, i]));
}

function vitsConfig(shape: VitsShape): Record<string, unknown> {
  const symbols = shape.symbols === "implied"
    ? impliedSymbols(shape.cleaners)
    : shape.symbols === "absent"
    ? undefined
    : shape.symbols;
  const speakers = speakersOf(shape.speakers);
  return {
    train: TRAIN,
    data: {
      training_files: "filelists/train.txt.cleaned",
      validation_files: "filelists/val.txt.cleaned",
      text_cleaners: shape.cleaners,
      max_wav_value: 32768.0,
      sampling_rate: 22050,
      filter_length: 1024,
      hop_length: 256,
      win_length: 1024,
      n_mel_channels: 80,
      mel_fmin: 0.0,
      mel_fmax: null,
      add_blank: true,
      ...(shape.nSpeakers === undefined ? {} : { n_speakers: shape.nSpeakers }),
      ...(shape.cleanedText === false ? {} : { cleaned_text: true }),
    },
    model: model(shape.model ?? { gin_channels: 256 }),
    ...(speakers === undefined ? {} : { speakers }),
    ...(symbols === undefined ? {} : { symbols }),
  };
}

const FFT = "Plachtaa/VITS-fast-fine-tuning";

/** The 78 symbols of the TONE3-pinyin `chinese_cleaners` (2023-03-01 … 04-20). */
const TONE3_SYMBOLS = [
  "_",
  ..."；：，。！？-“”《》、（）…— ",
  ..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
  ..."123450ＢＰ",
];

const VITS_SHAPES: VitsShape[] = [
  {
    file: "jaywalnut310/vits configs/ljs_base.json",
    cleaners: ["english_cleaners2"],
    nSpeakers: 0,
    symbols: "absent",
    model: {},
    expected: {
      symbolCount: 178,
      speakerInput: false,
      numSpeakers: 1,
      speakerCount: 0,
    },
  },
  {
    file: "jaywalnut310/vits configs/ljs_nosdp.json",
    cleaners: ["english_cleaners2"],
    nSpeakers: 0,
    symbols: "absent",
    model: { use_sdp: false },
    expected: {
      symbolCount: 178,
      speakerInput: false,
      numSpeakers: 1,
      speakerCount: 0,
    },
  },
  {
    file: "jaywalnut310/vits configs/vctk_base.json",
    cleaners: ["english_cleaners2"],
    nSpeakers: 109,
    symbols: "absent",
    expected: {
      symbolCount: 178,
      speakerInput: true,
      numSpeakers: 109,
      speakerCount: 0,
    },
  },
  ...(
    [
      ["chinese_base.json", "chinese_cleaners", 8, "list:8", 50],
      ["cjke_base.json", "cjke_cleaners2", 2891, undefined, 68],
      ["cjks_base.json", "cjks_cleaners", 24, "list:24", 59],
      ["finetune_speaker.json", "cjke_cleaners2", 1001, undefined, 68],
      ["japanese_base.json", "japanese_cleaners", 7, "list:7", 40],
      ["japanese_base2.json", "japanese_cleaners2", 8, "list:8", 43],
      ["korean_base.json", "korean_cleaners", 6, "list:6", 35],
      ["sanskrit_base.json", "sanskrit_cleaners", 27, "list:27", 66],
      ["saya.json", "zh_ja_mixture_cleaners", 804, "list:804", 52],
      [
        "saya_finetune_speaker.json",
        "zh_ja_mixture_cleaners",
        1000,
        "list:804",
        52,
      ],
      ["shanghainese_base.json", "shanghainese_cleaners", 2, "list:2", 49],
      ["uma87.json", "japanese_cleaners", 87, "list:87", 40],
      ["uma_trilingual.json", "cjke_cleaners2", 999, undefined, 68],
      ["yuzu.json", "japanese_cleaners", 7, "list:7", 40],
      ["zero_japanese_base2.json", "japanese_cleaners2", 26, "list:26", 43],
      ["zh_ja_mixture_base.json", "zh_ja_mixture_cleaners", 5, "list:4", 52],
    ] as const
  ).map(([name, cleaner, n, speakers, count]): VitsShape => ({
    file: `${FFT}@d55f02b configs/${name}`,
    cleaners: [cleaner],
    nSpeakers: n,
    ...(speakers === undefined ? {} : { speakers }),
    symbols: "implied",
    expected: {
      symbolCount: count,
      speakerInput: true,
      numSpeakers: n,
      speakerCount: speakers === undefined ? 0 : Number(speakers.split(":")[1]),
    },
  })),
  {
    // A single-speaker model (no gin_channels, n_speakers 0) that still names
    // its one speaker in a list.
    file: `${FFT}@d55f02b configs/japanese_ss_base2.json`,
    cleaners: ["japanese_cleaners2"],
    nSpeakers: 0,
    speakers: "list:1",
    symbols: "implied",
    model: {},
    expected: {
      symbolCount: 43,
      speakerInput: false,
      numSpeakers: 1,
      speakerCount: 1,
    },
  },
  {
    file: `${FFT}@bacf4db configs/finetune_speaker.json`,
    cleaners: ["cjke_cleaners2"],
    nSpeakers: 1001,
    speakers: "map:148",
    symbols: "implied",
    expected: {
      symbolCount: 68,
      speakerInput: true,
      numSpeakers: 1001,
      speakerCount: 148,
    },
  },
  {
    file: `${FFT}@4b2ea54 configs/modified_finetune_speaker.json`,
    cleaners: ["cjke_cleaners2"],
    nSpeakers: 999,
    speakers: "map:147",
    symbols: "implied",
    expected: {
      symbolCount: 68,
      speakerInput: true,
      numSpeakers: 999,
      speakerCount: 147,
    },
  },
  {
    // HEAD: `chinese_cleaners` with the TONE3-pinyin symbols of the variant
    // the repository used from 2023-03-01 to 2023-04-20.
    file: `${FFT}@6addfeb configs/modified_finetune_speaker.json`,
    cleaners: ["chinese_cleaners"],
    nSpeakers: 2,
    speakers: "map:2",
    symbols: TONE3_SYMBOLS,
    expected: {
      symbolCount: 78,
      speakerInput: true,
      numSpeakers: 2,
      speakerCount: 2,
      cleaners: ["chinese_cleaners_tone3"],
    },
  },
];

for (const shape of VITS_SHAPES) {
  Deno.test(`createVoice() loads the shape of ${shape.file}`, () => {
    const voice = createVoice("v", vitsConfig(shape)) as VitsVoice;
    assert.equal(voice.kind, "vits");
    assert.equal(voice.sampleRateHz, 22050);
    assert.equal(voice.addBlank, true);
    const distinct = new Set(
      shape.symbols === "implied"
        ? impliedSymbols(shape.cleaners)
        : shape.symbols === "absent"
        ? VITS_SYMBOLS
        : shape.symbols,
    ).size;
    assert.equal(voice.symbolIds.size, distinct);
    assert.equal(voice.symbolIds.get("_"), 0);
    assert.equal(
      Math.max(...voice.symbolIds.values()) + 1,
      shape.expected.symbolCount,
    );
    assert.equal(voice.speakerInput, shape.expected.speakerInput);
    assert.equal(voice.numSpeakers, shape.expected.numSpeakers);
    assert.equal(voice.speakers.size, shape.expected.speakerCount);
    assert.deepEqual(voice.cleaners, shape.expected.cleaners ?? shape.cleaners);
  });
}

Deno.test("createVoice() gives list speakers their list index as id", () => {
  const voice = createVoice("zh", {
    ...vitsConfig(
      VITS_SHAPES.find((s) => s.file.endsWith("chinese_base.json"))!,
    ),
    speakers: ["小茸", "唐乐吟", "小殷"],
  });
  assert.deepEqual([...voice.speakers], [["小茸", 0], ["唐乐吟", 1], [
    "小殷",
    2,
  ]]);
});

Deno.test("createVoice() reads a config without symbols with its cleaner's set", () => {
  const written = createVoice(
    "a",
    vitsConfig({ ...VITS_SHAPES[3]!, symbols: "implied" }),
  ) as VitsVoice;
  const implied = createVoice(
    "b",
    vitsConfig({ ...VITS_SHAPES[3]!, symbols: "absent" }),
  ) as VitsVoice;
  assert.deepEqual([...implied.symbolIds], [...written.symbolIds]);
  const english = createVoice("c", vitsConfig(VITS_SHAPES[0]!)) as VitsVoice;
  // Original VITS symbols.py: pad, 16 punctuation, 52 letters, then IPA.
  assert.equal(english.symbolIds.get(" "), 16);
  assert.equal(english.symbolIds.get("A"), 17);
  assert.equal(english.symbolIds.get("ɑ"), 69);
  assert.equal(english.symbolIds.get("ˈ"), 156);
  assert.equal(english.symbolIds.get("'"), 174);
  assert.equal(english.symbolIds.get("ᵻ"), 177);
});

Deno.test("createVoice() accepts add_blank false", () => {
  const config = vitsConfig(VITS_SHAPES[0]!);
  (config.data as Record<string, unknown>).add_blank = false;
  assert.equal((createVoice("v", config) as VitsVoice).addBlank, false);
});

Deno.test("createVoice() refuses a HuBERT-unit config (no symbols, no cleaners) naming symbols", () => {
  // VITS-fast-fine-tuning@d55f02b configs/uma_hubert.json: text_cleaners [],
  // no symbols, no cleaned_text — a model fed HuBERT units, not text.
  const config = vitsConfig({
    file: "uma_hubert.json",
    cleaners: [],
    nSpeakers: 87,
    speakers: "list:87",
    symbols: "absent",
    cleanedText: false,
    expected: {
      symbolCount: 0,
      speakerInput: true,
      numSpeakers: 87,
      speakerCount: 87,
    },
  });
  assert.throws(
    () => createVoice("uma", config, { file: "uma/config.json" }),
    (error) =>
      error instanceof VoiceConfigError && error.field === "symbols" &&
      error.file === "uma/config.json",
  );
});

Deno.test("createVoice() refuses a speaker id at or above n_speakers", () => {
  const config = vitsConfig({ ...VITS_SHAPES[3]!, nSpeakers: 2 });
  config.speakers = ["a", "b", "c"];
  assert.throws(() => createVoice("v", config), { field: "speakers.c" });
});

// Piper: `piper_train.preprocess` writes these fields; quality decides the
// sample rate (x_low/low 16 kHz, medium/high 22.05 kHz).
function piperConfig(
  quality: string,
  sampleRate: number,
  speakers: number,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  const ids: Record<string, number[]> = { _: [0], "^": [1], $: [2], " ": [3] };
  [..."abdefhijklmnoprstuvwzæçðøħŋœǀǁǂǃɐɑɒɓɔɕɗɘəɚɛɜɞɟɠɡɢɣɤɥɦɧɨɪɫɬɭɮɯɰɱɲɳɴɵɶɸɹɺɻɽɾʀʁʂʃʄʈʉʊʋʌʍʎʏʐʑʒʔʕʘʙʛʜʝʟʡʢʲˈˌːˑ˞βθχᵻⱱ"]
    .forEach((phoneme, i) => ids[phoneme] = [4 + i]);
  const speakerIds = Object.fromEntries(
    Array.from(
      { length: speakers > 1 ? speakers : 0 },
      (_, i) => [`p${225 + i}`, i],
    ),
  );
  return {
    dataset: "shape",
    audio: { sample_rate: sampleRate, quality },
    espeak: { voice: "en-us" },
    language: { code: "en-us" },
    inference: { noise_scale: 0.667, length_scale: 1, noise_w: 0.8 },
    phoneme_type: "espeak",
    phoneme_map: {},
    phoneme_id_map: ids,
    num_symbols: 256,
    num_speakers: speakers,
    speaker_id_map: speakerIds,
    piper_version: "1.0.0",
    ...extra,
  };
}

for (
  const [quality, rate] of [
    ["x_low", 16000],
    ["low", 16000],
    ["medium", 22050],
    ["high", 22050],
  ] as const
) {
  Deno.test(`createVoice() loads a Piper ${quality} config at ${rate} Hz`, () => {
    const voice = createVoice("p", piperConfig(quality, rate, 1)) as PiperVoice;
    assert.equal(voice.kind, "piper");
    assert.equal(voice.sampleRateHz, rate);
    assert.equal(voice.speakerInput, false);
    assert.equal(voice.phonemeType, "espeak");
  });
}

Deno.test("createVoice() loads a multi-speaker Piper config (speaker_id_map)", () => {
  const voice = createVoice("vctk", piperConfig("medium", 22050, 109));
  assert.equal(voice.speakerInput, true);
  assert.equal(voice.numSpeakers, 109);
  assert.equal(voice.speakers.get("p225"), 0);
  assert.equal(voice.speakers.get("p333"), 108);
});

Deno.test("createVoice() reads Piper phoneme types as Piper's C++ loader does", () => {
  // Before piper@872c0f2 the trainer wrote str(PhonemeType.ESPEAK).
  const old = createVoice(
    "p",
    piperConfig("medium", 22050, 1, { phoneme_type: "PhonemeType.ESPEAK" }),
  ) as PiperVoice;
  assert.equal(old.phonemeType, "espeak");
  const { phoneme_type: _type, ...noType } = piperConfig("low", 16000, 1);
  assert.equal((createVoice("p", noType) as PiperVoice).phonemeType, "espeak");
  const text = createVoice(
    "p",
    piperConfig("low", 16000, 1, { phoneme_type: "text" }),
  ) as PiperVoice;
  assert.equal(text.phonemeType, "text");
});

Deno.test("createVoice() refuses Piper configs the C++ loader refuses, naming the field", () => {
  const noPad = piperConfig("low", 16000, 1);
  delete (noPad.phoneme_id_map as Record<string, unknown>)["^"];
  assert.throws(() => createVoice("p", noPad), { field: "phoneme_id_map" });
  const twoCodepoints = piperConfig("low", 16000, 1);
  (twoCodepoints.phoneme_id_map as Record<string, unknown>)["ts"] = [99];
  assert.throws(() => createVoice("p", twoCodepoints), {
    field: "phoneme_id_map.ts",
  });
  const badSpeaker = piperConfig("medium", 22050, 2);
  (badSpeaker.speaker_id_map as Record<string, unknown>)["extra"] = 2;
  assert.throws(() => createVoice("p", badSpeaker), {
    field: "speaker_id_map.extra",
  });
});
