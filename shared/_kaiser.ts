/**
 * Internal: the Kaiser window and the Bessel function it is built from.
 *
 * @module
 */

/**
 * Modified Bessel function of the first kind, order 0: `I₀(x) = Σₖ ((x/2)ᵏ / k!)²`.
 *
 * The power series converges for every `x`; it stops once a term no longer changes the sum, which
 * for the Kaiser betas used here (`x` ≤ 20) takes fewer than 50 terms.
 */
export function besselI0(x: number): number {
  const quarterSquare = (x * x) / 4;
  let sum = 1;
  let term = 1;
  for (let k = 1; k < 500; k++) {
    term *= quarterSquare / (k * k);
    const next = sum + term;
    if (next === sum) break;
    sum = next;
  }
  return sum;
}

/**
 * Kaiser window of shape `beta` as a function of position: `w(x) = I₀(β·√(1 − x²)) / I₀(β)` on
 * `−1 ≤ x ≤ 1` (centre at 0, end points at ±1, as in `scipy.signal.windows.kaiser(2n + 1, beta)`
 * sampled at `x = i/n`), and 0 outside. `I₀(β)` is computed once, when the window is created.
 */
export function createKaiserWindow(beta: number): (x: number) => number {
  const scale = 1 / besselI0(beta);
  return function kaiser(x: number): number {
    if (!(Math.abs(x) <= 1)) return 0;
    return besselI0(beta * Math.sqrt(1 - x * x)) * scale;
  };
}
