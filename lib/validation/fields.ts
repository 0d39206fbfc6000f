import { z } from "zod";

/** Field builders shared by the input schemas, so one kind of field has one set of messages. */

/** The version the client last read, which every version-checked write requires. */
export const versionField = z
  .number({ error: "Required: the version you last read" })
  .int("Must be a whole number")
  .positive("Must be positive")
  .meta({ description: "The version you last read; a stale one gets 409 with the current state." });

/** `limit` and `cursor` of a paged list query: 1 to 200 rows, 50 when not given. */
export const pageFields = {
  limit: z.coerce.number({ error: "Must be a number" }).int("Must be a whole number").min(1, "Must be at least 1").max(200, "Must be at most 200").default(50),
  cursor: z.string().max(200).optional(),
};

type TextMessages = { /** When it is not a string at all. */ missing?: string; /** When it is empty after trimming. */ empty?: string };

/** Trimmed text of at most `max` characters, called `label` in the message ("Summary must be at most 2000 characters"). */
export function textField(label: string, max: number, messages: Pick<TextMessages, "missing"> = {}) {
  return z
    .string({ error: messages.missing ?? "Must be a string" })
    .trim()
    .max(max, `${label} must be at most ${max} characters`);
}

/** The same, and not empty ("Title is required" unless `empty` says otherwise). */
export function requiredTextField(label: string, max: number, messages: TextMessages = {}) {
  return z
    .string({ error: messages.missing ?? "Must be a string" })
    .trim()
    .min(1, messages.empty ?? `${label} is required`)
    .max(max, `${label} must be at most ${max} characters`);
}

/** A person named by email (API clients know people by email; forms send ids). */
export const personEmailField = z
  .string({ error: "Must be an email address" })
  .trim()
  .toLowerCase()
  .max(254, "Email is too long")
  .email("Must be an email address");

/** A person named by id. */
export const userIdField = z.number({ error: "Must be a user id" }).int("Must be a user id").positive("Must be a user id");
