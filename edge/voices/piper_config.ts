/**
 * The Piper `<voice>.onnx.json` fields the front end reads, as Piper's
 * trainer writes them for every quality (`x_low` and `low` at 16 kHz,
 * `medium` and `high` at 22.05 kHz) and speaker count, and as its C++
 * loader reads them: `phoneme_type` `"text"` means text phonemes and any
 * other value (including the pre-July-2023 `"PhonemeType.ESPEAK"`) eSpeak;
 * every `phoneme_id_map` and `phoneme_map` key is one code point; `_`, `^`
 * and `$` must have ids.
 *
 * @see https://github.com/rhasspy/piper (`src/python_run/piper/config.py`,
 * `src/python/piper_train/preprocess.py`, `src/cpp/piper.cpp`)
 * @module
 */

import { z } from "zod";

const Phoneme = z.string().refine((key) => [...key].length === 1, {
  message: "must be one code point",
});

const PhonemeIdMap = z.record(
  Phoneme,
  z.array(z.number().int().nonnegative()).min(1),
).superRefine((map, context) => {
  for (const special of ["_", "^", "$"]) {
    if (!(special in map)) {
      context.addIssue({
        code: "custom",
        message: `must give '${special}' an id (pad, BOS, EOS)`,
      });
    }
  }
});

/** Schema of the fields read from a Piper voice config; other fields pass. */
export const PiperConfigSchema = z.looseObject({
  audio: z.looseObject({
    sample_rate: z.number().int().positive(),
    quality: z.string().optional(),
  }),
  espeak: z.looseObject({ voice: z.string().min(1) }).optional(),
  phoneme_type: z.string().default("espeak").transform((type) =>
    type === "text" ? "text" as const : "espeak" as const
  ),
  phoneme_id_map: PhonemeIdMap,
  phoneme_map: z.record(Phoneme, z.array(Phoneme)).default({}),
  num_speakers: z.number().int().positive().default(1),
  speaker_id_map: z.record(z.string(), z.number().int().nonnegative())
    .default({}),
  inference: z.looseObject({
    noise_scale: z.number().nonnegative().default(0.667),
    length_scale: z.number().positive().default(1),
    noise_w: z.number().nonnegative().default(0.8),
  }).default({ noise_scale: 0.667, length_scale: 1, noise_w: 0.8 }),
});

/** A validated Piper voice config. */
export type PiperConfig = z.infer<typeof PiperConfigSchema>;
