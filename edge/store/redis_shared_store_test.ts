import assert from "node:assert/strict";
import { RedisClient } from "./redis_client.ts";
import { redisSharedStore } from "./redis_shared_store.ts";
import { SharedStoreUnavailableError } from "./shared_store.ts";
import { redisIgnored, startRedis } from "../../tests/support/redis_server.ts";

const test = (name: string, fn: () => Promise<void>) =>
  Deno.test({ name, ignore: redisIgnored, fn });

test("RedisClient runs commands against a real redis-server, pipelined", async () => {
  const redis = await startRedis();
  const client = new RedisClient(redis.url);
  try {
    assert.equal(await client.command("PING"), "PONG");
    const replies = await Promise.all([
      client.command("SET", "a", "ünïcode ✓"),
      client.command("GET", "a"),
      client.command("INCR", "n"),
      client.command("GET", "missing"),
    ]);
    assert.deepEqual(replies, ["OK", "ünïcode ✓", 1, null]);
    await assert.rejects(client.command("INCR", "a"), /not an integer/);
  } finally {
    client.close();
    await redis.stop();
  }
});

test("RedisClient reconnects after the server restarts", async () => {
  const redis = await startRedis();
  const client = new RedisClient(redis.url, { timeoutMs: 500 });
  try {
    await client.command("SET", "k", "1");
    await redis.stop();
    await assert.rejects(client.command("GET", "k"));
    const again = await startRedis(redis.port);
    try {
      assert.equal(await client.command("PING"), "PONG");
    } finally {
      await again.stop();
    }
  } finally {
    client.close();
  }
});

test("Subscribers hear published messages, also after a restart", async () => {
  const redis = await startRedis();
  const a = new RedisClient(redis.url, { timeoutMs: 500 });
  const b = new RedisClient(redis.url, { timeoutMs: 500 });
  const heard: string[] = [];
  try {
    await a.subscribe("ch", (message) => heard.push(message));
    assert.equal(await b.command("PUBLISH", "ch", "one"), 1);
    await waitFor(() => heard.length === 1);
    await redis.stop();
    const again = await startRedis(redis.port);
    try {
      await waitFor(async () =>
        await b.command("PUBLISH", "ch", "two").catch(() => 0) === 1
      );
      await waitFor(() => heard.includes("two"));
      assert.deepEqual(heard, ["one", "two"]);
    } finally {
      await again.stop();
    }
  } finally {
    a.close();
    b.close();
  }
});

test("Two stores on one Redis share cursors and cancel each other's utterances", async () => {
  const redis = await startRedis();
  const one = redisSharedStore({ url: redis.url });
  const two = redisSharedStore({ url: redis.url });
  try {
    await one.cursors.set("demo", "alice", 9);
    assert.equal(await two.cursors.get("demo", "alice"), 9);
    assert.equal(await two.cursors.get("demo", "bob"), 0);
    const cancelled: string[] = [];
    await one.cancels!.listen((id) => cancelled.push(id));
    await one.cancels!.announce("u1", "key:0");
    assert.equal(await two.cancels!.cancel("u1", "key:1"), false);
    assert.equal(await two.cancels!.cancel("nope", "key:0"), false);
    assert.equal(await two.cancels!.cancel("u1", "key:0"), true);
    await waitFor(() => cancelled.length === 1);
    assert.deepEqual(cancelled, ["u1"]);
    await one.cancels!.withdraw("u1");
    assert.equal(await two.cancels!.cancel("u1", "key:0"), false);
    assert.equal(await one.ping(), true);
  } finally {
    one.close();
    two.close();
    await redis.stop();
  }
});

test("Without Redis, cursors fall back to the replica's own and a remote cancel fails loudly", async () => {
  const redis = await startRedis();
  await redis.stop();
  const store = redisSharedStore({ url: redis.url, timeoutMs: 300 });
  try {
    await store.cursors.set("demo", "alice", 4);
    assert.equal(await store.cursors.get("demo", "alice"), 4);
    await assert.rejects(
      store.cancels!.cancel("u1", "key:0"),
      SharedStoreUnavailableError,
    );
    assert.equal(await store.ping(), false);
  } finally {
    store.close();
  }
});

async function waitFor(
  condition: () => boolean | Promise<boolean>,
  timeoutMs = 3000,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
