import { z } from "zod";
import { ACTION_STATUSES, KINDS, PRIORITIES } from "@/lib/action-items";
import { calendarDay, incidentRef, isoInstant, userRefSchema } from "./common";

/** Responses of server/api/json/action-item.ts. */

export const actionItemSchema = z
  .strictObject({
    id: z.number().int(),
    incident: z.strictObject({ reference: incidentRef, title: z.string() }),
    title: z.string(),
    description: z.string(),
    owner: userRefSchema.nullable(),
    dueDate: calendarDay.meta({ description: "Due at the end of that day." }),
    priority: z.enum(PRIORITIES),
    kind: z.enum(KINDS),
    status: z.enum(ACTION_STATUSES),
    overdue: z.boolean(),
    daysOverdue: z.number().int(),
    trackerUrl: z.string().nullable(),
    service: z.strictObject({ id: z.number().int(), slug: z.string(), name: z.string() }).nullable(),
    version: z.number().int(),
    createdAt: isoInstant,
    updatedAt: isoInstant,
    completedAt: isoInstant.nullable(),
  })
  .meta({ id: "ActionItem" });

export const incidentActionItemsSchema = z.strictObject({
  items: z.array(actionItemSchema),
  progress: z.strictObject({ done: z.number().int(), total: z.number().int(), wontDo: z.number().int() }),
});
