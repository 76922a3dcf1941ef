/**
 * Triton model configuration: the `config.pbtxt` text-format parser and writer, datatype tables,
 * ONNX graph I/O reading, config generation from a graph, the model repository reader and the
 * config-vs-model checker.
 *
 * @module
 */
export * from "./text_format.ts";
export * from "./model_config_text.ts";
export * from "./datatypes.ts";
export * from "./onnx_model_io.ts";
export * from "./model_repository.ts";
export * from "./check_models.ts";
export * from "./config_from_onnx.ts";
