import { z } from "zod";
import { pageFields, requiredTextField, textField, versionField } from "./fields";
import { isHttpUrl } from "./url";
import { ACTION_STATUSES, isIsoDate, KINDS, PRIORITIES } from "../action-items";

export const ACTION_TITLE_MAX = 200;
export const ACTION_DESCRIPTION_MAX = 5000;

const title = requiredTextField("Title", ACTION_TITLE_MAX);
const description = textField("Description", ACTION_DESCRIPTION_MAX);
const id = (what: string) =>
  z
    .number({ error: `Must be a ${what} id` })
    .int(`Must be a ${what} id`)
    .positive(`Must be a ${what} id`);
const ownerEmail = z.string({ error: "Must be an email address" }).trim().toLowerCase().email("Must be an email address");
export const dueDateField = z
  .string({ error: 'Must be a date "YYYY-MM-DD"' })
  .trim()
  .refine(isIsoDate, 'Must be a real date written "YYYY-MM-DD", e.g. 2026-03-31');
const priority = z.enum(PRIORITIES, { error: `Must be one of ${PRIORITIES.join(", ")}` });
const kind = z.enum(KINDS, { error: `Must be one of ${KINDS.join(", ")}` });
const status = z.enum(ACTION_STATUSES, { error: `Must be one of ${ACTION_STATUSES.join(", ")}` });

/** An optional http(s) link to the item in an external tracker; "" and null both mean none. */
const trackerUrl = z
  .string({ error: "Must be a URL or null" })
  .trim()
  .max(2000, "Tracker URL must be at most 2000 characters")
  .refine((v) => v === "" || isHttpUrl(v), "Must be a full http:// or https:// URL, e.g. https://tracker.example.com/OPS-12")
  .transform((v) => v || null)
  .nullable();

const serviceSlug = z
  .string({ error: "Must be a service slug" })
  .trim()
  .toLowerCase()
  .min(1, "Must be a service slug")
  .max(60, "Service slug must be at most 60 characters")
  .nullable();

type OwnerAndService = { ownerId?: number; ownerEmail?: string; serviceId?: number | null; service?: string | null };

/**
 * The owner by id or by email (exactly one), the service by id or by slug (at most one):
 * API clients know people by email and services by slug; forms use ids.
 */
function ownerGiven(data: OwnerAndService, ctx: z.RefinementCtx, required: boolean) {
  if (data.serviceId !== undefined && data.service !== undefined) {
    ctx.addIssue({ code: "custom", path: ["service"], message: "Give serviceId or service, not both" });
  }
  if (data.ownerId !== undefined && data.ownerEmail !== undefined) {
    ctx.addIssue({ code: "custom", path: ["ownerEmail"], message: "Give ownerId or ownerEmail, not both" });
  } else if (required && data.ownerId === undefined && data.ownerEmail === undefined) {
    ctx.addIssue({ code: "custom", path: ["ownerId"], message: "Owner is required" });
  }
}

export const createActionItemSchema = z
  .strictObject({
    title,
    description: description.optional(),
    ownerId: id("user").optional(),
    ownerEmail: ownerEmail.optional(),
    /** Defaults by priority (DESIGN.md): P1 in 4 weeks, P2 in 8, P3 in 12. */
    dueDate: dueDateField.optional(),
    priority,
    kind,
    status: status.optional(),
    trackerUrl: trackerUrl.optional(),
    serviceId: id("service").nullable().optional(),
    service: serviceSlug.optional(),
  })
  .superRefine((data, ctx) => ownerGiven(data, ctx, true));
export type CreateActionItemInput = z.infer<typeof createActionItemSchema>;

export const updateActionItemSchema = z
  .strictObject({
    version: versionField,
    title: title.optional(),
    description: description.optional(),
    ownerId: id("user").optional(),
    ownerEmail: ownerEmail.optional(),
    dueDate: dueDateField.optional(),
    priority: priority.optional(),
    kind: kind.optional(),
    status: status.optional(),
    trackerUrl: trackerUrl.optional(),
    serviceId: id("service").nullable().optional(),
    service: serviceSlug.optional(),
  })
  .superRefine((data, ctx) => ownerGiven(data, ctx, false));
export type UpdateActionItemInput = z.infer<typeof updateActionItemSchema>;

/** A comma-separated list of allowed values, e.g. `status=open,in_progress`. */
function commaList<T extends string>(values: readonly T[], what: string) {
  return z
    .string()
    .trim()
    .transform((raw, ctx) => {
      const parts = [
        ...new Set(
          raw
            .split(",")
            .map((p) => p.trim())
            .filter(Boolean),
        ),
      ];
      const bad = parts.filter((p) => !(values as readonly string[]).includes(p));
      if (bad.length || parts.length === 0) {
        ctx.addIssue({ code: "custom", message: `Must be one or more of ${values.join(", ")} (comma-separated); got ${bad.join(", ") || "nothing"}` });
        return z.NEVER;
      }
      return parts as T[];
    })
    .describe(what);
}

export const listActionItemsSchema = z.object({
  /** "me", a user id, or an email address. */
  owner: z
    .string()
    .trim()
    .toLowerCase()
    .max(200)
    .refine((v) => v === "me" || /^\d{1,12}$/.test(v) || v.includes("@"), 'Must be "me", a user id or an email address')
    .optional(),
  /** Team id: items whose owner is a member of the team. */
  team: z.coerce.number({ error: "Must be a team id" }).int("Must be a team id").positive("Must be a team id").optional(),
  service: z.string().trim().toLowerCase().max(60, "Service slug must be at most 60 characters").optional(),
  status: commaList(ACTION_STATUSES, "status").optional(),
  priority: commaList(PRIORITIES, "priority").optional(),
  overdue: z.enum(["1", "true", "0", "false"], { error: "Must be true or false" }).optional(),
  incident: z
    .string()
    .trim()
    .regex(/^inc-\d{1,12}$/i, "Must be an incident reference, e.g. INC-42")
    .optional(),
  sort: z.enum(["due", "-due"], { error: 'Must be "due" (soonest first) or "-due" (latest first)' }).default("due"),
  ...pageFields,
});
export type ListActionItemsQuery = z.infer<typeof listActionItemsSchema>;
