import { z } from "zod";
import { validationFailed } from "@/lib/errors";
import { normalizeAddress } from "./client-ip";

/** `DELETE /api/v1/sign-in-throttles?email=&address=` as strings; parseThrottleTarget checks them and needs one or both. */
export const throttleTargetQuerySchema = z.object({
  email: z.string().optional().meta({ description: "The account's email: its failures from every address (with address: that pair only)." }),
  address: z.string().optional().meta({ description: 'An IP address (or "unknown"): its failures for every account.' }),
});

export type ThrottleTarget = { email: string | null; address: string | null };

/**
 * What an admin clears: an account (email: its failures from every address), an address (its
 * failures for every account) or one pair (both). Emails are kept as typed at sign-in, lower-cased.
 */
export function parseThrottleTarget(input: { email?: unknown; address?: unknown }): ThrottleTarget {
  const fields: Record<string, string> = {};
  const text = (value: unknown) => (typeof value === "string" ? value.trim() : value == null ? "" : null);
  const emailText = text(input.email);
  const addressText = text(input.address);
  let email: string | null = null;
  let address: string | null = null;
  if (emailText === null) fields.email = "Must be text";
  else if (emailText.length > 254) fields.email = "At most 254 characters";
  else if (emailText) email = emailText.toLowerCase();
  if (addressText === null) fields.address = "Must be text";
  else if (addressText) {
    address = addressText === "unknown" ? "unknown" : normalizeAddress(addressText);
    if (!address) fields.address = "Not an IP address";
  }
  if (!Object.keys(fields).length && !email && !address) {
    fields.email = "Give an email, an address, or both";
    fields.address = "Give an address, an email, or both";
  }
  if (Object.keys(fields).length) throw validationFailed(fields);
  return { email, address };
}
