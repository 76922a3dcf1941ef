import assert from "node:assert/strict";
import { defined } from "./defined.ts";

Deno.test("defined() leaves out undefined values and keeps every other falsy one", () => {
  const out = defined({
    a: undefined,
    b: null,
    c: 0,
    d: "",
    e: false,
    f: Number.NaN,
  });
  assert.deepEqual(Object.keys(out), ["b", "c", "d", "e", "f"]);
  assert.equal("a" in out, false);
});

Deno.test("defined() copies: the input is not changed", () => {
  const input = { a: 1, b: undefined as number | undefined };
  const out = defined(input);
  assert.notEqual(out, input);
  assert.ok("b" in input);
  assert.deepEqual(out, { a: 1 });
});
