/**
 * Concatenation and splitting of tensors along the batch axis (axis 0), for the dynamic batcher.
 *
 * @module
 */
import type { NamedTensors, Tensor } from "@lipstream/shared";

/** Elements per batch item: the product of a shape's non-batch dimensions. */
function itemSize(shape: readonly number[]): number {
  let size = 1;
  for (let i = 1; i < shape.length; i++) size *= shape[i]!;
  return size;
}

/** Concatenates same-named tensors of several requests along axis 0 (one allocation per input). */
export function concatBatch(requests: readonly NamedTensors[]): NamedTensors {
  const first = requests[0]!;
  const merged: NamedTensors = {};
  for (const [name, head] of Object.entries(first)) {
    const parts = requests.map((r) => r[name]!);
    const batch = parts.reduce((sum, t) => sum + t.shape[0]!, 0);
    const shape = [batch, ...head.shape.slice(1)];
    if (head.datatype === "BYTES") {
      merged[name] = {
        datatype: "BYTES",
        shape,
        data: parts.flatMap((t) => t.data as Uint8Array[]),
      };
      continue;
    }
    const data = head.data as Exclude<Tensor["data"], Uint8Array[]>;
    const Typed = data.constructor as new (length: number) => typeof data;
    const out = new Typed(batch * itemSize(head.shape));
    let at = 0;
    for (const part of parts) {
      const partData = part.data as typeof data;
      (out as { set(a: typeof data, o: number): void }).set(partData, at);
      at += partData.length;
    }
    merged[name] = { datatype: head.datatype, shape, data: out } as Tensor;
  }
  return merged;
}

/**
 * Splits batched outputs back into per-request outputs of `sizes[i]` items each; the parts are
 * views on the batched data (no copy).
 *
 * @throws {RangeError} When an output's batch dimension is not the sum of `sizes`.
 */
export function splitBatch(
  outputs: NamedTensors,
  sizes: readonly number[],
): NamedTensors[] {
  const total = sizes.reduce((a, b) => a + b, 0);
  const parts: NamedTensors[] = sizes.map(() => ({}));
  for (const [name, tensor] of Object.entries(outputs)) {
    if (tensor.shape[0] !== total) {
      throw new RangeError(
        `Cannot split batched output '${name}': its batch dimension is ${
          tensor.shape[0]
        }, expected ${total}`,
      );
    }
    const inner = itemSize(tensor.shape);
    let start = 0;
    sizes.forEach((size, i) => {
      const shape = [size, ...tensor.shape.slice(1)];
      const from = start * inner, to = (start + size) * inner;
      const data = tensor.datatype === "BYTES"
        ? tensor.data.slice(from, to)
        : (tensor.data as Exclude<Tensor["data"], Uint8Array[]>).subarray(
          from,
          to,
        );
      parts[i]![name] = { datatype: tensor.datatype, shape, data } as Tensor;
      start += size;
    });
  }
  return parts;
}
