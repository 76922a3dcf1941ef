/**
 * fast-check arbitraries derived from the edge's zod request schemas: values
 * the schema accepts (as far as its checks say: regex, lengths, bounds,
 * enums, optional fields), and hostile variants of them — a field replaced
 * by any JSON value, a field dropped, an unknown field added, numbers just
 * past their bounds, path tricks and oversized strings.
 *
 * Covers the zod kinds the schemas use: object, string, number, enum,
 * union, optional, pipe (query preprocessing); anything else becomes any
 * JSON value.
 *
 * @module
 */

import fc from "fast-check";

// zod 4 keeps a schema's definition in `_zod.def`.
interface Def {
  type: string;
  checks?: { _zod: { def: Record<string, unknown> } }[];
  shape?: Record<string, Schema>;
  innerType?: Schema;
  options?: Schema[];
  entries?: Record<string, string>;
  out?: Schema;
  format?: string;
}
/** A zod 4 schema, seen through its definition. */
type Schema = unknown;

function defOf(schema: Schema): Def {
  return (schema as { _zod: { def: Def } })._zod.def;
}

function checks(def: Def): Record<string, unknown>[] {
  return (def.checks ?? []).map((check) => check._zod.def);
}

/**
 * An arbitrary of values `schema` should accept.
 *
 * @param schema A zod schema.
 * @returns The arbitrary.
 */
export function validArbitrary(schema: Schema): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  switch (def.type) {
    case "object": {
      const shape = def.shape ?? {};
      const required = Object.keys(shape).filter((key) =>
        defOf(shape[key]!).type !== "optional"
      );
      const fields = Object.fromEntries(
        Object.entries(shape).map(([key, field]) => [
          key,
          validArbitrary(field),
        ]),
      );
      return fc.record(fields, { requiredKeys: required });
    }
    case "optional":
      return validArbitrary(def.innerType!);
    case "pipe":
      return validArbitrary(def.out!);
    case "enum":
      return fc.constantFrom(...Object.values(def.entries ?? {}));
    case "union":
      return fc.oneof(...(def.options ?? []).map(validArbitrary));
    case "string": {
      let min = 0;
      let max = 64;
      let pattern: RegExp | undefined;
      for (const check of checks(def)) {
        if (check.check === "max_length") max = Number(check.maximum);
        if (check.check === "min_length") min = Number(check.minimum);
        if (
          check.check === "string_format" && check.pattern instanceof RegExp
        ) {
          pattern = check.pattern;
        }
      }
      if (pattern) {
        return fc.stringMatching(pattern).filter((s) =>
          s.length <= Math.max(max, 1) && !s.includes("..")
        );
      }
      return fc.string({
        minLength: Math.max(min, 1),
        maxLength: Math.min(max, 200),
      })
        .filter((s) => s.trim().length > 0);
    }
    case "number": {
      let min = -1e6;
      let max = 1e6;
      for (const check of checks(def)) {
        if (check.check === "greater_than") min = Number(check.value);
        if (check.check === "less_than") max = Number(check.value);
      }
      const integer = def.format !== undefined && /int/.test(def.format);
      return integer
        ? fc.integer({ min, max })
        : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
    }
    default:
      return fc.jsonValue();
  }
}

/** Values no field of an API should choke on, but most must refuse. */
const HOSTILE_STRINGS = [
  "",
  " ",
  "../../etc/passwd",
  "..%2f..%2fetc%2fpasswd",
  "/etc/passwd",
  "a/../b",
  "\u0000",
  "%00",
  "\ud800",
  "<script>alert(1)</script>",
  "${jndi:ldap://x}",
  "x".repeat(5000),
  "語".repeat(300),
  "1e309",
  "-0",
  "NaN",
];

/**
 * An arbitrary of hostile variants of the values `schema` accepts (an
 * object schema; other schemas get any JSON value).
 *
 * @param schema A zod object schema.
 * @returns The arbitrary.
 */
export function hostileArbitrary(schema: Schema): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  if (def.type !== "object") return fc.jsonValue();
  const keys = Object.keys(def.shape ?? {});
  const anyValue = fc.oneof(
    fc.jsonValue(),
    fc.constantFrom(...HOSTILE_STRINGS),
    fc.constantFrom(-1, 0, 1.5, 2 ** 31, 2 ** 53, -(2 ** 53), 1e308, -1e-308),
  );
  return fc.tuple(
    validArbitrary(schema) as fc.Arbitrary<Record<string, unknown>>,
    fc.constantFrom("replace", "drop", "extra", "edge", "scalar"),
    fc.constantFrom(...keys),
    anyValue,
  ).map(([valid, how, key, value]) => {
    const copy: Record<string, unknown> = { ...valid };
    switch (how) {
      case "replace":
        copy[key] = value;
        return copy;
      case "drop":
        delete copy[key];
        return copy;
      case "extra":
        copy[`x_${key}`] = value;
        return copy;
      case "edge": {
        const field = defOf(def.shape![key]!);
        const inner = field.type === "optional"
          ? defOf(field.innerType!)
          : field;
        const number = inner.type === "pipe" ? defOf(inner.out!) : inner;
        const bound = checks(number).find((c) => c.check === "less_than");
        copy[key] = bound ? Number(bound.value) + 1 : value;
        return copy;
      }
      default:
        return value;
    }
  });
}
