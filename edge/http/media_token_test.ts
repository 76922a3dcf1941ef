import assert from "node:assert/strict";
import { createMediaTokens } from "./media_token.ts";

const KEYS = ["a".repeat(16), "b".repeat(20)];

Deno.test("media tokens stand for the minting key until they expire", async () => {
  let now = 5_000_000;
  const tokens = createMediaTokens({ keys: KEYS, ttlMs: 1000, now: () => now });
  const minted = await tokens.mint(1);
  assert.equal(minted.expiresAtMs, 5_001_000);
  assert.match(minted.token, /^v1\.[0-9a-z]+\.1\.[\w-]{43}$/);
  assert.deepEqual(await tokens.verify(minted.token), { ok: true, index: 1 });
  now = 5_001_000;
  assert.deepEqual(await tokens.verify(minted.token), { ok: true, index: 1 });
  now = 5_001_001;
  assert.deepEqual(await tokens.verify(minted.token), {
    ok: false,
    reason: "expired",
  });
});

Deno.test("a token whose fields or signature changed, or from other keys, is refused", async () => {
  const tokens = createMediaTokens({ keys: KEYS });
  const { token } = await tokens.mint(0);
  const [version, expiry, , signature] = token.split(".");
  const forged = [
    `${version}.${expiry}.1.${signature}`, // another key's index
    `${version}.${"z".repeat(8)}.0.${signature}`, // a later expiry
    `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`, // one signature character
  ];
  for (const bad of forged) {
    assert.deepEqual(await tokens.verify(bad), {
      ok: false,
      reason: "invalid",
    });
  }
  const rotated = createMediaTokens({ keys: [KEYS[0]!, "c".repeat(16)] });
  assert.deepEqual(await rotated.verify(token), {
    ok: false,
    reason: "invalid",
  });
  for (
    const bad of [
      "",
      "v1",
      "v2.abc.0.x",
      `${token}.extra`,
      "v1..0." + "a".repeat(43),
    ]
  ) {
    assert.deepEqual(await tokens.verify(bad), {
      ok: false,
      reason: "malformed",
    });
  }
});

Deno.test("minting checks the key index and the lifetime", async () => {
  const tokens = createMediaTokens({ keys: KEYS });
  await assert.rejects(tokens.mint(2), RangeError);
  await assert.rejects(tokens.mint(-1), RangeError);
  assert.throws(() => createMediaTokens({ keys: KEYS, ttlMs: 0 }), RangeError);
});
