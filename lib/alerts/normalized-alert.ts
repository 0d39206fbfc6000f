import { z } from "zod";
import { AppError } from "../errors";

export type AlertEvent = "firing" | "resolved" | "acknowledged";

/** One alert as every payload format becomes it. */
export type NormalizedAlert = {
  /** Alertmanager/Grafana fingerprint, or the Events v2 dedup_key. */
  dedupKey: string;
  groupKey: string | null;
  event: AlertEvent;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  title: string;
  /** When the alert began (epoch ms); null when the sender did not say. */
  startsAt: number | null;
  /** When it ended, for resolved alerts (null while firing). */
  endsAt: number | null;
  generatorUrl: string | null;
  dashboardUrl: string | null;
  panelUrl: string | null;
  silenceUrl: string | null;
  values: Record<string, number | null> | null;
};

export type AlertBatch = { alerts: NormalizedAlert[] };

export const TITLE_MAX = 200;

/** annotations.summary, else labels.alertname, else the fallback; one line, at most 200 characters. */
export function alertTitle(annotations: Record<string, string>, labels: Record<string, string>, fallback = "Alert"): string {
  const raw = [annotations.summary, labels.alertname].find((v) => v !== undefined && v.trim() !== "") ?? fallback;
  const line = raw.replace(/\s+/g, " ").trim();
  return line.length > TITLE_MAX ? `${line.slice(0, TITLE_MAX - 1)}…` : line;
}

/** Go's zero time, which Alertmanager and Grafana send as `endsAt` of a firing alert. */
const ZERO_TIME = /^0001-01-01T00:00:00(\.0+)?Z$/;
const RFC3339 = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** An RFC 3339 time as epoch ms (nanoseconds cut to ms), null for Go's zero time. */
export const rfc3339 = z
  .string({ error: "Must be an RFC 3339 date-time" })
  .max(64)
  .transform((value, ctx) => {
    if (ZERO_TIME.test(value)) return null;
    const parts = RFC3339.exec(value);
    const ms = parts ? Date.parse(`${parts[1]}${(parts[2] ?? "").slice(0, 4)}${parts[3]}`) : NaN;
    if (Number.isNaN(ms)) {
      ctx.addIssue({ code: "custom", message: "Must be an RFC 3339 date-time, e.g. 2026-11-25T14:03:00Z" });
      return z.NEVER;
    }
    return ms;
  });

/** Label and annotation maps: string values only, as Prometheus has them. */
export const stringMap = z
  .record(z.string().max(200), z.string({ error: "Must be a string" }).max(10_000), { error: "Must be an object of strings" })
  .refine((m) => Object.keys(m).length <= 100, "At most 100 entries");

/** A URL field: empty strings (Alertmanager sends "" for none) become null. */
export const optionalUrl = z
  .string({ error: "Must be a string" })
  .max(2000)
  .optional()
  .transform((v) => (v && v.trim() ? v.trim() : null));

/** `alerts[2].labels`: a zod issue path the way a JSON reader writes it. */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) out += typeof part === "number" ? `[${part}]` : out ? `.${String(part)}` : String(part);
  return out || "body";
}

/** Parses a payload or throws a 400 naming each bad field (`alerts[2].labels`). */
export function parsePayload<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const keys = issue.code === "unrecognized_keys" ? issue.keys.map((k) => jsonPath([...issue.path, k])) : [jsonPath(issue.path)];
    for (const key of keys) fields[key] ??= issue.code === "unrecognized_keys" ? "Unknown field" : issue.message;
    if (Object.keys(fields).length >= 20) break;
  }
  const summary = Object.entries(fields)
    .slice(0, 5)
    .map(([field, message]) => `${field}: ${message}`)
    .join("; ");
  throw new AppError("validation_failed", `Malformed payload: ${summary}`, fields);
}
