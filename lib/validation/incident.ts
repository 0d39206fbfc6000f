import { z } from "zod";
import { pageFields, requiredTextField, textField, userIdField, versionField } from "./fields";
import { SEVERITIES, isSeverity, type Severity } from "../severity";
import { STATUSES } from "../incident-status";
import { IMPACT_LEVELS } from "../error-budget";
import { BOUNDS_MESSAGE, EARLIEST_DAY, LATEST_DAY } from "./day-bounds";

export const TITLE_MAX = 200;
export const SUMMARY_MAX = 20_000;
export const NOTE_MAX = 20_000;
/** A status update message goes to stakeholders: short enough to read on a phone or a status page. */
export const UPDATE_MESSAGE_MAX = 2_000;

const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):?(\d{2}))$/;

/**
 * Whether the calendar and clock parts name a real moment. Date.parse rolls impossible
 * values over ("2026-02-30" becomes 2 March, "24:00" the next day), so check each part.
 */
function isRealDateTime(value: string): boolean {
  const parts = ISO_DATE_TIME.exec(value);
  if (!parts) return false;
  const [year, month, day, hour, minute, second, offsetHours, offsetMinutes] = parts.slice(1).map((p) => Number(p ?? 0)) as number[];
  const date = new Date(Date.UTC(year!, month! - 1, day!));
  return (
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month! - 1 &&
    date.getUTCDate() === day &&
    hour! <= 23 &&
    minute! <= 59 &&
    second! <= 59 &&
    offsetHours! <= 23 &&
    offsetMinutes! <= 59
  );
}

/** An ISO-8601 date-time with a time zone (e.g. 2026-11-25T14:03:00Z), as epoch ms. */
export const isoDateTime = z
  .string({ error: "Must be an ISO-8601 date-time string" })
  .trim()
  .regex(ISO_DATE_TIME, "Must be an ISO-8601 date-time with a time zone, e.g. 2026-11-25T14:03:00Z")
  .transform((value, ctx) => {
    const ms = Date.parse(value);
    if (Number.isNaN(ms) || !isRealDateTime(value)) {
      ctx.addIssue({ code: "custom", message: "Not a real date" });
      return z.NEVER;
    }
    return ms;
  })
  .meta({ description: "ISO-8601 date-time with a time zone, e.g. 2026-11-25T14:03:00Z" });

const title = requiredTextField("Title", TITLE_MAX);
const summary = textField("Summary", SUMMARY_MAX);
const severity = z.enum(SEVERITIES, { error: `Must be one of ${SEVERITIES.join(", ")}` });
const status = z.enum(STATUSES, { error: `Must be one of ${STATUSES.join(", ")}` });
const flag = z.boolean({ error: "Must be true or false" });
const email = z.string({ error: "Must be an email address" }).trim().toLowerCase().email("Must be an email address");

export const declareIncidentSchema = z.strictObject({
  title,
  severity,
  summary: summary.optional(),
  startedAt: isoDateTime.optional(),
  detectedAt: isoDateTime.optional(),
  private: flag.optional(),
  drill: flag.optional(),
  services: z
    .array(
      z.strictObject({
        service: z.string({ error: "Must be a service slug" }).trim().toLowerCase().min(1, "Service is required").max(60),
        impact: z.enum(IMPACT_LEVELS, { error: `Impact must be one of ${IMPACT_LEVELS.join(", ")}` }),
      }),
      { error: "Must be a list of {service, impact}" },
    )
    .max(20, "At most 20 services")
    .optional(),
});
export type DeclareIncidentInput = z.infer<typeof declareIncidentSchema>;

const nullableTime = isoDateTime.nullable();

export const updateIncidentSchema = z
  .strictObject({
    version: versionField,
    title: title.optional(),
    summary: summary.optional(),
    severity: severity.optional(),
    status: status.optional(),
    private: flag.optional(),
    drill: flag.optional(),
    /** Lead roles by email or by id (not both); null unassigns. */
    commanderEmail: email.nullable().optional(),
    commanderId: userIdField.nullable().optional(),
    communicationsEmail: email.nullable().optional(),
    communicationsId: userIdField.nullable().optional(),
    scribeEmail: email.nullable().optional(),
    scribeId: userIdField.nullable().optional(),
    startedAt: isoDateTime.optional(),
    detectedAt: nullableTime.optional(),
    acknowledgedAt: nullableTime.optional(),
    mitigatedAt: nullableTime.optional(),
    resolvedAt: nullableTime.optional(),
    closedAt: nullableTime.optional(),
    /** Optional update message for stakeholders, posted to the timeline with a status change. */
    message: z
      .string({ error: "Must be a string" })
      .trim()
      .max(UPDATE_MESSAGE_MAX, `Update message must be at most ${UPDATE_MESSAGE_MAX} characters`)
      .transform((value) => value || undefined)
      .optional(),
  })
  .superRefine((input, ctx) => {
    if (input.message && input.status === undefined) {
      ctx.addIssue({ code: "custom", path: ["message"], message: "An update message goes with a status change: send status too (or post a note)" });
    }
  });
export type UpdateIncidentInput = z.infer<typeof updateIncidentSchema>;

export const addNoteSchema = z.strictObject({
  body: requiredTextField("Note", NOTE_MAX, { empty: "Note cannot be empty" }),
  occurredAt: isoDateTime.optional(),
  highlighted: flag.optional(),
});
export type AddNoteInput = z.infer<typeof addNoteSchema>;

/** PATCH of a timeline entry. */
export const highlightEntrySchema = z.strictObject({ highlighted: flag });

const SEVERITY_CHOICES = `Must be one of ${SEVERITIES.join(", ")}`;
const TEAM_ID = "Must be a team id (a positive whole number)";

/** One severity ("SEV2") or a comma-separated list ("SEV1,SEV2"), as a list without repeats. */
const severityFilter = z
  .string({ error: SEVERITY_CHOICES })
  .max(60, `${SEVERITY_CHOICES}, or a comma-separated list of them`)
  .transform((value, ctx) => {
    const parts = value.split(",").map((part) => part.trim());
    const unknown = parts.find((part) => !isSeverity(part));
    if (unknown === undefined) return [...new Set(parts)] as Severity[];
    ctx.addIssue({
      code: "custom",
      message:
        parts.length === 1
          ? SEVERITY_CHOICES
          : `${SEVERITY_CHOICES}, or a comma-separated list of them (${unknown ? `"${unknown}" is not` : "an item is empty"})`,
    });
    return z.NEVER;
  });

/** A calendar day as YYYY-MM-DD that exists (no 30 February), within the queryable days. */
const calendarDay = z
  .string({ error: "Must be a date as YYYY-MM-DD" })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Must be a date as YYYY-MM-DD, e.g. 2026-08-27")
  .superRefine((value, ctx) => {
    if (!isRealDateTime(`${value}T00:00Z`)) ctx.addIssue({ code: "custom", message: `${value} is not a real calendar date` });
    else if (value < EARLIEST_DAY || value > LATEST_DAY) ctx.addIssue({ code: "custom", message: BOUNDS_MESSAGE });
  });

/**
 * Query of GET /api/v1/incidents and of the incident list (strings, as in a URL). `from`/`to`
 * are days in the organisation's time zone: the incident started on or after the start of
 * `from` and before the end of `to`. `team`: it affects a service that team owns. `drill`:
 * 0 leaves drills out, 1 lists only drills.
 */
export const listIncidentsSchema = z
  .object({
    status: z.union([status, z.enum(["active", "inactive"])], { error: `Must be one of ${STATUSES.join(", ")}, active, inactive` }).optional(),
    severity: severityFilter.optional(),
    q: z.string().trim().max(200, "Search text must be at most 200 characters").optional(),
    ...pageFields,
    mine: z.enum(["1", "true"]).optional(),
    service: z.string().trim().toLowerCase().max(60, "Service slug must be at most 60 characters").optional(),
    from: calendarDay.optional(),
    to: calendarDay.optional(),
    team: z.coerce.number({ error: TEAM_ID }).int(TEAM_ID).positive(TEAM_ID).max(Number.MAX_SAFE_INTEGER, TEAM_ID).optional(),
    drill: z
      .enum(["0", "1"], { error: "Must be 0 (leave drills out) or 1 (only drills)" })
      .transform((value) => value === "1")
      .optional(),
  })
  .superRefine((query, ctx) => {
    if (query.from && query.to && query.to < query.from) {
      ctx.addIssue({ code: "custom", path: ["to"], message: `Must be on or after from (${query.from})` });
    }
  });
export type ListIncidentsInput = z.infer<typeof listIncidentsSchema>;

/** "INC-42" (any case) → 42; null for anything else. */
export function parseReference(ref: string): number | null {
  const match = /^inc-(\d{1,12})$/i.exec(ref.trim());
  if (!match) return null;
  const id = Number(match[1]);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

export const incidentReference = (id: number) => `INC-${id}`;

/** POST /api/v1/incidents/{ref}/responders: the person by id or by email. */
export const addResponderSchema = z.strictObject({ userId: userIdField.optional(), email: email.optional() }).superRefine((data, ctx) => {
  if (data.userId === undefined && data.email === undefined) ctx.addIssue({ code: "custom", path: ["userId"], message: "Required: userId or email" });
});

/** DELETE /api/v1/incidents/{ref}/responders/{person}: a user id or an email. */
export const responderPathSchema = z.object({
  person: z.string().trim().min(1).max(254).meta({ description: "The responder's user id or email.", example: "sam@example.com" }),
});
