/**
 * Voices: loading and validating VITS / VITS-fast-fine-tuning and Piper voice
 * configs, from parsed JSON or a voices folder, and checking voice ids.
 *
 * @module
 */

export * from "./piper_config.ts";
export * from "./vits_config.ts";
export * from "./voice.ts";
export * from "./voice_config_error.ts";
export * from "./voice_id.ts";
export * from "./voices_folder.ts";
export * from "./implied_symbols.ts";
