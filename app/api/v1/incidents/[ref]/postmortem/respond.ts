import { AppError } from "@/lib/errors";
import { toPostmortemJson, type PostmortemDetail } from "@/server/api/json/postmortem";
import { findActiveUserByEmail } from "@/db/queries/admin/users";
import type { Actor } from "@/lib/actor";

/**
 * Runs a postmortem write; a 409 carries the current postmortem in the API shape (the same
 * as GET) so a client can show both versions and keep what its user typed.
 */
export function withCurrentAsJson<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    const current = error instanceof AppError ? (error.details?.current as PostmortemDetail | undefined) : undefined;
    if (error instanceof AppError && current) {
      throw new AppError(error.code, error.message, error.fields, { ...error.details, current: toPostmortemJson(current) });
    }
    throw error;
  }
}

function userIdByEmail(actor: Actor, email: unknown, field: string): number {
  if (typeof email !== "string" || !email.trim())
    throw new AppError("validation_failed", `${field}: must be an email address`, { [field]: "Must be an email address" });
  const user = findActiveUserByEmail({ actor, email });
  if (!user)
    throw new AppError("validation_failed", `${field}: no active user with email ${email.trim()}`, { [field]: `No active user with email ${email.trim()}` });
  return user.id;
}

/**
 * API clients know people by email: `ownerEmail` (or null) becomes `ownerId` and
 * `reviewerEmails` becomes `reviewerIds`. Giving both forms of one is a 400.
 */
export function peopleByEmail(actor: Actor, input: unknown): unknown {
  if (!input || typeof input !== "object" || Array.isArray(input)) return input;
  const body: Record<string, unknown> = { ...(input as Record<string, unknown>) };
  if ("ownerEmail" in body) {
    if ("ownerId" in body)
      throw new AppError("validation_failed", "Give ownerId or ownerEmail, not both", { ownerEmail: "Give ownerId or ownerEmail, not both" });
    body.ownerId = body.ownerEmail === null ? null : userIdByEmail(actor, body.ownerEmail, "ownerEmail");
    delete body.ownerEmail;
  }
  if ("reviewerEmails" in body) {
    if ("reviewerIds" in body)
      throw new AppError("validation_failed", "Give reviewerIds or reviewerEmails, not both", {
        reviewerEmails: "Give reviewerIds or reviewerEmails, not both",
      });
    const emails = body.reviewerEmails;
    if (!Array.isArray(emails) || emails.length > 20)
      throw new AppError("validation_failed", "reviewerEmails: must be a list of at most 20 email addresses", {
        reviewerEmails: "Must be a list of email addresses",
      });
    body.reviewerIds = emails.map((email, i) => userIdByEmail(actor, email, `reviewerEmails.${i}`));
    delete body.reviewerEmails;
  }
  return body;
}
