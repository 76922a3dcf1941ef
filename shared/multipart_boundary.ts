/**
 * Multipart boundaries (RFC 2046 §5.1.1): random tokens that a composer can use
 * without scanning the payload, and a check for boundaries from elsewhere.
 *
 * @see https://www.rfc-editor.org/rfc/rfc2046#section-5.1.1
 * @module
 */

/** RFC 2046 `bchars`: 1–70 characters, never ending in a space. */
const BOUNDARY_REGEXP =
  /^[0-9A-Za-z'()+_,\-./:=? ]{0,69}[0-9A-Za-z'()+_,\-./:=?]$/;

/** Alphabet of generated boundaries: letters and digits, so they never need quoting. */
const ALPHABET =
  "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** Options for {@linkcode createMultipartBoundary}. */
export interface CreateMultipartBoundaryOptions {
  /** Number of random characters (each carries log2(62) ≈ 5.95 bits). @default {40} */
  length?: number;
  /** Fills a byte array with random values. @default {crypto.getRandomValues} */
  random?: (bytes: Uint8Array) => void;
}

/**
 * Creates a random multipart boundary of letters and digits. Forty characters
 * carry about 238 bits, so a payload containing it by chance is not a concern;
 * a streamed payload cannot be scanned in advance, which is why the token is long.
 *
 * @param options Length and random source.
 * @returns A boundary that is valid unquoted in a `Content-Type` parameter.
 * @throws {RangeError} If `length` is not an integer from 1 to 70.
 *
 * @example A 40-character boundary
 * ```ts
 * import { createMultipartBoundary } from "@lipstream/shared";
 * import assert from "node:assert/strict";
 *
 * const boundary = createMultipartBoundary();
 * assert.match(boundary, /^[0-9A-Za-z]{40}$/);
 * assert.notEqual(boundary, createMultipartBoundary());
 * ```
 */
export function createMultipartBoundary(
  options: CreateMultipartBoundaryOptions = {},
): string {
  const { length = 40, random = (bytes) => crypto.getRandomValues(bytes) } =
    options;
  if (!Number.isInteger(length) || length < 1 || length > 70) {
    throw new RangeError(
      `Cannot create multipart boundary: length must be an integer from 1 to 70: received ${length}`,
    );
  }
  let boundary = "";
  const bytes = new Uint8Array(length);
  while (boundary.length < length) {
    random(bytes);
    for (const byte of bytes) {
      // Rejection sampling keeps the characters uniform: 248 = 4 · 62.
      if (byte < 248 && boundary.length < length) {
        boundary += ALPHABET[byte % ALPHABET.length];
      }
    }
  }
  return boundary;
}

/**
 * Whether `boundary` is a valid RFC 2046 boundary: 1–70 `bchars`, not ending
 * in a space.
 *
 * @param boundary The candidate boundary, without the leading `--`.
 * @returns `true` when it is valid.
 *
 * @example Valid and invalid boundaries
 * ```ts
 * import { isMultipartBoundary } from "@lipstream/shared";
 * import assert from "node:assert/strict";
 *
 * assert.equal(isMultipartBoundary("simple boundary"), true);
 * assert.equal(isMultipartBoundary("ends with space "), false);
 * assert.equal(isMultipartBoundary("x".repeat(71)), false);
 * assert.equal(isMultipartBoundary("semi;colon"), false);
 * ```
 */
export function isMultipartBoundary(boundary: string): boolean {
  return BOUNDARY_REGEXP.test(boundary);
}

/**
 * Throws unless `boundary` is a valid RFC 2046 boundary.
 *
 * @param boundary The boundary to check.
 * @throws {SyntaxError} If it is not valid.
 */
export function assertMultipartBoundary(boundary: string): void {
  if (!isMultipartBoundary(boundary)) {
    throw new SyntaxError(
      `Cannot use multipart boundary ${
        JSON.stringify(boundary)
      }: expected 1 to 70 RFC 2046 bchars not ending in a space`,
    );
  }
}
