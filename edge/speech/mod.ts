/**
 * Text to speech for the edge: the {@linkcode SpeechService} over the voice
 * registry, the text front end and a VITS model on any inference backend.
 *
 * @module
 */

export * from "./speech_service.ts";
export * from "./streaming_synthesizer.ts";
export * from "./voice_languages.ts";
export * from "./voice_synthesizer.ts";
