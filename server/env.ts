/**
 * The application's environment: every variable the Next.js app (pages, route handlers, proxy.ts,
 * instrumentation.ts) and the TypeScript scripts read for their configuration, validated with zod.
 * The only place in that code that reads process.env for app config.
 *
 * Values are read when asked for, not once at import: scripts and tests set DATABASE_PATH and others
 * before they open the database, and the server never changes its environment after start.
 * instrumentation.ts calls exitOnInvalidEnv() first, so a bad value stops the server at start with
 * a message naming the variable instead of failing later in a request.
 *
 * Not here: NEXT_RUNTIME (Next.js replaces it at build time), and the settings of the plain .mjs
 * processes that run outside the app bundle (scripts/server.mjs, scripts/start.mjs: PORT, HOST,
 * NEXT_DIST_DIR, METRICS_TOKEN/PORT/HOST; server/observability/logger.mjs: LOG_LEVEL), which check
 * their own values before Next.js starts.
 */
import { z } from "zod";
import { BackupConfigError, backupScheduleFromEnv, type BackupSchedule } from "@/lib/backup-schedule";
import { parseAddressRanges } from "@/lib/webhooks/address-guard";

export type EnvSource = Record<string, string | undefined>;

/** A variable with a value that cannot be used; the message names it. */
export class EnvError extends Error {}

/** TRUST_PROXY: how many reverse proxies in front of the server append to X-Forwarded-For. */
export const MAX_TRUSTED_HOPS = 20;

export type TrustProxyResult = { ok: true; hops: number } | { ok: false; message: string };

/** Unset, "false" or "0": none (the socket address is the client); "true": one; 1–20: that many. */
export function parseTrustProxy(value: string | undefined): TrustProxyResult {
  const raw = (value ?? "").trim().toLowerCase();
  if (raw === "" || raw === "false" || raw === "0") return { ok: true, hops: 0 };
  if (raw === "true") return { ok: true, hops: 1 };
  if (/^\d{1,2}$/.test(raw) && Number(raw) >= 1 && Number(raw) <= MAX_TRUSTED_HOPS) return { ok: true, hops: Number(raw) };
  return {
    ok: false,
    message: `TRUST_PROXY=${JSON.stringify(value)} is not valid. Leave it unset (or "false"/"0") when clients reach Hindsight directly, "true" behind one reverse proxy, or the number of proxies (1–${MAX_TRUSTED_HOPS}) that append to X-Forwarded-For.`,
  };
}

/** Unset and "" both mean "not set" (as `process.env.X || fallback` did). */
const optionalText = z
  .string()
  .optional()
  .transform((value) => (value ? value : undefined));

/** Reuses the messages of lib/backup-schedule.ts, which name the variable. */
function backupField(name: "BACKUP_INTERVAL_HOURS" | "BACKUP_KEEP") {
  return z
    .string()
    .optional()
    .superRefine((value, ctx) => {
      try {
        backupScheduleFromEnv({ [name]: value });
      } catch (error) {
        ctx.addIssue({ code: "custom", message: (error as Error).message });
      }
    });
}

/** A number setting (the webhook worker's, the pool size), with its default when unset; `whole`: integers only. */
function numberSetting(name: string, fallback: number, min: number, max: number, what: string, whole = false) {
  return z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value.trim() === "") return fallback;
      const n = Number(value);
      if (Number.isFinite(n) && (!whole || Number.isInteger(n)) && n >= min && n <= max) return n;
      ctx.addIssue({ code: "custom", message: `${name}=${JSON.stringify(value)} is not valid: give ${what} (default ${fallback}).` });
      return z.NEVER;
    });
}

const schema = z.object({
  NODE_ENV: optionalText,
  /** The SQLite file; data/ beside it holds the secrets. Default data/hindsight.db. */
  DATABASE_PATH: optionalText,
  /** postgres://… or postgresql://…: run on that PostgreSQL (15 or later) instead of the SQLite file. */
  DATABASE_URL: optionalText
    .transform((value) => value?.trim() || undefined)
    .refine((value) => value === undefined || /^postgres(ql)?:\/\/\S+$/i.test(value), {
      message:
        "DATABASE_URL must be a PostgreSQL connection URL starting with postgres:// or postgresql:// (e.g. postgres://hindsight:secret@db.example.com:5432/hindsight); leave it unset to use SQLite (DATABASE_PATH)",
    }),
  /** Connections each app process keeps to PostgreSQL (default 10). */
  DATABASE_POOL_SIZE: numberSetting("DATABASE_POOL_SIZE", 10, 1, 200, "a whole number of connections between 1 and 200", true),
  /** The first admin, created on an empty database. */
  HINDSIGHT_ADMIN_EMAIL: optionalText,
  HINDSIGHT_ADMIN_PASSWORD: optionalText,
  /** The public address; https turns on HSTS and Secure cookies. */
  NEXTAUTH_URL: optionalText.refine((value) => value === undefined || /^https?:\/\/[^/\s]+/i.test(value.trim()), {
    message: "NEXTAUTH_URL must be the public address the server is reached on, starting with http:// or https:// (e.g. https://hindsight.example.com)",
  }),
  /** Signs the session cookies; generated into data/auth-secret when unset. */
  NEXTAUTH_SECRET: optionalText,
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((value, ctx) => {
      const result = parseTrustProxy(value);
      if (result.ok) return result.hops;
      ctx.addIssue({ code: "custom", message: result.message });
      return z.NEVER;
    }),
  /** Scheduled backups: off without BACKUP_DIR (see lib/backup-schedule.ts). */
  BACKUP_DIR: z.string().optional(),
  BACKUP_INTERVAL_HOURS: backupField("BACKUP_INTERVAL_HOURS"),
  BACKUP_KEEP: backupField("BACKUP_KEEP"),
  /** "1" serves /bench-floor, the framework floor `npm run bench` measures pages against; unset or "0": 404. */
  HINDSIGHT_BENCH_FLOOR: optionalText
    .refine((value) => value === undefined || value === "0" || value === "1", {
      message: 'HINDSIGHT_BENCH_FLOOR must be "1" (serve /bench-floor for npm run bench), "0" or unset',
    })
    .transform((value) => value === "1"),
  /** Milliseconds between heartbeat comments on open event streams (default 15000). */
  HINDSIGHT_SSE_HEARTBEAT_MS: z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value.trim() === "") return 15_000;
      const ms = Number(value);
      if (Number.isInteger(ms) && ms >= 100 && ms <= 600_000) return ms;
      ctx.addIssue({
        code: "custom",
        message: `HINDSIGHT_SSE_HEARTBEAT_MS=${JSON.stringify(value)} is not valid: give milliseconds between 100 and 600000 (default 15000).`,
      });
      return z.NEVER;
    }),
  /** Outgoing webhooks may reach these addresses/CIDRs even if link-local or metadata (comma-separated). */
  HINDSIGHT_WEBHOOK_ALLOW_ADDRESSES: z
    .string()
    .optional()
    .transform((value, ctx) => {
      try {
        return parseAddressRanges(value ?? "");
      } catch (error) {
        ctx.addIssue({
          code: "custom",
          message: `HINDSIGHT_WEBHOOK_ALLOW_ADDRESSES: ${(error as Error).message}; give comma-separated addresses or CIDR ranges.`,
        });
        return z.NEVER;
      }
    }),
  /** Webhook retry delays are multiplied by this (default 1; tests use small values). */
  HINDSIGHT_WEBHOOK_BACKOFF_SCALE: numberSetting("HINDSIGHT_WEBHOOK_BACKOFF_SCALE", 1, 0.00001, 100, "a factor for the retry delays between 0.00001 and 100"),
  /** Milliseconds between webhook worker passes (default 1000). */
  HINDSIGHT_WEBHOOK_TICK_MS: numberSetting("HINDSIGHT_WEBHOOK_TICK_MS", 1000, 20, 60_000, "milliseconds between 20 and 60000"),
  /** Milliseconds a webhook request may take (default 10000). */
  HINDSIGHT_WEBHOOK_TIMEOUT_MS: numberSetting("HINDSIGHT_WEBHOOK_TIMEOUT_MS", 10_000, 100, 60_000, "milliseconds between 100 and 60000"),
  /** Failed deliveries in a row after which an endpoint is disabled (default 10). */
  HINDSIGHT_WEBHOOK_DISABLE_AFTER: numberSetting("HINDSIGHT_WEBHOOK_DISABLE_AFTER", 10, 1, 1000, "a count between 1 and 1000"),
});

export type Env = z.output<typeof schema>;
export type EnvName = keyof Env;
export const ENV_NAMES = Object.keys(schema.shape) as EnvName[];

/** One variable, validated; throws an EnvError naming it when its value cannot be used. */
export function env<K extends EnvName>(name: K, source: EnvSource = process.env): Env[K] {
  const result = schema.shape[name].safeParse(source[name]);
  if (!result.success) throw new EnvError(result.error.issues[0]?.message ?? `${name} is not valid`);
  return result.data as Env[K];
}

/** Every invalid variable's message (empty when all are usable). */
export function envProblems(source: EnvSource = process.env): string[] {
  const result = schema.safeParse(Object.fromEntries(ENV_NAMES.map((name) => [name, source[name]])));
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

/** For startup (instrumentation.ts): refuse to start, naming each variable that cannot be used. */
export function exitOnInvalidEnv(source: EnvSource = process.env) {
  const problems = envProblems(source);
  if (problems.length === 0) return;
  for (const problem of problems) console.error(`[hindsight] Refusing to start: ${problem}`);
  process.exit(1);
}

/** The backup schedule (null when BACKUP_DIR is unset); bad values throw a BackupConfigError naming the variable. */
export function backupSchedule(source: EnvSource = process.env): BackupSchedule | null {
  return backupScheduleFromEnv({ BACKUP_DIR: source.BACKUP_DIR, BACKUP_INTERVAL_HOURS: source.BACKUP_INTERVAL_HOURS, BACKUP_KEEP: source.BACKUP_KEEP });
}

export { BackupConfigError };
