import { z } from "zod";
import { requiredTextField, versionField } from "../validation/fields";
import { WEBHOOK_EVENT_TYPES, WEBHOOK_FORMATS } from "./event-types";

export const WEBHOOK_NAME_MAX = 100;
export const WEBHOOK_URL_MAX = 2000;

/** Why a webhook URL is refused, or null: absolute http(s), a host, no user:password in it. */
export function webhookUrlProblem(value: string): string | null {
  if (!/^https?:\/\//i.test(value)) return "Must be a full http:// or https:// URL";
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "Must be a full http:// or https:// URL";
  }
  if (!url.hostname) return "Must name a host";
  if (url.username || url.password) return "Must not contain a user name or password; the secret signs the requests";
  if (url.hash) return "Must not contain a #fragment";
  return null;
}

const name = requiredTextField("Name", WEBHOOK_NAME_MAX, { missing: "Name is required" });
const url = z
  .string({ error: "URL is required" })
  .trim()
  .min(1, "URL is required")
  .max(WEBHOOK_URL_MAX, `URL must be at most ${WEBHOOK_URL_MAX} characters`)
  .superRefine((value, ctx) => {
    const problem = webhookUrlProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });
// Duplicates dropped, canonical order: equal subscriptions compare equal.
const events = z
  .array(z.enum(WEBHOOK_EVENT_TYPES, { error: `Each must be one of ${WEBHOOK_EVENT_TYPES.join(", ")}` }), {
    error: `Must be a list of ${WEBHOOK_EVENT_TYPES.join(", ")}`,
  })
  .min(1, "Pick at least one event")
  .max(WEBHOOK_EVENT_TYPES.length * 2, "Too many events")
  .transform((list) => WEBHOOK_EVENT_TYPES.filter((t) => list.includes(t)));
const format = z.enum(WEBHOOK_FORMATS, { error: `Must be one of ${WEBHOOK_FORMATS.join(", ")}` });
const flag = z.boolean({ error: "Must be true or false" });

export const createWebhookSchema = z.strictObject({
  name,
  url,
  events,
  format,
  enabled: flag.optional(),
  includePrivate: flag.optional(),
});
export type CreateWebhookInput = z.infer<typeof createWebhookSchema>;

/** Any subset of the fields, with the version last read. Enabling clears the disabled notice. */
export const updateWebhookSchema = z.strictObject({
  version: versionField,
  name: name.optional(),
  url: url.optional(),
  events: events.optional(),
  format: format.optional(),
  enabled: flag.optional(),
  includePrivate: flag.optional(),
});
export type UpdateWebhookInput = z.infer<typeof updateWebhookSchema>;

export const rotateWebhookSecretSchema = z.strictObject({ version: versionField });

export const webhookDeliveriesQuerySchema = z.strictObject({
  limit: z.coerce.number({ error: "Must be a number" }).int("Must be a whole number").min(1, "Must be at least 1").max(200, "Must be at most 200").default(50),
  cursor: z.string().max(200).optional(),
});
