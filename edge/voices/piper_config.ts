/**
 * The Piper `<voice>.onnx.json` fields the front end reads.
 *
 * @see https://github.com/rhasspy/piper (`src/python_run/piper/config.py`, `etc/test_voice.onnx.json`)
 * @module
 */

import { z } from "zod";

/** Schema of the fields read from a Piper voice config; other fields pass. */
export const PiperConfigSchema = z.looseObject({
  audio: z.looseObject({ sample_rate: z.number().int().positive() }),
  espeak: z.looseObject({ voice: z.string().min(1) }).optional(),
  phoneme_type: z.enum(["espeak", "text"]).default("espeak"),
  phoneme_id_map: z.record(
    z.string().min(1),
    z.array(z.number().int().nonnegative()),
  ),
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
