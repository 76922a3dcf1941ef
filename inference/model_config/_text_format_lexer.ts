/**
 * Tokens of the protobuf text format as Triton's `config.pbtxt` files use it: identifiers, numbers,
 * quoted strings (with C escapes), the punctuation `{ } [ ] < > : , ;`, and `#` comments.
 *
 * @module
 */

/** A 1-based line and column in the source text. */
export interface TextPosition {
  line: number;
  column: number;
}

/** One token with its position. */
export interface TextToken extends TextPosition {
  kind: "identifier" | "number" | "string" | "punct" | "end";
  /** Identifier or punctuation text, the number's source text, or the decoded string. */
  text: string;
}

const PUNCT = new Set(["{", "}", "[", "]", "<", ">", ":", ",", ";"]);
const IDENTIFIER_REGEXP = /[A-Za-z_][A-Za-z0-9_.]*/y;
const NUMBER_REGEXP =
  /[-+]?(?:0[xX][0-9a-fA-F]+|(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?[fF]?|inf(?:inity)?|nan)/iy;
const ESCAPES: Record<string, string> = {
  n: "\n",
  t: "\t",
  r: "\r",
  "\\": "\\",
  "'": "'",
  '"': '"',
  a: "\x07",
  b: "\b",
  f: "\f",
  v: "\v",
  "?": "?",
};

/** A syntax error in text-format input, with its line and column. */
export function textFormatError(
  at: TextPosition,
  message: string,
): SyntaxError {
  return new SyntaxError(
    `Cannot parse text format at ${at.line}:${at.column}: ${message}`,
  );
}

/** Splits `source` into tokens, ending with one `end` token. */
export function tokenizeTextFormat(source: string): TextToken[] {
  const tokens: TextToken[] = [];
  let index = 0;
  let line = 1;
  let lineStart = 0;
  const here = () => ({ line, column: index - lineStart + 1 });
  while (index < source.length) {
    const char = source[index]!;
    if (char === "\n") {
      index++;
      line++;
      lineStart = index;
      continue;
    }
    if (char === " " || char === "\t" || char === "\r") {
      index++;
      continue;
    }
    if (char === "#") {
      while (index < source.length && source[index] !== "\n") index++;
      continue;
    }
    const at = here();
    if (PUNCT.has(char)) {
      tokens.push({ kind: "punct", text: char, ...at });
      index++;
      continue;
    }
    if (char === '"' || char === "'") {
      const [text, end] = readString(source, index, at);
      tokens.push({ kind: "string", text, ...at });
      index = end;
      continue;
    }
    NUMBER_REGEXP.lastIndex = index;
    IDENTIFIER_REGEXP.lastIndex = index;
    const isNumberStart = /[-+.\d]/.test(char);
    const match = isNumberStart
      ? NUMBER_REGEXP.exec(source)
      : IDENTIFIER_REGEXP.exec(source);
    if (match === null) {
      throw textFormatError(at, `unexpected character '${char}'`);
    }
    tokens.push({
      kind: isNumberStart ? "number" : "identifier",
      text: match[0],
      ...at,
    });
    index += match[0].length;
  }
  tokens.push({ kind: "end", text: "end of input", ...here() });
  return tokens;
}

function readString(
  source: string,
  start: number,
  at: TextPosition,
): [string, number] {
  const quote = source[start]!;
  let index = start + 1;
  let text = "";
  while (true) {
    const char = source[index];
    if (char === undefined || char === "\n") {
      throw textFormatError(at, "unterminated string");
    }
    index++;
    if (char === quote) return [text, index];
    if (char !== "\\") {
      text += char;
      continue;
    }
    const next = source[index] ?? "";
    index++;
    if (next in ESCAPES) {
      text += ESCAPES[next];
    } else if (next === "u") {
      const hex = /^[0-9a-fA-F]{4}/.exec(source.slice(index))?.[0];
      if (hex === undefined) throw textFormatError(at, "invalid \\u escape");
      text += String.fromCharCode(parseInt(hex, 16));
      index += 4;
    } else if (next === "x") {
      const hex = /^[0-9a-fA-F]{1,2}/.exec(source.slice(index))?.[0] ?? "";
      if (hex === "") throw textFormatError(at, "invalid \\x escape");
      text += String.fromCharCode(parseInt(hex, 16));
      index += hex.length;
    } else if (/[0-7]/.test(next)) {
      const octal = next + (/^[0-7]{0,2}/.exec(source.slice(index))?.[0] ?? "");
      text += String.fromCharCode(parseInt(octal, 8));
      index += octal.length - 1;
    } else {
      throw textFormatError(at, `invalid escape '\\${next}'`);
    }
  }
}
