/**
 * Internal: the polyphase windowed-sinc filter behind {@linkcode resample} and
 * {@linkcode ResampleStream}, designed once per rate pair and cached.
 *
 * @module
 */
import { createKaiserWindow } from "./_kaiser.ts";

/** resampy's `kaiser_best` design: sinc half-width in samples of the lower rate. */
const ZERO_CROSSINGS = 64;
/** resampy's `kaiser_best` design: sinc cutoff as a fraction of the lower rate's Nyquist. */
const ROLLOFF = 0.9475937167399596;
/** resampy's `kaiser_best` design: Kaiser window shape. */
const KAISER_BETA = 14.769656459379492;
/**
 * Largest polyphase table planned (4 MiB of float32). Common pairs need far less (22050 → 16000:
 * 56,960; 11025 → 16000: 81,920); near-equal coprime rates like 44100 → 44099 would need millions.
 */
const MAX_COEFFICIENTS = 1 << 20;
/** Rate pairs whose design is kept for reuse. */
const CACHE_SIZE = 8;

const cache = new Map<string, ResampleFilter>();

/**
 * Polyphase form of `h(t) = s·ρ·sinc(ρ·s·t)·kaiser(s·t/Z)` (t in input samples, `s` = lower rate ÷
 * input rate, `ρ` = {@linkcode ROLLOFF}, `Z` = {@linkcode ZERO_CROSSINGS}), which is zero for
 * `|s·t| ≥ Z`.
 *
 * With `up/down = toHz/fromHz` in lowest terms, output `k` sits at input time
 * `k·down/up = q + phase/up` (`q = ⌊k·down/up⌋`, `phase = k·down mod up`) and is
 * `Σⱼ x[q − lead + j]·coefficients[phase·taps + j]` for `j < taps`, i.e. `h` centred on that time.
 */
export class ResampleFilter {
  /** Output samples per `down` input samples. */
  readonly up: number;
  /** Input samples per `up` output samples. */
  readonly down: number;
  /** Coefficients per phase: `2·latency`, or 1 when the rates are equal. */
  readonly taps: number;
  /** How far the first tap sits before `q`. */
  readonly lead: number;
  /** How far the last tap sits after `q`: the input samples an output waits for. */
  readonly latency: number;
  /** `up` rows of `taps` coefficients, row `phase` for outputs of that phase. */
  readonly coefficients: Float32Array;

  /** Designs the filter; `fromHz` and `toHz` are valid rates. */
  constructor(fromHz: number, toHz: number) {
    const divisor = greatestCommonDivisor(fromHz, toHz);
    this.up = toHz / divisor;
    this.down = fromHz / divisor;
    if (this.up === this.down) {
      this.taps = 1;
      this.lead = 0;
      this.latency = 0;
      this.coefficients = Float32Array.of(1);
      return;
    }
    const scale = Math.min(1, this.up / this.down);
    const halfWidth = ZERO_CROSSINGS / scale; // in input samples
    this.latency = Math.ceil(halfWidth);
    this.lead = this.latency - 1;
    this.taps = 2 * this.latency;
    const size = this.up * this.taps;
    if (size > MAX_COEFFICIENTS) {
      throw new RangeError(
        `Cannot resample from ${fromHz} Hz to ${toHz} Hz: the filter would need ${size} coefficients, more than ${MAX_COEFFICIENTS}`,
      );
    }
    const kaiser = createKaiserWindow(KAISER_BETA);
    const gain = scale * ROLLOFF;
    this.coefficients = new Float32Array(size);
    for (let phase = 0, at = 0; phase < this.up; phase++) {
      for (let j = 0; j < this.taps; j++, at++) {
        const t = phase / this.up + this.lead - j; // output time − tap time
        if (Math.abs(t) >= halfWidth) continue;
        const x = Math.PI * gain * t;
        const sinc = x === 0 ? 1 : Math.sin(x) / x;
        this.coefficients[at] = gain * sinc * kaiser(t / halfWidth);
      }
    }
  }

  /** Output samples for `inputLength` input samples: `⌈inputLength·up/down⌉`. */
  outputLength(inputLength: number): number {
    return Math.ceil((inputLength * this.up) / this.down);
  }

  /**
   * `Σ source[start + j]·coefficients[phase·taps + j]` for `first ≤ j < end`, summed in order of
   * `j` from 0, so skipping zero samples at either end does not change a single bit.
   */
  convolve(
    source: Float32Array,
    start: number,
    phase: number,
    first: number,
    end: number,
  ): number {
    const coefficients = this.coefficients;
    const offset = phase * this.taps - start;
    let sum = 0;
    for (let i = start + first, stop = start + end; i < stop; i++) {
      sum += source[i]! * coefficients[offset + i]!;
    }
    return sum;
  }
}

/**
 * Whether a filter for the pair can be planned, without designing it: both
 * rates positive safe integers and the polyphase table within
 * {@linkcode MAX_COEFFICIENTS}.
 */
export function canPlanResampleFilter(fromHz: number, toHz: number): boolean {
  for (const hz of [fromHz, toHz]) {
    if (!Number.isSafeInteger(hz) || hz <= 0) return false;
  }
  const divisor = greatestCommonDivisor(fromHz, toHz);
  const up = toHz / divisor;
  const down = fromHz / divisor;
  if (up === down) return true;
  const latency = Math.ceil(ZERO_CROSSINGS / Math.min(1, up / down));
  return up * 2 * latency <= MAX_COEFFICIENTS;
}

/**
 * The filter for one rate pair, designed on first use and cached.
 *
 * @throws {RangeError} If a rate is not a positive integer or the pair needs too large a table.
 */
export function resampleFilterFor(
  fromHz: number,
  toHz: number,
): ResampleFilter {
  checkRate("fromHz", fromHz);
  checkRate("toHz", toHz);
  const key = `${fromHz}:${toHz}`;
  let filter = cache.get(key);
  if (filter === undefined) {
    filter = new ResampleFilter(fromHz, toHz);
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  } else {
    cache.delete(key); // re-insert below: most recently used last
  }
  cache.set(key, filter);
  return filter;
}

function checkRate(name: string, hz: number): void {
  if (!Number.isSafeInteger(hz) || hz <= 0) {
    throw new RangeError(
      `Cannot resample: ${name} must be a positive integer: received ${hz}`,
    );
  }
}

function greatestCommonDivisor(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}
