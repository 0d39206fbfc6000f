import { z } from "zod";
import { timelineEntries } from "@/db/schema";
import { SEVERITIES } from "@/lib/severity";
import { STATUSES } from "@/lib/incident-status";
import { IMPACT_LEVELS } from "@/lib/error-budget";
import { incidentRef, isoInstant, personSchema } from "./common";

/** Responses of server/api/json/incident.ts. */

const TIMESTAMP_SOURCES = ["status_change", "manual", "alert", "backdated"] as const;
const sourced = z.enum(TIMESTAMP_SOURCES).nullable();

const incidentCore = {
  reference: incidentRef,
  id: z.number().int(),
  title: z.string(),
  summary: z.string(),
  severity: z.enum(SEVERITIES),
  status: z.enum(STATUSES),
  private: z.boolean(),
  drill: z.boolean(),
  version: z.number().int().meta({ description: "Send it back with a change; a stale one gets 409." }),
  startedAt: isoInstant,
  detectedAt: isoInstant.nullable(),
  declaredAt: isoInstant,
  acknowledgedAt: isoInstant.nullable(),
  mitigatedAt: isoInstant.nullable(),
  resolvedAt: isoInstant.nullable(),
  closedAt: isoInstant.nullable(),
  timestampSources: z
    .strictObject({
      startedAt: sourced,
      detectedAt: sourced,
      acknowledgedAt: sourced,
      mitigatedAt: sourced,
      resolvedAt: sourced,
      closedAt: sourced,
    })
    .meta({ description: "Where each time came from: set by a status change, typed in, backdated, or taken from an alert." }),
  createdAt: isoInstant,
  updatedAt: isoInstant,
};

export const affectedServiceSchema = z.strictObject({ slug: z.string(), name: z.string(), impact: z.enum(IMPACT_LEVELS) });

export const incidentSchema = z
  .strictObject({
    ...incidentCore,
    commander: personSchema.nullable(),
    communications: personSchema.nullable(),
    scribe: personSchema.nullable(),
    responders: z.array(personSchema),
    services: z.array(affectedServiceSchema),
  })
  .meta({ id: "Incident" });

export const incidentListItemSchema = z.strictObject({ ...incidentCore, commander: personSchema.nullable() }).meta({ id: "IncidentListItem" });

export const timelineEntrySchema = z
  .strictObject({
    id: z.number().int(),
    occurredAt: isoInstant,
    kind: z.enum(timelineEntries.kind.enumValues),
    body: z.string(),
    author: z.string(),
    highlighted: z.boolean(),
    meta: z.unknown().meta({ description: "For automatic entries: what changed, e.g. {field, from, to}; null for notes." }),
    createdAt: isoInstant,
  })
  .meta({ id: "TimelineEntry" });

export const checklistItemSchema = z
  .strictObject({
    id: z.number().int(),
    text: z.string(),
    link: z.string().nullable(),
    playbook: z.string(),
    position: z.number().int(),
    done: z.boolean(),
    doneAt: isoInstant.nullable(),
    doneBy: z.string().nullable(),
    autoCheck: z.string().nullable().meta({ description: "The condition that ticks it by itself, if any." }),
  })
  .meta({ id: "ChecklistItem" });

export const checklistSchema = z.strictObject({
  items: z.array(checklistItemSchema),
  progress: z.strictObject({ done: z.number().int(), total: z.number().int() }),
});
