import { z } from "zod";
import { AppError } from "../errors";

/**
 * Turns zod issues into {field: message}, one message per field (the first). A Map first: a
 * field named "__proto__" or "constructor" must become an own key, not hit Object.prototype.
 */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields = new Map<string, string>();
  const add = (key: string, message: string) => {
    if (!fields.has(key)) fields.set(key, message);
  };
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) add(key, "Unknown field");
      continue;
    }
    add(issue.path.length ? issue.path.join(".") : "body", issue.message);
  }
  return Object.fromEntries(fields);
}

/**
 * Paths of objects that pose as strings or lists: they carry a `length` or `size` key. No
 * request field is such an object, so each is a wrong type wherever it is.
 */
function lengthImpostors(value: unknown, path: string[] = [], found: string[] = []): string[] {
  if (typeof value !== "object" || value === null || path.length > 32 || found.length >= 20) return found;
  if (!Array.isArray(value) && (Object.hasOwn(value, "length") || Object.hasOwn(value, "size"))) {
    found.push(path.length ? path.join(".") : "body");
    return found;
  }
  for (const [key, item] of Object.entries(value)) lengthImpostors(item, [...path, key], found);
  return found;
}

/** Validates input or throws a 400 AppError naming every bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  let result: z.ZodSafeParseResult<z.infer<S>>;
  try {
    result = schema.safeParse(input) as z.ZodSafeParseResult<z.infer<S>>;
  } catch (error) {
    // zod runs min/max length checks on any value with a `length`, even an object already
    // refused as the wrong type; a `length` that cannot become a number makes them throw.
    const paths = error instanceof TypeError ? lengthImpostors(input) : [];
    if (!paths.length) throw error;
    const fields = Object.fromEntries(paths.map((path) => [path, "Wrong type: an object where a string or list belongs"]));
    throw new AppError("validation_failed", `Invalid input: ${paths.join(", ")} has the wrong type`, fields);
  }
  if (result.success) return result.data;
  const fields = fieldErrors(result.error);
  const summary = Object.entries(fields)
    .map(([field, message]) => `${field}: ${message}`)
    .join("; ");
  throw new AppError("validation_failed", `Invalid input: ${summary}`, fields);
}
