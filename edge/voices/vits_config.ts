/**
 * The VITS / VITS-fast-fine-tuning `config.json` fields the front end reads.
 *
 * @see https://github.com/Plachtaa/VITS-fast-fine-tuning (`configs/*.json`, `VC_inference.py`)
 * @module
 */

import { z } from "zod";

/** Schema of the fields read from a VITS `config.json`; other fields pass. */
export const VitsConfigSchema = z.looseObject({
  data: z.looseObject({
    sampling_rate: z.number().int().positive(),
    add_blank: z.boolean(),
    text_cleaners: z.array(z.string().min(1)),
    n_speakers: z.number().int().nonnegative().optional(),
  }),
  symbols: z.array(z.string().min(1)).min(1, {
    message: "must list at least one symbol",
  }),
  speakers: z.record(z.string(), z.number().int().nonnegative()).optional(),
});

/** A validated VITS `config.json`. */
export type VitsConfig = z.infer<typeof VitsConfigSchema>;
