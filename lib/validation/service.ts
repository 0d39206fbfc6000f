import { z } from "zod";
import { IMPACT_LEVELS } from "../error-budget";

const httpUrl = z
  .string({ error: "Must be a URL" })
  .trim()
  .max(2000, "URL must be at most 2000 characters")
  .url("Must be a full URL, e.g. https://wiki.example.com/runbook")
  .refine((u) => /^https?:\/\//i.test(u), "Must start with http:// or https://");

export const slugField = z
  .string({ error: "Slug is required" })
  .trim()
  .toLowerCase()
  .min(2, "Slug must be at least 2 characters")
  .max(60, "Slug must be at most 60 characters")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lowercase letters, digits and single hyphens, e.g. payments-api");

const name = z.string({ error: "Name is required" }).trim().min(1, "Name is required").max(100, "Name must be at most 100 characters");
const description = z.string({ error: "Must be a string" }).trim().max(5000, "Description must be at most 5000 characters");
const tier = z.number({ error: "Tier must be 1, 2 or 3" }).int("Tier must be 1, 2 or 3").min(1, "Tier must be 1, 2 or 3").max(3, "Tier must be 1, 2 or 3");
const teamId = z.number({ error: "Must be a team id" }).int("Must be a team id").positive("Must be a team id").nullable();
export const linksField = z
  .array(z.strictObject({ label: z.string().trim().min(1, "Label is required").max(60, "Label must be at most 60 characters"), url: httpUrl }), {
    error: "Must be a list of {label, url}",
  })
  .max(20, "At most 20 links");

export const createServiceSchema = z.strictObject({
  slug: slugField,
  name,
  description: description.optional(),
  teamId: teamId.optional(),
  tier,
  runbookUrl: httpUrl.nullable().optional(),
  links: linksField.optional(),
});

export const updateServiceSchema = z.strictObject({
  version: z.number({ error: "Required: the version you last read" }).int().positive(),
  name: name.optional(),
  description: description.optional(),
  teamId: teamId.optional(),
  tier: tier.optional(),
  runbookUrl: httpUrl.nullable().optional(),
  links: linksField.optional(),
});
export type UpdateServiceInput = z.infer<typeof updateServiceSchema>;

/** Fields a responder may change on a service; the rest is for admins. */
export const RESPONDER_SERVICE_FIELDS = ["description", "links"] as const;

const objective = z
  .number({ error: "Objective must be a number, e.g. 99.9" })
  .min(50, "Objective must be between 50 and 99.9999")
  .max(99.9999, "Objective must be between 50 and 99.9999");
const windowDays = z
  .number({ error: "Window must be a whole number of days" })
  .int("Window must be a whole number of days")
  .min(1, "Window must be 1 to 90 days")
  .max(90, "Window must be 1 to 90 days");

export const createSloSchema = z.strictObject({
  name,
  sliDescription: z.string().trim().max(2000, "SLI description must be at most 2000 characters").optional(),
  objective,
  windowDays: windowDays.optional(),
});
export const updateSloSchema = z.strictObject({
  version: z.number({ error: "Required: the version you last read" }).int().positive(),
  name: name.optional(),
  sliDescription: z.string().trim().max(2000, "SLI description must be at most 2000 characters").optional(),
  objective: objective.optional(),
  windowDays: windowDays.optional(),
});

export const impactField = z.enum(IMPACT_LEVELS, { error: `Impact must be one of ${IMPACT_LEVELS.join(", ")}` });

export const linkServiceSchema = z.strictObject({ service: slugField, impact: impactField });

export const spendOverrideSchema = z.strictObject({
  minutes: z.number({ error: "Minutes must be a number" }).min(0, "Minutes cannot be negative").max(1_000_000, "Minutes is too large"),
  reason: z.string({ error: "Give a reason" }).trim().min(3, "Give a reason (at least 3 characters)").max(500, "Reason must be at most 500 characters"),
});

export const teamSchema = z.strictObject({
  name: z.string({ error: "Name is required" }).trim().min(1, "Name is required").max(80, "Name must be at most 80 characters"),
});

export const listServicesSchema = z.object({
  q: z.string().trim().max(100).optional(),
  team: z.coerce.number().int().positive().optional(),
  tier: z.coerce.number().int().min(1, "Tier must be 1, 2 or 3").max(3, "Tier must be 1, 2 or 3").optional(),
  openIncident: z.enum(["1", "true"]).optional(),
  atRisk: z.enum(["1", "true"]).optional(),
});
