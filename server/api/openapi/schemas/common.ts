import { z } from "zod";

/**
 * Building blocks of the documented response shapes. Response schemas are strict (no field
 * the serializer does not write, none missing), so the serializer tests catch any drift.
 */

/** An instant as the API writes it: ISO-8601 in UTC (`Date.toISOString()`). */
export const isoInstant = z.iso.datetime({ offset: false }).meta({ example: "2026-11-25T14:03:00.000Z" });

/** A calendar day "YYYY-MM-DD". */
export const calendarDay = z.iso.date().meta({ example: "2026-12-31" });

export const incidentRef = z
  .string()
  .regex(/^INC-\d+$/)
  .meta({ example: "INC-42" });

/** A person as incidents show them. */
export const personSchema = z.strictObject({ name: z.string(), email: z.string() }).meta({ id: "Person" });

/** A person with their user id, as postmortems and action items show them. */
export const userRefSchema = z.strictObject({ id: z.number().int(), name: z.string(), email: z.string() }).meta({ id: "UserRef" });

/** Every error: `{error: {code, message, fields?, requestId?}}`; a 409 adds `current`, the resource as it is now. */
export const errorSchema = z
  .strictObject({
    error: z.strictObject({
      code: z.enum([
        "validation_failed",
        "unauthenticated",
        "forbidden",
        "not_found",
        "conflict",
        "payload_too_large",
        "unsupported_media_type",
        "unprocessable",
        "rate_limited",
        "internal",
      ]),
      message: z.string(),
      fields: z.record(z.string(), z.string()).optional().meta({ description: "Field (dotted path) → what is wrong with it." }),
      requestId: z.string().optional().meta({ description: "Also the X-Request-Id header: quote it when reporting a problem." }),
    }),
    current: z.unknown().optional().meta({ description: "On 409: the resource as it is now, in the same shape as GET." }),
  })
  .meta({ id: "Error" });

/** `{items}`: a whole list. */
export const itemsOf = <T extends z.ZodType>(item: T) => z.strictObject({ items: z.array(item) });

/** `{items, nextCursor}`: one page; pass nextCursor back as `cursor` for the next (null on the last page). */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.strictObject({
    items: z.array(item),
    nextCursor: z.string().nullable().meta({ description: "Send as `cursor` to read the next page; null on the last one." }),
  });
