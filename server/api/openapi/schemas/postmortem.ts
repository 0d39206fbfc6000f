import { z } from "zod";
import { POSTMORTEM_STATUSES, REVIEW_CHECKLIST, SECTION_KEYS } from "@/lib/postmortem-template";
import { SEVERITIES } from "@/lib/severity";
import { STATUSES } from "@/lib/incident-status";
import { incidentRef, isoInstant, userRefSchema } from "./common";

/** Responses of server/api/json/postmortem.ts. */

const DUE_STATES = ["not_required", "not_due", "due", "overdue", "published"] as const;
const due = z.strictObject({ state: z.enum(DUE_STATES), dueAt: isoInstant.nullable() });

export const postmortemCommentSchema = z
  .strictObject({ id: z.number().int(), section: z.string(), body: z.string(), author: z.string(), createdAt: isoInstant })
  .meta({ id: "PostmortemComment" });

export const postmortemSchema = z
  .strictObject({
    id: z.number().int(),
    incident: incidentRef,
    status: z.enum(POSTMORTEM_STATUSES),
    version: z.number().int(),
    owner: userRefSchema.nullable(),
    sections: z.strictObject(Object.fromEntries(SECTION_KEYS.map((key) => [key, z.string()]))).meta({ description: "Markdown per section." }),
    factors: z.array(z.strictObject({ id: z.number().int(), name: z.string() })),
    tags: z.array(z.string()),
    reviewers: z.array(userRefSchema),
    reviewChecklist: z.strictObject(Object.fromEntries(REVIEW_CHECKLIST.map((c) => [c.key, z.boolean().meta({ description: c.label })]))),
    comments: z.array(postmortemCommentSchema),
    createdAt: isoInstant,
    updatedAt: isoInstant,
    submittedAt: isoInstant.nullable(),
    publishedAt: isoInstant.nullable(),
    publishedBy: z.string().nullable(),
    noActionItemsReason: z.string().nullable(),
    due,
  })
  .meta({ id: "Postmortem" });

export const postmortemListItemSchema = z
  .strictObject({
    incident: z.strictObject({
      reference: incidentRef,
      title: z.string(),
      severity: z.enum(SEVERITIES),
      status: z.enum(STATUSES),
      drill: z.boolean(),
      resolvedAt: isoInstant.nullable(),
    }),
    postmortemId: z.number().int().nullable(),
    status: z.enum([...POSTMORTEM_STATUSES, "not_started"]),
    owner: z.string().nullable(),
    due,
    updatedAt: isoInstant.nullable(),
    publishedAt: isoInstant.nullable(),
  })
  .meta({ id: "PostmortemListItem" });

export const factorSchema = z
  .strictObject({ id: z.number().int(), name: z.string(), description: z.string(), archived: z.boolean() })
  .meta({ id: "ContributingFactor" });
