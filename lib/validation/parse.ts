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

/** Validates input or throws a 400 AppError naming every bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields = fieldErrors(result.error);
  const summary = Object.entries(fields)
    .map(([field, message]) => `${field}: ${message}`)
    .join("; ");
  throw new AppError("validation_failed", `Invalid input: ${summary}`, fields);
}
