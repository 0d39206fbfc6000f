import "server-only";
import { eq } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import type { UserRole } from "@/lib/roles";
import { users } from "../schema";
import type { Reader } from "../types";

// The one place the API's people are resolved: forms send ids, API clients may send emails
// instead (DESIGN.md: resources by reference). Each miss is a 400 naming the field sent.

export type Person = { id: number; name: string; email: string; role: UserRole };

/** The fields a person may come in: e.g. {id: "ownerId", email: "ownerEmail"}. */
export type PersonFields = { id: string; email: string };

function invalid(field: string, message: string): AppError {
  return new AppError("validation_failed", `${field}: ${message}`, { [field]: message });
}

/** An active user by id or by email, else a 400 naming `field`. */
export async function activePerson(db: Reader, by: { id: number } | { email: string }, field: string): Promise<Person> {
  const email = "email" in by ? by.email.trim().toLowerCase() : null;
  const row = (
    await db
      .select({ id: users.id, name: users.name, email: users.email, role: users.role, disabled: users.disabled })
      .from(users)
      .where(email !== null ? eq(users.email, email) : eq(users.id, (by as { id: number }).id))
  )[0];
  if (!row || row.disabled) throw invalid(field, email !== null ? `No active user with email ${email}` : `No active user with id ${(by as { id: number }).id}`);
  return { id: row.id, name: row.name, email: row.email, role: row.role };
}

/**
 * One person given by id or by email (not both): the person, null when the field was sent as
 * null (unassign), undefined when neither was sent.
 */
export async function personFrom(db: Reader, given: { id?: number | null; email?: string | null }, fields: PersonFields): Promise<Person | null | undefined> {
  if (given.id !== undefined && given.email !== undefined) throw invalid(fields.email, `Give ${fields.id} or ${fields.email}, not both`);
  if (given.email !== undefined) return given.email === null ? null : await activePerson(db, { email: given.email }, fields.email);
  if (given.id !== undefined) return given.id === null ? null : await activePerson(db, { id: given.id }, fields.id);
  return undefined;
}

/** A list of people given by ids or by emails (not both), without repeats; undefined when neither was sent. */
export async function peopleFrom(
  db: Reader,
  given: { ids?: number[]; emails?: string[] },
  fields: { ids: string; emails: string },
): Promise<Person[] | undefined> {
  if (given.ids !== undefined && given.emails !== undefined) throw invalid(fields.emails, `Give ${fields.ids} or ${fields.emails}, not both`);
  let found: Person[] | undefined;
  if (given.emails !== undefined) {
    found = [];
    for (const [i, email] of given.emails.entries()) found.push(await activePerson(db, { email }, `${fields.emails}.${i}`));
  } else if (given.ids !== undefined) {
    found = [];
    for (const id of given.ids) found.push(await activePerson(db, { id }, fields.ids));
  }
  return found?.filter((person, i) => found.findIndex((p) => p.id === person.id) === i);
}
