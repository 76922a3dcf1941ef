import assert from "node:assert/strict";
import { pasteFace } from "./paste_face.ts";

const PLANE = 96 * 96;

function frame(width: number, height: number) {
  return {
    width,
    height,
    data: new Uint8Array(width * height * 3).map((_, i) => (i * 7) % 251),
  };
}

/** A face whose B/G/R planes are constant. */
function face(b: number, g: number, r: number): Float32Array {
  const out = new Float32Array(3 * PLANE);
  out.fill(b, 0, PLANE).fill(g, PLANE, 2 * PLANE).fill(r, 2 * PLANE);
  return out;
}

Deno.test("pasteFace() reference mode truncates ×255 and swaps BGR → RGB", () => {
  const source = frame(8, 8);
  const box = { y1: 2, y2: 6, x1: 1, x2: 7 };
  // 0.5·255 = 127.5 → 127; 0.999·255 = 254.745 → 254; 0.1·255 = 25.5 → 25.
  const out = pasteFace(source, { face: face(0.1, 0.5, 0.999), box }, {
    mode: "reference",
  });
  for (let y = 0; y < 8; y++) {
    for (let x = 0; x < 8; x++) {
      const o = (y * 8 + x) * 3;
      const inside = y >= 2 && y < 6 && x >= 1 && x < 7;
      const expected = inside
        ? [254, 127, 25]
        : [...source.data.subarray(o, o + 3)];
      assert.deepEqual(
        [...out.data.subarray(o, o + 3)],
        expected,
        `pixel ${x},${y}`,
      );
    }
  }
});

Deno.test("pasteFace() reference mode resizes the face with hand-computed bilinear weights", () => {
  // Left half of the face 0, right half 1 (red channel): resized 96 → 2 columns, each output
  // column samples source x = 23.5 and 71.5 → 0 and 255, so the seam is not blurred at 2 px.
  const f = new Float32Array(3 * PLANE);
  for (let y = 0; y < 96; y++) {
    f.fill(1, 2 * PLANE + y * 96 + 48, 2 * PLANE + y * 96 + 96);
  }
  const out = pasteFace(frame(2, 1), {
    face: f,
    box: { y1: 0, y2: 1, x1: 0, x2: 2 },
  }, {
    mode: "reference",
  });
  assert.deepEqual([out.data[0], out.data[3]], [0, 255]);
  // 3 columns: centres at 15.5, 47.5, 79.5 → 0, (0 + 255) / 2 rounded = 128, 255.
  const wide = pasteFace(frame(3, 1), {
    face: f,
    box: { y1: 0, y2: 1, x1: 0, x2: 3 },
  }, {
    mode: "reference",
  });
  assert.deepEqual([wide.data[0], wide.data[3], wide.data[6]], [0, 128, 255]);
});

Deno.test("pasteFace() feathered mode blends the border and keeps outside pixels", () => {
  const source = { width: 10, height: 10, data: new Uint8Array(300) };
  const box = { y1: 0, y2: 10, x1: 0, x2: 10 };
  const out = pasteFace(source, { face: face(1, 1, 1), box }, { featherPx: 4 });
  const red = (x: number, y: number) => out.data[(y * 10 + x) * 3];
  assert.equal(red(0, 5), Math.round(255 * 0.5 / 4));
  assert.equal(red(1, 5), Math.round(255 * 1.5 / 4));
  assert.equal(red(5, 5), 255);
  assert.ok(source.data.every((v) => v === 0), "source frame untouched");
});

Deno.test("pasteFace() rejects a wrong face size and a box outside the frame", () => {
  const source = frame(4, 4);
  assert.throws(
    () =>
      pasteFace(source, {
        face: new Float32Array(3),
        box: { y1: 0, y2: 2, x1: 0, x2: 2 },
      }),
    RangeError,
  );
  assert.throws(
    () =>
      pasteFace(source, {
        face: face(0, 0, 0),
        box: { y1: 0, y2: 5, x1: 0, x2: 2 },
      }),
    RangeError,
  );
});
