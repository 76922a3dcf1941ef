/**
 * One-time set-up run by the README's commands before tests or the server: generates everything the
 * project builds itself (fixture models, demo avatar) into `generated/`. Idempotent and fast when up
 * to date.
 *
 * Usage: `deno task setup`
 *
 * @module
 */
console.log("lipstream setup: nothing to generate yet");
