/**
 * Lipstream's shared core, used by the edge and the inference layer alike: in-memory WAV, resampling,
 * Wav2Lip mel framing, the KServe v2 binary codec and the model contracts. Pure TypeScript with no
 * runtime-specific APIs and no npm packages, so it runs on any edge runtime and in browsers.
 *
 * @module
 */
export * from "./tensor.ts";
export * from "./backend.ts";
export * from "./model_config.ts";
export * from "./fft.ts";
export * from "./fft_real.ts";
export * from "./mel_options.ts";
export * from "./mel_filterbank.ts";
export * from "./mel_spectrogram.ts";
export * from "./mel_stream.ts";
export * from "./mel_chunks.ts";
export * from "./half_float.ts";
export * from "./kserve_datatype.ts";
export * from "./kserve_binary.ts";
export * from "./kserve_json_data.ts";
export * from "./kserve_tensors.ts";
export * from "./kserve_body.ts";
export * from "./kserve_request.ts";
export * from "./kserve_response.ts";
export * from "./kserve_read_body.ts";
export * from "./kserve_compression.ts";
export * from "./multipart_boundary.ts";
export * from "./multipart_part.ts";
export * from "./multipart_delimiter.ts";
export * from "./multipart_stream.ts";
export * from "./multipart_reader.ts";
export * from "./resample.ts";
export * from "./resample_stream.ts";
export * from "./vits_contract.ts";
export * from "./wav2lip_contract.ts";
export * from "./wav2lip_hparams.ts";
export * from "./wav_format.ts";
export * from "./wav_pcm16.ts";
export * from "./wav_encode.ts";
export * from "./wav_stream_header.ts";
export * from "./wav_error.ts";
export * from "./wav_info.ts";
export * from "./wav_decode.ts";
export * from "./data_uri.ts";
export * from "./defined.ts";
