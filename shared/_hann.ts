/**
 * Internal: the periodic ("DFT-even") Hann window used for spectral analysis.
 *
 * @module
 */

/**
 * Periodic Hann window `w[n] = 0.5 − 0.5·cos(2πn/size)`, n < size, as
 * `scipy.signal.get_window("hann", size, fftbins=True)` builds it for `librosa.stft`.
 */
export function periodicHann(size: number): Float64Array {
  const window = new Float64Array(size);
  for (let n = 0; n < size; n++) {
    window[n] = 0.5 - 0.5 * Math.cos((2 * Math.PI * n) / size);
  }
  return window;
}
