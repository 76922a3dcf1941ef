import assert from "node:assert/strict";
import {
  choice,
  decimal,
  flag,
  httpUrl,
  integer,
  Invalid,
  list,
  mapped,
  orOff,
  text,
} from "./value_kinds.ts";

function message(value: unknown): string | undefined {
  return value instanceof Invalid ? value.message : undefined;
}

Deno.test("integer() takes decimal digits in range only", () => {
  const kind = integer(1, 10);
  assert.equal(kind.parse("10"), 10);
  for (const text of ["0", "11", "-1", "1.5", "1e1", "0x5", " 5", "five"]) {
    assert.equal(
      message(kind.parse(text)),
      `must be an integer from 1 to 10: received ${JSON.stringify(text)}`,
    );
  }
});

Deno.test("decimal() takes finite numbers in range", () => {
  const kind = decimal(-4, 4);
  assert.equal(kind.parse("-4"), -4);
  assert.equal(kind.parse("0.25"), 0.25);
  for (const text of ["4.01", "Infinity", "NaN", "x"]) {
    assert.ok(kind.parse(text) instanceof Invalid, text);
  }
});

Deno.test("orOff() adds the word off and names it in the rejection", () => {
  const kind = orOff(integer(0, 5));
  assert.equal(kind.parse("off"), false);
  assert.equal(kind.parse("3"), 3);
  assert.equal(
    message(kind.parse("OFF")),
    'must be an integer from 0 to 5 or "off": received "OFF"',
  );
});

Deno.test("choice() is case-sensitive unless asked, and words its list both ways", () => {
  const blend = choice(["feathered", "reference"]);
  assert.equal(blend.parse("reference"), "reference");
  assert.equal(
    message(blend.parse("Reference")),
    'must be "feathered" or "reference": received "Reference"',
  );
  const level = choice(["debug", "info"], { ignoreCase: true });
  assert.equal(level.parse("INFO"), "info");
  assert.equal(
    message(level.parse("loud")),
    'must be one of debug, info: received "loud"',
  );
});

Deno.test("flag() takes true/false/1/0 in any case", () => {
  assert.deepEqual(
    ["true", "1", "False", "0"].map((t) => flag().parse(t)),
    [true, true, false, false],
  );
  assert.equal(
    message(flag().parse("yes")),
    'must be true or false: received "yes"',
  );
});

Deno.test("httpUrl() takes http and https only and drops trailing slashes", () => {
  assert.equal(
    httpUrl().parse("https://t.example:8000//"),
    "https://t.example:8000",
  );
  assert.ok(httpUrl().parse("ftp://t") instanceof Invalid);
  assert.ok(httpUrl().parse("triton:8000") instanceof Invalid);
});

Deno.test("list() trims items, drops empty ones, and quotes a bad item unless told not to", () => {
  const origins = list("origins", (item) => item.startsWith("https://"));
  assert.deepEqual(origins.parse(" https://a , ,https://b"), [
    "https://a",
    "https://b",
  ]);
  assert.equal(
    message(origins.parse("https://a,http://b")),
    'must be origins: received "http://b"',
  );
  const keys = list("keys", (item) => item.length >= 16, { quoteItem: false });
  assert.equal(message(keys.parse("secret")), "must be keys");
});

Deno.test("mapped() maps good values and passes rejections through", () => {
  const kind = mapped(integer(0, 8), (n) => (n === 0 ? undefined : n));
  assert.equal(kind.parse("0"), undefined);
  assert.equal(kind.accepts, "an integer from 0 to 8");
  assert.ok(kind.parse("9") instanceof Invalid);
  assert.equal(text("a name").parse("x y"), "x y");
});
