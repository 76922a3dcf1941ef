/**
 * The subset of Triton's `ModelConfig` Lipstream reads, in the JSON form Triton's
 * `GET /v2/models/{name}/config` returns (snake_case keys, `TYPE_*` datatypes).
 *
 * @see https://github.com/triton-inference-server/common/blob/main/protobuf/model_config.proto
 * @module
 */

/** Triton config datatypes (`TYPE_FP32`, …); `TYPE_STRING` is the API's `BYTES`. */
export type ConfigDatatype =
  | "TYPE_BOOL"
  | "TYPE_UINT8"
  | "TYPE_UINT16"
  | "TYPE_UINT32"
  | "TYPE_UINT64"
  | "TYPE_INT8"
  | "TYPE_INT16"
  | "TYPE_INT32"
  | "TYPE_INT64"
  | "TYPE_FP16"
  | "TYPE_FP32"
  | "TYPE_FP64"
  | "TYPE_BF16"
  | "TYPE_STRING";

/** One `input` or `output` entry; `dims` exclude the implicit batch dimension when batching. */
export interface ModelTensorConfig {
  name: string;
  data_type: ConfigDatatype;
  dims: number[];
  reshape?: { shape: number[] };
  optional?: boolean;
  allow_ragged_batch?: boolean;
}

/** `dynamic_batching { … }`; an empty object turns batching on with Triton's defaults. */
export interface DynamicBatchingConfig {
  preferred_batch_size?: number[];
  /** Default 0: no waiting for more requests. */
  max_queue_delay_microseconds?: number;
  preserve_ordering?: boolean;
  /** 0 = unlimited. */
  max_queue_size?: number;
}

/** One `instance_group` entry. */
export interface InstanceGroupConfig {
  name?: string;
  count?: number;
  kind?: "KIND_AUTO" | "KIND_GPU" | "KIND_CPU" | "KIND_MODEL";
  gpus?: number[];
}

/** A model's configuration (the fields Lipstream uses; unknown fields are kept by parsers). */
export interface ModelConfig {
  name: string;
  platform?: string;
  backend?: string;
  /** 0 = no batching; > 0 adds an implicit leading batch dimension to every input and output. */
  max_batch_size: number;
  input: ModelTensorConfig[];
  output: ModelTensorConfig[];
  dynamic_batching?: DynamicBatchingConfig;
  instance_group?: InstanceGroupConfig[];
  default_model_filename?: string;
  parameters?: Record<string, { string_value: string }>;
  [extra: string]: unknown;
}
