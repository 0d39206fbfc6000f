// The one JSON logger of the process (pino), shared by scripts/server.mjs and the app through
// globalThis: the server bundle and the custom server load this file separately.
import pino from "pino";

const SECRET_KEYS = [
  "password",
  "currentPassword",
  "newPassword",
  "passwordHash",
  "token",
  "secret",
  "apiKey",
  "authorization",
  "Authorization",
  "cookie",
  "Cookie",
  '"set-cookie"',
  "csrfToken",
  "sessionToken",
];

/** Object paths never written: each secret key at the top level and up to three levels down. */
export const REDACT_PATHS = SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`, `*.*.*.${key}`]);

// Free text (error messages, stacks) cannot be redacted by path: bearer values and API tokens are masked.
/** Masks secrets that appear inside a string. */
export function scrubText(text) {
  return text.replace(/\b(Bearer|Basic)\s+[^\s"',;]+/gi, "$1 [Redacted]").replace(/\bhs_[A-Za-z0-9_-]{8,}/g, "[Redacted]");
}

function scrubStrings(value, depth = 0) {
  if (typeof value === "string") return scrubText(value);
  if (depth > 4 || value === null || typeof value !== "object" || value instanceof Error) return value;
  if (Array.isArray(value)) return value.map((item) => scrubStrings(item, depth + 1));
  const out = {};
  for (const [key, item] of Object.entries(value)) out[key] = scrubStrings(item, depth + 1);
  return out;
}

/**
 * A logger writing one JSON object a line to `destination` (stdout by default), at LOG_LEVEL
 * (default info), with secrets redacted.
 * @param {{ level?: string; destination?: import("pino").DestinationStream }} [options]
 */
export function createLogger({ level = process.env.LOG_LEVEL || "info", destination } = {}) {
  const options = {
    level,
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    messageKey: "msg",
    redact: { paths: REDACT_PATHS, censor: "[Redacted]" },
    serializers: {
      err: (error) => scrubStrings(pino.stdSerializers.err(error)),
    },
    formatters: {
      level: (label) => ({ level: label }),
      log: (object) => scrubStrings(object),
    },
    hooks: {
      logMethod(args, method) {
        method.apply(
          this,
          args.map((arg) => (typeof arg === "string" ? scrubText(arg) : arg)),
        );
      },
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

/** The process-wide logger. */
export function getLogger() {
  globalThis.hindsightLogger ??= createLogger();
  return globalThis.hindsightLogger;
}
