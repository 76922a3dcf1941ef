/**
 * A loaded voice: its kind, sample rate, speakers, the table that turns
 * cleaned text or phonemes into symbol ids, and where its model lives.
 *
 * @module
 */

import { defined } from "@lipstream/shared";
import { parseConfig } from "./_parse_config.ts";
import { PiperConfigSchema } from "./piper_config.ts";
import { impliedSymbols } from "./implied_symbols.ts";
import { type VitsConfig, VitsConfigSchema } from "./vits_config.ts";
import { VoiceConfigError } from "./voice_config_error.ts";
import { isVoiceId } from "./voice_id.ts";

/** Scales a voice uses when a request gives none. */
export interface VoiceScales {
  /** Noise scale of the prior. */
  noiseScale: number;
  /** Length scale (1 / speed). */
  lengthScale: number;
  /** Noise scale of the stochastic duration predictor. */
  noiseW: number;
}

/** Fields every voice has. */
export interface VoiceBase {
  /** The voice id (safe as a file and model name). */
  id: string;
  /** Output sample rate of the model. */
  sampleRateHz: number;
  /** Speaker name → speaker id; empty for single-speaker voices. */
  speakers: ReadonlyMap<string, number>;
  /** Number of speaker ids the model accepts. */
  numSpeakers: number;
  /** Whether the model takes a speaker id (`sid`): VITS when it has speakers, Piper when more than one. */
  speakerInput: boolean;
  /** Default scales. */
  scales: VoiceScales;
  /** The model's name on a Triton server. */
  tritonModel: string;
  /** The model file, relative to the voices folder, when loaded from one. */
  modelFile?: string;
  /** A generated test model (Piper config `audio.quality: "fixture"`), not a real voice. */
  fixture?: boolean;
  /** The streaming pair (encoder + chunked decoder), when the voice has one. */
  streaming?: VoiceStreaming;
}

/**
 * A voice exported as an encoder (ids → latent `z`, `y_mask`, speaker `g`) and a decoder (a
 * window of `z` → audio), so audio can start after the first window of the latent.
 */
export interface VoiceStreaming {
  /** The encoder's model name. */
  encoderModel: string;
  /** The decoder's model name. */
  decoderModel: string;
  /** Latent frames each window overlaps its neighbours by (the decoder's reach). */
  overlapFrames: number;
}

/** A VITS / VITS-fast-fine-tuning voice (`config.json`). */
export interface VitsVoice extends VoiceBase {
  /** The voice kind. */
  kind: "vits";
  /** Symbol → id, from the config's `symbols` list (or the one its cleaner implies). */
  symbolIds: ReadonlyMap<string, number>;
  /** Whether blank (id 0) is interspersed (`data.add_blank`). */
  addBlank: boolean;
  /** Cleaner names, run in order (`data.text_cleaners`). */
  cleaners: readonly string[];
}

/** A Piper voice (`<voice>.onnx.json`). */
export interface PiperVoice extends VoiceBase {
  /** The voice kind. */
  kind: "piper";
  /** eSpeak voice for phonemes (`espeak.voice`). */
  espeakVoice: string;
  /** Whether phonemes come from eSpeak or are the text's own codepoints. */
  phonemeType: "espeak" | "text";
  /** Phoneme (one codepoint) → ids (`phoneme_id_map`). */
  phonemeIds: ReadonlyMap<string, readonly number[]>;
  /** Phoneme → phonemes it is replaced by before the id lookup (`phoneme_map`, usually empty). */
  phonemeMap: ReadonlyMap<string, readonly string[]>;
}

/** A loaded voice of either kind. */
export type Voice = VitsVoice | PiperVoice;

/** Options for {@linkcode createVoice}. */
export interface CreateVoiceOptions {
  /** The config's kind; detected from its fields when absent. */
  kind?: "vits" | "piper";
  /** File name used in error messages. @default {"<id> config"} */
  file?: string;
  /** The model's name on Triton. @default {id} */
  tritonModel?: string;
  /** The model file, relative to the voices folder. */
  modelFile?: string;
  /** The streaming pair, when the voice has one. */
  streaming?: VoiceStreaming;
}

/** VITS-fast-fine-tuning `VC_inference.py` scales (length 1 = speed 1). */
const VITS_SCALES: VoiceScales = {
  noiseScale: 0.667,
  lengthScale: 1,
  noiseW: 0.8,
};

function detectKind(json: unknown, file: string): "vits" | "piper" {
  if (typeof json === "object" && json !== null) {
    if ("phoneme_id_map" in json) return "piper";
    if ("data" in json) return "vits";
  }
  throw new VoiceConfigError(file, {
    field: "",
    message:
      "expected a VITS config (data, symbols) or a Piper config (phoneme_id_map)",
  });
}

function vitsSpeakers(
  speakers: VitsConfig["speakers"],
): Map<string, number> {
  if (speakers === undefined) return new Map();
  if (!Array.isArray(speakers)) return new Map(Object.entries(speakers));
  const map = new Map<string, number>();
  speakers.forEach((name, index) => {
    if (!map.has(name)) map.set(name, index);
  });
  return map;
}

function createVitsVoice(
  id: string,
  json: unknown,
  base: VoiceBase & { file: string },
): VitsVoice {
  const config = parseConfig(VitsConfigSchema, json, base.file);
  const cleaners = config.data.text_cleaners;
  const symbols = config.symbols ?? impliedSymbols(cleaners);
  if (symbols === undefined) {
    throw new VoiceConfigError(base.file, {
      field: "symbols",
      message: `required: no upstream symbol set is implied by text_cleaners ${
        JSON.stringify(cleaners)
      }`,
    });
  }
  const symbolIds = new Map<string, number>();
  const tone3 = !symbols.includes("ㄅ") && symbols.includes("a") &&
    symbols.includes("1");
  symbols.forEach((symbol, index) => {
    if (!symbolIds.has(symbol)) symbolIds.set(symbol, index);
  });
  const speakers = vitsSpeakers(config.speakers);
  const idCount = Math.max(0, ...[...speakers.values()].map((sid) => sid + 1));
  // VITS `SynthesizerTrn`: a speaker embedding (and the `sid` input) exists
  // only when `n_speakers > 0`; ids must stay below it.
  const declared = config.data.n_speakers ?? idCount;
  const speakerInput = declared > 0;
  const limit = Math.max(declared, 1);
  for (const [name, sid] of speakers) {
    if (sid >= limit) {
      throw new VoiceConfigError(base.file, {
        field: `speakers.${name}`,
        message: `speaker id ${sid} is not below data.n_speakers (${declared})`,
      });
    }
  }
  const { file: _file, ...rest } = base;
  return {
    ...rest,
    id,
    kind: "vits",
    sampleRateHz: config.data.sampling_rate,
    speakers,
    numSpeakers: limit,
    speakerInput,
    scales: { ...VITS_SCALES },
    symbolIds,
    addBlank: config.data.add_blank,
    // `chinese_cleaners` read TONE3 pinyin from 2023-03-01 to 2023-04-20
    // (VITS-fast-fine-tuning 952ce4b … 8e1893d), bopomofo before and after;
    // a symbol set of letters and digits without bopomofo was trained on the
    // pinyin variant.
    cleaners: tone3
      ? cleaners.map((name) =>
        name === "chinese_cleaners" ? "chinese_cleaners_tone3" : name
      )
      : cleaners,
  };
}

function createPiperVoice(
  id: string,
  json: unknown,
  base: VoiceBase & { file: string },
): PiperVoice {
  const config = parseConfig(PiperConfigSchema, json, base.file);
  if (config.phoneme_type === "espeak" && config.espeak === undefined) {
    throw new VoiceConfigError(base.file, {
      field: "espeak.voice",
      message: "required when phoneme_type is 'espeak'",
    });
  }
  for (const [name, sid] of Object.entries(config.speaker_id_map)) {
    if (sid >= config.num_speakers) {
      throw new VoiceConfigError(base.file, {
        field: `speaker_id_map.${name}`,
        message:
          `speaker id ${sid} is not below num_speakers (${config.num_speakers})`,
      });
    }
  }
  const { file: _file, ...rest } = base;
  return {
    ...rest,
    id,
    kind: "piper",
    sampleRateHz: config.audio.sample_rate,
    ...(config.audio.quality === "fixture" ? { fixture: true } : {}),
    speakers: new Map(Object.entries(config.speaker_id_map)),
    numSpeakers: config.num_speakers,
    speakerInput: config.num_speakers > 1,
    scales: {
      noiseScale: config.inference.noise_scale,
      lengthScale: config.inference.length_scale,
      noiseW: config.inference.noise_w,
    },
    espeakVoice: config.espeak?.voice ?? "",
    phonemeType: config.phoneme_type,
    phonemeIds: new Map(Object.entries(config.phoneme_id_map)),
    phonemeMap: new Map(Object.entries(config.phoneme_map)),
  };
}

/**
 * Builds a {@linkcode Voice} from a parsed config (no file system needed),
 * validating it.
 *
 * @example A VITS-fast-fine-tuning config
 * ```ts
 * import { createVoice } from "@lipstream/edge/voices";
 * import assert from "node:assert/strict";
 *
 * const voice = createVoice("demo", {
 *   data: { sampling_rate: 22050, add_blank: true, text_cleaners: ["cjke_cleaners2"] },
 *   symbols: ["_", ",", "a"],
 *   speakers: { dingzhen: 0, taffy: 1 },
 * });
 * assert.equal(voice.kind, "vits");
 * assert.equal(voice.sampleRateHz, 22050);
 * assert.equal(voice.speakers.get("taffy"), 1);
 * assert.equal(voice.tritonModel, "demo");
 * ```
 *
 * @param id The voice id.
 * @param json The parsed `config.json` or `<voice>.onnx.json`.
 * @param options Kind, file name for errors, Triton model name.
 * @returns The validated voice.
 * @throws {VoiceConfigError} When the id or config is invalid.
 */
export function createVoice(
  id: string,
  json: unknown,
  options: CreateVoiceOptions = {},
): Voice {
  const file = options.file ?? `${id} config`;
  if (!isVoiceId(id)) {
    throw new VoiceConfigError(file, {
      field: "",
      message: `invalid voice id '${id}'`,
    });
  }
  const tritonModel = options.tritonModel ?? id;
  if (!isVoiceId(tritonModel)) {
    throw new VoiceConfigError(file, {
      field: "tritonModel",
      message: `invalid Triton model name '${tritonModel}'`,
    });
  }
  const base = {
    id,
    file,
    tritonModel,
    sampleRateHz: 0,
    speakers: new Map<string, number>(),
    numSpeakers: 1,
    speakerInput: false,
    scales: { ...VITS_SCALES },
    ...defined({
      modelFile: options.modelFile,
      streaming: options.streaming,
    }),
  };
  const kind = options.kind ?? detectKind(json, file);
  return kind === "vits"
    ? createVitsVoice(id, json, base)
    : createPiperVoice(id, json, base);
}
