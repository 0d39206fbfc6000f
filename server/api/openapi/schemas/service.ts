import { z } from "zod";
import { IMPACT_LEVELS } from "@/lib/error-budget";
import { incidentRef, isoInstant } from "./common";

/** Responses of server/api/json/service.ts. */

const budgetStatus = z.enum(["healthy", "at_risk", "exhausted"]);
const link = z.strictObject({ label: z.string(), url: z.string() });

export const budgetSchema = z
  .strictObject({
    budgetMinutes: z.number(),
    spentMinutes: z.number(),
    remainingMinutes: z.number(),
    remainingPercent: z.number(),
    status: budgetStatus,
    windowStart: isoInstant,
    windowEnd: isoInstant,
    incidents: z
      .array(z.strictObject({ reference: incidentRef.nullable(), title: z.string().nullable(), minutes: z.number(), overridden: z.boolean() }))
      .meta({ description: "The incidents that spent it; one you may not see has no reference or title." }),
  })
  .meta({ id: "ErrorBudget" });

export const sloSchema = z
  .strictObject({
    id: z.number().int(),
    name: z.string(),
    sliDescription: z.string(),
    objective: z.number(),
    windowDays: z.number().int(),
    version: z.number().int(),
    budget: budgetSchema,
    createdAt: isoInstant,
    updatedAt: isoInstant,
  })
  .meta({ id: "Slo" });

const serviceFields = {
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  team: z.strictObject({ id: z.number().int(), name: z.string() }).nullable(),
  tier: z.number().int(),
  runbookUrl: z.string().nullable(),
  links: z.array(link),
  version: z.number().int(),
  openIncidents: z.number().int(),
  worstStatus: budgetStatus.nullable(),
  sloCount: z.number().int().nullable(),
  createdAt: isoInstant,
  updatedAt: isoInstant,
};

export const serviceSchema = z.strictObject(serviceFields).meta({ id: "Service" });

export const serviceDetailSchema = z.strictObject({ ...serviceFields, slos: z.array(sloSchema) }).meta({ id: "ServiceDetail" });

export const linkedServiceSchema = z
  .strictObject({
    slug: z.string(),
    name: z.string(),
    tier: z.number().int(),
    teamName: z.string().nullable(),
    impact: z.enum(IMPACT_LEVELS),
    linkedAt: isoInstant,
  })
  .meta({ id: "LinkedService" });

export const sloSpendSchema = z
  .strictObject({
    slo: z.strictObject({ id: z.number().int(), name: z.string(), objective: z.number(), windowDays: z.number().int() }),
    service: z.strictObject({ slug: z.string(), name: z.string() }),
    budgetMinutes: z.number(),
    spentMinutes: z.number(),
    overridden: z.strictObject({ minutes: z.number(), reason: z.string() }).nullable(),
    status: budgetStatus,
    pushed: z.boolean().meta({ description: "This incident's spend moved the SLO to at risk or exhausted." }),
  })
  .meta({ id: "SloSpend" });
