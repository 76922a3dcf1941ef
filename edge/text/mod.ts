/**
 * The text front end: sentence splitting, cleaners and symbol ids for VITS,
 * VITS-fast-fine-tuning and Piper voices.
 *
 * @module
 */

export * from "./sentence_splitter.ts";
export * from "./chinese_bopomofo.ts";
export * from "./chinese_ipa.ts";
export * from "./chinese_numbers.ts";
export * from "./chinese_words.ts";
export * from "./pypinyin.ts";
export * from "./pypinyin_dictionary.ts";
export * from "./pypinyin_segment.ts";
export * from "./language_marks.ts";
export * from "./phoneme_ids.ts";
export * from "./symbol_ids.ts";
export * from "./text_front_end_error.ts";
export * from "./chinese_cleaners.ts";
export * from "./chinese_romaji.ts";
export { koreanCleaners } from "./korean_cleaners.ts";
export * from "./english_ipa.ts";
export * from "./english_numbers.ts";
export * from "./cleaners.ts";
export * from "./espeak_phonemes.ts";
export * from "./front_end.ts";
export * from "./synthesis_plan.ts";
