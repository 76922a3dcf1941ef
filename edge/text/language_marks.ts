/**
 * Request languages and the VITS-fast-fine-tuning language marks they add.
 *
 * @see https://github.com/Plachtaa/VITS-fast-fine-tuning (`VC_inference.py` `language_marks`)
 * @module
 */

import { TextFrontEndError } from "./text_front_end_error.ts";

/** A request language; `"mix"` means the caller wrote the marks. */
export type Language = "zh" | "en" | "ja" | "mix";

/** The languages a request may name. */
export const LANGUAGES: readonly Language[] = ["zh", "en", "ja", "mix"];

const MARKS: Record<Language, string> = {
  zh: "[ZH]",
  en: "[EN]",
  ja: "[JA]",
  mix: "",
};

/**
 * Wraps text in its language's marks (`[ZH]…[ZH]`); `"mix"` leaves it as is.
 *
 * @example Chinese
 * ```ts
 * import { markLanguage } from "@lipstream/edge/text";
 * import assert from "node:assert/strict";
 *
 * assert.equal(markLanguage("你好", "zh"), "[ZH]你好[ZH]");
 * assert.equal(markLanguage("[EN]Hi[EN]", "mix"), "[EN]Hi[EN]");
 * ```
 *
 * @param text The request text.
 * @param language The request language.
 * @returns The marked text.
 * @throws {TextFrontEndError} With code `unknown_language`.
 */
export function markLanguage(text: string, language: string): string {
  if (!(LANGUAGES as readonly string[]).includes(language)) {
    throw new TextFrontEndError("unknown_language", {
      field: "language",
      message:
        `Cannot mark text: unknown language '${language}': expected one of ${
          LANGUAGES.join(", ")
        }`,
    });
  }
  const mark = MARKS[language as Language];
  return mark + text + mark;
}
