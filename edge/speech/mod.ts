/**
 * Text to speech for the edge: the {@linkcode SpeechService} over the voice
 * registry, the text front end and a VITS model on any inference backend, and
 * the eSpeak NG demo voice for servers without one.
 *
 * @module
 */

export * from "./demo_voice.ts";
export * from "./espeak_ng_engine.ts";
export * from "./espeak_ng_synthesizer.ts";
export * from "./speech_service.ts";
export * from "./streaming_synthesizer.ts";
export * from "./voice_languages.ts";
export * from "./voice_synthesizer.ts";
export * from "./with_demo_voice.ts";
