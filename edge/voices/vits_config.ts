/**
 * The VITS / VITS-fast-fine-tuning `config.json` fields the front end reads,
 * in every form the reference repositories ship:
 *
 * - `speakers` as a name → id map (VITS-fast-fine-tuning's fine-tuned
 *   configs), as a list of names whose ids are the list indexes (its
 *   `*_base.json` configs), or absent (original VITS, `cjke_base.json`) with
 *   only `data.n_speakers`;
 * - `symbols` in the config, or absent: implied by the cleaner (see
 *   `implied_symbols.ts`);
 * - `data.add_blank` true or false; `data.text_cleaners` a list (possibly
 *   empty).
 *
 * @see https://github.com/jaywalnut310/vits (`configs/*.json`, `models.py`)
 * @see https://github.com/Plachtaa/VITS-fast-fine-tuning (`configs/*.json`, `VC_inference.py`)
 * @module
 */

import { z } from "zod";

/** `speakers`: a name → id map, or a list of names (id = index). */
export const VitsSpeakersSchema = z.union([
  z.record(z.string(), z.number().int().nonnegative()),
  z.array(z.string()),
], {
  error: "expected a map of name → id or a list of names",
});

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
  }).optional(),
  speakers: VitsSpeakersSchema.optional(),
});

/** A validated VITS `config.json`. */
export type VitsConfig = z.infer<typeof VitsConfigSchema>;
