// Arbitraries for input an attacker or a broken client sends: shared by the validator
// property tests (lib/validation/validators.property.test.ts) and the generated HTTP
// bad-input suite (e2e/api/bad-input-generators.ts).
import fc from "fast-check";

/** Keys that break naive `obj[key] = …` maps, plus odd spellings. */
export const HOSTILE_KEYS = [
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
  "valueOf",
  "",
  " ",
  "a.b",
  "0",
  "length",
  "🙂",
  "\u0000",
  "ti\u0301tle",
];

/** Strings that look like something else: numbers, dates, escapes, markup, SQL, paths. */
export const HOSTILE_STRINGS = [
  "",
  " ",
  "\t\n",
  "NaN",
  "Infinity",
  "-Infinity",
  "-0",
  "1e308",
  "1e-400",
  "0x10",
  "00012",
  "9007199254740993",
  "-1",
  "null",
  "undefined",
  "true",
  "[]",
  "{}",
  "0500-01-02",
  "9999-12-31",
  "0000-00-00",
  "2026-02-30",
  "2026-02-30T10:00:00Z",
  "2026-13-01T00:00:00Z",
  "+275760-09-13T00:00:00Z",
  "9999-12-31T23:59:59.999999999Z",
  "2026-01-01T24:00:00+99:99",
  "%ff",
  "%c0%af",
  "%",
  "%00",
  "\u0000",
  "\u202eevil",
  "\ud800",
  "\udfff\ud800",
  "😀".repeat(60),
  "a\u0301".repeat(120),
  "<script>alert(1)</script>",
  "javascript:alert(1)",
  "//evil.example",
  "'; DROP TABLE incidents;--",
  "../../etc/passwd",
  "SEV1,,SEV2",
  ",",
  "INC-0",
  "INC-99999999999999",
  "me",
  "@",
  "a@b",
];

/** Lengths just past and far past the limits the validators use. */
const HUGE_LENGTHS = [61, 101, 201, 255, 501, 2_001, 5_001, 20_001, 50_001, 200_000];

export const hugeString: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...HUGE_LENGTHS), fc.constantFrom("x", " ", "é", "😀", "a-"))
  .map(([length, unit]) => unit.repeat(Math.ceil(length / unit.length)));

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 20 }) },
  { weight: 1, arbitrary: hugeString },
);

/** Numbers at the edges: JSON can carry all but NaN and ±Infinity (those come from forms and code). */
export const extremeNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(
    0,
    -0,
    1,
    -1,
    0.5,
    1.5,
    -1.5,
    2 ** 31,
    2 ** 32,
    Number.MAX_SAFE_INTEGER,
    Number.MAX_SAFE_INTEGER + 2,
    Number.MIN_SAFE_INTEGER,
    Number.MAX_VALUE,
    -Number.MAX_VALUE,
    Number.MIN_VALUE,
    1e21,
    NaN,
    Infinity,
    -Infinity,
  ),
  fc.integer(),
  fc.double(),
);

export const hostileKey: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_KEYS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);

/** An object as JSON.parse builds it: `__proto__` is an own key, not the prototype. */
export function objectOf(entries: [string, unknown][]): Record<string, unknown> {
  return Object.fromEntries(entries);
}

function nested(depth: number, leaf: unknown, asObject: boolean): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = asObject ? { a: value } : [value];
  return value;
}

/** Deeply nested arrays and objects (a parser or a recursive walk that is not bounded chokes on them). */
export const deepValue: fc.Arbitrary<unknown> = fc.tuple(fc.constantFrom(50, 1_000), fc.boolean()).map(([depth, asObject]) => nested(depth, "x", asObject));

/**
 * Objects that pass for strings or lists: a `length` (or `size`) that cannot become a number
 * (own `toString` that is not a function) makes a length check throw instead of failing.
 */
export const LENGTH_IMPOSTORS: unknown[] = [
  { length: { toString: 1 } },
  { length: [{ toString: 1 }] },
  { size: { toString: 1, valueOf: 1 } },
  { length: 1e9 },
  { length: -1 },
  { length: "5" },
];

/** Any value, with hostile strings, numbers and keys at every level. */
export const hostileValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    hostileString,
    extremeNumber,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.array(fc.tuple(hostileKey, tie("value")), { maxLength: 4 }).map(objectOf),
    deepValue,
    fc.constantFrom(...LENGTH_IMPOSTORS),
    fc.constant(Array.from({ length: 5_000 }, (_, i) => `item-${i}`)),
  ),
})).value;

/** An object using the schema's own field names (and some hostile ones) with hostile values. */
export function hostileObject(knownKeys: readonly string[]): fc.Arbitrary<Record<string, unknown>> {
  const key = knownKeys.length ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...knownKeys) }, { weight: 1, arbitrary: hostileKey }) : hostileKey;
  return fc.array(fc.tuple(key, hostileValue), { maxLength: 6 }).map(objectOf);
}

/** A URL query as an object of strings, with the schema's parameter names and hostile values. */
export function hostileQuery(knownKeys: readonly string[]): fc.Arbitrary<Record<string, string>> {
  const key = knownKeys.length ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...knownKeys) }, { weight: 1, arbitrary: hostileKey }) : hostileKey;
  return fc.array(fc.tuple(key, hostileString), { maxLength: 5 }).map((entries) => objectOf(entries) as Record<string, string>);
}

export type Mutation = { kind: "replace" | "remove" | "add"; key: string; value?: unknown };

/** A valid input with one thing wrong: a field replaced by a hostile value, removed, or an unknown field added. */
export function mutated<T extends Record<string, unknown>>(
  valid: fc.Arbitrary<T>,
  knownKeys: readonly string[],
): fc.Arbitrary<{ input: Record<string, unknown>; mutation: Mutation }> {
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    fc.record({ kind: fc.constant("replace" as const), key: fc.constantFrom(...knownKeys), value: hostileValue }),
    fc.record({ kind: fc.constant("remove" as const), key: fc.constantFrom(...knownKeys) }),
    fc.record({ kind: fc.constant("add" as const), key: fc.oneof(hostileKey, fc.constantFrom("id", "createdAt", "role", "isAdmin")), value: hostileValue }),
  );
  return fc.tuple(valid, mutation).map(([input, m]) => {
    const entries = Object.entries(input).filter(([key]) => key !== m.key);
    if (m.kind !== "remove") entries.push([m.key, m.value]);
    return { input: objectOf(entries), mutation: m };
  });
}

/** The seed for a run: `envName` (e.g. FC_SEED) when set, else `fallback`. */
export function seedFrom(envName: string, fallback: number): number {
  const raw = process.env[envName];
  if (raw === undefined || raw === "") return fallback;
  const seed = Number(raw);
  if (!Number.isInteger(seed)) throw new Error(`${envName} must be an integer, got ${raw}`);
  return seed;
}
