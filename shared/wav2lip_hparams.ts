/**
 * The numbers Wav2Lip was trained with, declared once: its audio rate, mel bands, mel frames per
 * window and face size, and the per-item sizes of its tensors that follow from them. The mel
 * front end ({@linkcode WAV2LIP_MEL_OPTIONS}), the model contract, the mel timeline and the face
 * batch all read them from here.
 *
 * @see https://github.com/Rudrabha/Wav2Lip/blob/master/hparams.py (`sample_rate`, `num_mels`, `img_size`)
 * @see https://github.com/Rudrabha/Wav2Lip/blob/master/inference.py (`mel_step_size`)
 * @module
 */

/** Sample rate of the audio the mel is computed from, Hz (`sample_rate`). */
export const WAV2LIP_SAMPLE_RATE_HZ = 16000;
/** Mel bands per frame (`num_mels`). */
export const WAV2LIP_MEL_BANDS = 80;
/** Mel frames in one model window, 200 ms (`mel_step_size`). */
export const WAV2LIP_MEL_STEPS = 16;
/** Side of the square face crop, pixels (`img_size`). */
export const WAV2LIP_FACE_SIZE = 96;

/**
 * Values of one mel window, the model's `[1, 80, 16]` mel item.
 *
 * @example
 * ```ts
 * import { WAV2LIP_MEL_WINDOW_VALUES } from "@lipstream/shared";
 * import assert from "node:assert/strict";
 *
 * assert.equal(WAV2LIP_MEL_WINDOW_VALUES, 80 * 16);
 * ```
 */
export const WAV2LIP_MEL_WINDOW_VALUES = WAV2LIP_MEL_BANDS * WAV2LIP_MEL_STEPS;
/** Values of one face input, `[6, 96, 96]`: masked BGR then reference BGR planes. */
export const WAV2LIP_FACE_INPUT_VALUES = 6 * WAV2LIP_FACE_SIZE *
  WAV2LIP_FACE_SIZE;
/** Values of one output face, `[3, 96, 96]` planar BGR. */
export const WAV2LIP_FACE_OUTPUT_VALUES = 3 * WAV2LIP_FACE_SIZE *
  WAV2LIP_FACE_SIZE;
