import assert from "node:assert/strict";
import { resizeBilinear } from "./resize_bilinear.ts";

function grey(width: number, height: number, values: number[]) {
  return {
    width,
    height,
    data: Uint8Array.from(values.flatMap((v) => [v, v, v])),
  };
}

Deno.test("resizeBilinear() matches a hand-computed 3×1 → 2×1 downscale", () => {
  // scale 1.5: dx=0 → fx=0.25 (sx 0), dx=1 → fx=1.75 (sx 1, f 0.75).
  const out = resizeBilinear(grey(3, 1, [0, 100, 200]), {
    width: 2,
    height: 1,
  });
  // 0·0.75 + 100·0.25 = 25; 100·0.25 + 200·0.75 = 175.
  assert.deepEqual([out[0], out[3]], [25, 175]);
});

Deno.test("resizeBilinear() rounds fixed-point sums like cv2 (2×2 → 3×3)", () => {
  const out = resizeBilinear(grey(2, 2, [0, 10, 20, 31]), {
    width: 3,
    height: 3,
  });
  // centre pixel: f = 0.5 both ways → (0 + 10 + 20 + 31) / 4 = 15.25 → 15.
  assert.equal(out[(1 * 3 + 1) * 3], 15);
  // corners clamp to the source corners.
  assert.deepEqual([out[0], out[(2 * 3 + 2) * 3]], [0, 31]);
});

Deno.test("resizeBilinear() reads a region and swaps channels", () => {
  const data = new Uint8Array(4 * 4 * 3);
  data.set([1, 2, 3], (1 * 4 + 2) * 3);
  const out = resizeBilinear({ width: 4, height: 4, data }, {
    width: 1,
    height: 1,
  }, {
    region: { y1: 1, y2: 2, x1: 2, x2: 3 },
    swapRedBlue: true,
  });
  assert.deepEqual([...out], [3, 2, 1]);
});
