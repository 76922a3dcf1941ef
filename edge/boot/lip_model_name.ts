/**
 * Which Wav2Lip model the edge runs: `WAV2LIP_MODEL` when set; otherwise
 * `wav2lip`, or the generated fixture lip model when the backend serves only
 * that. The backend may be down when the edge starts, so the choice is not
 * settled from an empty model list: until the backend has listed its models
 * once, every lip-sync call and readiness probe asks again.
 *
 * @module
 */

/** The Wav2Lip model name of a production repository. */
export const WAV2LIP_MODEL = "wav2lip";
/** The generated fixture lip model (not a real face model). */
export const FIXTURE_WAV2LIP_MODEL = "fixture_wav2lip";

/** Resolves the lip model's name (cheap once settled). */
export type LipModelName = () => Promise<string>;

/**
 * Picks the name from a model list.
 *
 * @param models The names the backend serves.
 * @returns The name, or `undefined` when the list names neither model.
 */
export function pickLipModel(models: readonly string[]): string | undefined {
  if (models.includes(WAV2LIP_MODEL)) return WAV2LIP_MODEL;
  if (models.includes(FIXTURE_WAV2LIP_MODEL)) return FIXTURE_WAV2LIP_MODEL;
  return undefined;
}

/**
 * Creates the resolver.
 *
 * @param options The configured name, the models listed at start-up, and a
 * way to list them again (absent: the backend cannot list them).
 * @returns The resolver and what it knew at start (`initial`, for the log).
 *
 * @example The backend comes up after the edge
 * ```ts
 * import { lipModelName } from "./lip_model_name.ts";
 * import assert from "node:assert/strict";
 *
 * let up = false;
 * const name = lipModelName({
 *   configured: undefined,
 *   models: [],
 *   list: () => up ? Promise.resolve(["fixture_wav2lip"]) : Promise.reject(new Error("down")),
 * });
 * assert.equal(await name.resolve(), "wav2lip");
 * up = true;
 * assert.equal(await name.resolve(), "fixture_wav2lip");
 * ```
 */
export function lipModelName(options: {
  configured: string | undefined;
  models: readonly string[];
  list?: () => Promise<readonly string[]>;
}): { resolve: LipModelName; initial: string } {
  const settled = options.configured ?? pickLipModel(options.models);
  if (settled !== undefined || options.list === undefined) {
    const name = settled ?? WAV2LIP_MODEL;
    return { resolve: () => Promise.resolve(name), initial: name };
  }
  const list = options.list;
  let found: string | undefined;
  let asking: Promise<string> | undefined;
  return {
    initial: WAV2LIP_MODEL,
    resolve() {
      if (found !== undefined) return Promise.resolve(found);
      asking ??= list().then(
        (models) => {
          // A list naming neither (a backend still loading) settles nothing.
          found = pickLipModel(models);
          return found ?? WAV2LIP_MODEL;
        },
        () => WAV2LIP_MODEL,
      ).finally(() => asking = undefined);
      return asking;
    },
  };
}
