/**
 * The kinds of value an environment variable holds: each parses the variable's
 * text and says in words what it accepts, so the same phrase serves the
 * validation message and the README's configuration table.
 *
 * @module
 */

/** A rejected value: `message` follows the variable's name, e.g. `must be …: received "x"`. */
export class Invalid {
  /** The text after the variable's name. */
  readonly message: string;

  /**
   * Creates the rejection.
   *
   * @param message The text after the variable's name.
   */
  constructor(message: string) {
    this.message = message;
  }
}

/** One kind of value: what it accepts, in words, and how it parses. */
export interface ValueKind<T> {
  /** What the kind accepts, completing "must be …" (e.g. `an integer from 0 to 10`). */
  readonly accepts: string;
  /** Parses trimmed, non-empty text (or the variable's default). */
  parse(text: string): T | Invalid;
}

function rejected(accepts: string, text: string): Invalid {
  return new Invalid(`must be ${accepts}: received ${JSON.stringify(text)}`);
}

/**
 * Decimal digits only, from `min` to `max`.
 *
 * @param min Smallest accepted value.
 * @param max Largest accepted value.
 * @returns The kind.
 *
 * @example
 * ```ts
 * import { integer, Invalid } from "./value_kinds.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(integer(0, 10).parse("7"), 7);
 * assert.ok(integer(0, 10).parse("1.5") instanceof Invalid);
 * ```
 */
export function integer(min: number, max: number): ValueKind<number> {
  return range("an integer", min, max, (text) => /^\d+$/.test(text));
}

/**
 * A finite decimal number from `min` to `max`.
 *
 * @param min Smallest accepted value.
 * @param max Largest accepted value.
 * @returns The kind.
 *
 * @example
 * ```ts
 * import { decimal } from "./value_kinds.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(decimal(-4, 4).parse("-3.5"), -3.5);
 * ```
 */
export function decimal(min: number, max: number): ValueKind<number> {
  return range("a number", min, max, (_, value) => Number.isFinite(value));
}

/** Numbers from `min` to `max` whose text passes `wellFormed`. */
function range(
  noun: string,
  min: number,
  max: number,
  wellFormed: (text: string, value: number) => boolean,
): ValueKind<number> {
  const accepts = `${noun} from ${min} to ${max}`;
  return {
    accepts,
    parse(text) {
      const value = Number(text);
      return wellFormed(text, value) && value >= min && value <= max
        ? value
        : rejected(accepts, text);
    },
  };
}

/**
 * `kind`, or the word `off`, which parses to `false`.
 *
 * @param kind What a value other than `off` must be.
 * @returns The kind.
 *
 * @example
 * ```ts
 * import { integer, orOff } from "./value_kinds.ts";
 * import assert from "node:assert/strict";
 *
 * const kind = orOff(integer(0, 100));
 * assert.equal(kind.parse("off"), false);
 * assert.equal(kind.accepts, 'an integer from 0 to 100 or "off"');
 * ```
 */
export function orOff<T>(kind: ValueKind<T>): ValueKind<T | false> {
  const accepts = `${kind.accepts} or "off"`;
  return {
    accepts,
    parse(text) {
      if (text === "off") return false;
      const value = kind.parse(text);
      return value instanceof Invalid ? rejected(accepts, text) : value;
    },
  };
}

/**
 * `kind`, or the word `auto`, which parses to `"auto"` (the value is then
 * derived at start-up, e.g. from the core count).
 *
 * @param kind What a value other than `auto` must be.
 * @returns The kind.
 *
 * @example
 * ```ts
 * import { integer, orAuto } from "./value_kinds.ts";
 * import assert from "node:assert/strict";
 *
 * const kind = orAuto(integer(0, 100));
 * assert.equal(kind.parse("auto"), "auto");
 * assert.equal(kind.parse("3"), 3);
 * assert.equal(kind.accepts, 'an integer from 0 to 100 or "auto"');
 * ```
 */
export function orAuto<T>(kind: ValueKind<T>): ValueKind<T | "auto"> {
  const accepts = `${kind.accepts} or "auto"`;
  return {
    accepts,
    parse(text) {
      if (text === "auto") return "auto";
      const value = kind.parse(text);
      return value instanceof Invalid ? rejected(accepts, text) : value;
    },
  };
}

/** Options for {@linkcode choice}. */
export interface ChoiceOptions {
  /** Accept any letter case and return the value in lower case. @default {false} */
  ignoreCase?: boolean;
}

/**
 * One of a fixed list of words.
 *
 * @param values The accepted words (lower case when `ignoreCase`).
 * @param options Case handling.
 * @returns The kind.
 *
 * @example
 * ```ts
 * import { choice } from "./value_kinds.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(choice(["a", "b"]).accepts, '"a" or "b"');
 * assert.equal(choice(["info", "warn"], { ignoreCase: true }).parse("WARN"), "warn");
 * ```
 */
export function choice<const T extends string>(
  values: readonly T[],
  options: ChoiceOptions = {},
): ValueKind<T> {
  const ignoreCase = options.ignoreCase ?? false;
  const accepts = ignoreCase
    ? `one of ${values.join(", ")}`
    : values.map((value) => JSON.stringify(value)).join(" or ");
  return {
    accepts,
    parse(text) {
      const word = ignoreCase ? text.toLowerCase() : text;
      return (values as readonly string[]).includes(word)
        ? word as T
        : rejected(accepts, text);
    },
  };
}

/**
 * `true`/`1` or `false`/`0`, in any letter case.
 *
 * @returns The kind.
 *
 * @example
 * ```ts
 * import { flag } from "./value_kinds.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(flag().parse("TRUE"), true);
 * assert.equal(flag().parse("0"), false);
 * ```
 */
export function flag(): ValueKind<boolean> {
  const accepts = "true or false";
  return {
    accepts,
    parse(text) {
      const word = text.toLowerCase();
      if (word === "true" || word === "1") return true;
      if (word === "false" || word === "0") return false;
      return rejected(accepts, text);
    },
  };
}

/**
 * An `http:` or `https:` URL, returned without trailing slashes.
 *
 * @returns The kind.
 *
 * @example
 * ```ts
 * import { httpUrl } from "./value_kinds.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(httpUrl().parse("http://triton:8000/"), "http://triton:8000");
 * ```
 */
export function httpUrl(): ValueKind<string> {
  const accepts = "an http or https URL";
  return {
    accepts,
    parse(text) {
      return URL.canParse(text) && /^https?:$/.test(new URL(text).protocol)
        ? text.replace(/\/+$/, "")
        : rejected(accepts, text);
    },
  };
}

/**
 * A `redis://[:password@]host[:port][/db]` URL.
 *
 * @returns The kind.
 *
 * @example
 * ```ts
 * import { redisUrl } from "./value_kinds.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(redisUrl().parse("redis://cache:6379/1"), "redis://cache:6379/1");
 * ```
 */
export function redisUrl(): ValueKind<string> {
  const accepts = "a redis:// URL";
  return {
    accepts,
    parse(text) {
      return URL.canParse(text) && new URL(text).protocol === "redis:"
        ? text
        : rejected(accepts, text);
    },
  };
}

/**
 * Any text, such as a host name, a folder or a model name.
 *
 * @param accepts What the text names, for the docs (e.g. `a folder`).
 * @returns The kind.
 *
 * @example
 * ```ts
 * import { text } from "./value_kinds.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(text("a folder").parse("voices"), "voices");
 * ```
 */
export function text(accepts: string): ValueKind<string> {
  return { accepts, parse: (value) => value };
}

/** Options for {@linkcode list}. */
export interface ListOptions {
  /** Whether a rejection quotes the bad item (not for secrets). @default {true} */
  quoteItem?: boolean;
}

/**
 * A comma-separated list; items are trimmed and empty items dropped, so the
 * empty text is the empty list.
 *
 * @param accepts The whole list in words, e.g. `a comma-separated list of origins`.
 * @param item Whether one item is acceptable.
 * @param options Whether a rejection quotes the item.
 * @returns The kind.
 *
 * @example
 * ```ts
 * import { list } from "./value_kinds.ts";
 * import assert from "node:assert/strict";
 *
 * const names = list("a comma-separated list of names", (item) => /^\w+$/.test(item));
 * assert.deepEqual(names.parse(" a, b ,,"), ["a", "b"]);
 * assert.deepEqual(names.parse(""), []);
 * ```
 */
export function list(
  accepts: string,
  item: (item: string) => boolean,
  options: ListOptions = {},
): ValueKind<string[]> {
  const quoteItem = options.quoteItem ?? true;
  return {
    accepts,
    parse(value) {
      const items = value.split(",").map((entry) => entry.trim()).filter(
        Boolean,
      );
      const bad = items.find((entry) => !item(entry));
      if (bad === undefined) return items;
      return quoteItem
        ? rejected(accepts, bad)
        : new Invalid(`must be ${accepts}`);
    },
  };
}

/**
 * `kind`, its value passed through `map` (e.g. 0 meaning "automatic" becomes `undefined`).
 *
 * @param kind The kind parsed first.
 * @param map Turns a good value into the configured one.
 * @returns The kind.
 *
 * @example
 * ```ts
 * import { integer, mapped } from "./value_kinds.ts";
 * import assert from "node:assert/strict";
 *
 * const threads = mapped(integer(0, 8), (n) => n === 0 ? undefined : n);
 * assert.equal(threads.parse("0"), undefined);
 * assert.equal(threads.parse("2"), 2);
 * ```
 */
export function mapped<T, U>(
  kind: ValueKind<T>,
  map: (value: T) => U,
): ValueKind<U> {
  return {
    accepts: kind.accepts,
    parse(text) {
      const value = kind.parse(text);
      return value instanceof Invalid ? value : map(value);
    },
  };
}
