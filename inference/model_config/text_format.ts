/**
 * A parser for the protobuf text-format subset Triton's `config.pbtxt` files use, into plain
 * objects: messages (`f { … }`, `f: { … }`, `f < … >`), repeated fields (repeated occurrences or
 * `f: [a, b]` / `f [ {…}, {…} ]`), map entries (`f { key: … value: … }`), enum identifiers (as
 * strings), `true`/`false`, numbers, quoted strings (adjacent literals concatenate) and `#`
 * comments. Errors name the line and column.
 *
 * @see https://protobuf.dev/reference/protobuf/textformat-spec/
 * @module
 */
import {
  textFormatError,
  type TextPosition,
  type TextToken,
  tokenizeTextFormat,
} from "./_text_format_lexer.ts";

export type { TextPosition } from "./_text_format_lexer.ts";

/** A parsed message: field name → value (arrays for repeated fields). */
export type TextMessage = { [field: string]: TextValue };
/** A parsed field value. */
export type TextValue = string | number | boolean | TextMessage | TextValue[];

/** Schema knowledge the text format itself does not carry. */
export interface TextFormatSchema {
  /** Fields that are always arrays, even when they occur once. */
  repeated?: ReadonlySet<string>;
  /** Map fields: their `{ key, value }` entries become one object keyed by `key`. */
  maps?: ReadonlySet<string>;
}

/** The parsed message plus where each field was written. */
export interface ParsedTextFormat {
  message: TextMessage;
  /** The position of `field` in `message` (or any nested message object). */
  positionOf(message: object, field: string): TextPosition | undefined;
}

/**
 * Parses text-format source into plain objects.
 *
 * @param source The text, e.g. a `config.pbtxt` file.
 * @param schema Which fields are repeated or maps.
 * @returns The top-level message and field positions.
 * @throws {SyntaxError} `Cannot parse text format at LINE:COLUMN: …`.
 * @example Lists, enums and nested messages
 * ```ts
 * import { parseTextFormat } from "@lipstream/inference/model_config";
 * import assert from "node:assert/strict";
 *
 * const { message } = parseTextFormat(
 *   'input [ { name: "x" data_type: TYPE_FP32 dims: [ 2, -1 ] } ] # comment',
 *   { repeated: new Set(["input", "dims"]) },
 * );
 * assert.deepEqual(message, { input: [{ name: "x", data_type: "TYPE_FP32", dims: [2, -1] }] });
 * ```
 */
export function parseTextFormat(
  source: string,
  schema: TextFormatSchema = {},
): ParsedTextFormat {
  const tokens = tokenizeTextFormat(source);
  const positions = new WeakMap<object, Map<string, TextPosition>>();
  let index = 0;
  const peek = () => tokens[index]!;
  const next = () => tokens[index++]!;
  const isPunct = (token: TextToken, text: string) =>
    token.kind === "punct" && token.text === text;

  function scalar(field: string): TextValue {
    const token = next();
    if (token.kind === "string") {
      let text = token.text;
      while (peek().kind === "string") text += next().text;
      return text;
    }
    if (token.kind === "number") return parseNumber(token);
    if (token.kind === "identifier") {
      if (token.text === "true" || token.text === "True") return true;
      if (token.text === "false" || token.text === "False") return false;
      return token.text;
    }
    throw textFormatError(
      token,
      `expected a value for field '${field}': received '${token.text}'`,
    );
  }

  function messageBody(close: string): TextMessage {
    const message: TextMessage = {};
    const where = new Map<string, TextPosition>();
    positions.set(message, where);
    while (true) {
      const token = peek();
      if (close === "" ? token.kind === "end" : isPunct(token, close)) {
        next();
        return message;
      }
      if (token.kind !== "identifier") {
        throw textFormatError(
          token,
          `expected a field name${
            close === "" ? "" : ` or '${close}'`
          }: received '${token.text}'`,
        );
      }
      next();
      const field = token.text;
      if (!where.has(field)) where.set(field, token);
      const values = fieldValues(field);
      store(message, field, values);
      if (isPunct(peek(), ",") || isPunct(peek(), ";")) next();
    }
  }

  function fieldValues(field: string): TextValue[] {
    const colon = isPunct(peek(), ":");
    if (colon) next();
    const token = peek();
    if (isPunct(token, "{") || isPunct(token, "<")) {
      next();
      return [messageBody(token.text === "{" ? "}" : ">")];
    }
    if (isPunct(token, "[")) {
      next();
      const items: TextValue[] = [];
      if (isPunct(peek(), "]")) {
        next();
        return items;
      }
      while (true) {
        const item = peek();
        if (isPunct(item, "{") || isPunct(item, "<")) {
          next();
          items.push(messageBody(item.text === "{" ? "}" : ">"));
        } else {
          items.push(scalar(field));
        }
        const separator = next();
        if (isPunct(separator, "]")) return items;
        if (!isPunct(separator, ",")) {
          throw textFormatError(
            separator,
            `expected ',' or ']' in the list of field '${field}': received '${separator.text}'`,
          );
        }
      }
    }
    if (!colon) {
      throw textFormatError(
        token,
        `expected ':' or '{' after field '${field}': received '${token.text}'`,
      );
    }
    return [scalar(field)];
  }

  function store(message: TextMessage, field: string, values: TextValue[]) {
    if (schema.maps?.has(field)) {
      const map = (message[field] ??= {}) as TextMessage;
      for (const entry of values) {
        const key = (entry as TextMessage).key;
        if (typeof key !== "string" && typeof key !== "number") {
          throw textFormatError(
            positions.get(message)!.get(field)!,
            `expected a 'key' in each entry of map field '${field}'`,
          );
        }
        map[String(key)] = (entry as TextMessage).value ?? "";
      }
      return;
    }
    const existing = message[field];
    if (existing !== undefined) {
      message[field] = [
        ...(Array.isArray(existing) ? existing : [existing]),
        ...values,
      ];
    } else if (schema.repeated?.has(field) || values.length !== 1) {
      message[field] = values;
    } else {
      message[field] = values[0]!;
    }
  }

  const message = messageBody("");
  return {
    message,
    positionOf: (object, field) => positions.get(object)?.get(field),
  };
}

function parseNumber(token: TextToken): number {
  const text = token.text.toLowerCase();
  const sign = text.startsWith("-") ? -1 : 1;
  let body = text.replace(/^[-+]/, "");
  if (body.startsWith("inf")) return sign * Infinity;
  if (body === "nan") return NaN;
  if (!body.startsWith("0x")) body = body.replace(/f$/, "");
  const value = body.startsWith("0x")
    ? parseInt(body.slice(2), 16)
    : Number(body);
  if (Number.isNaN(value)) {
    throw textFormatError(token, `invalid number '${token.text}'`);
  }
  return sign * value;
}
