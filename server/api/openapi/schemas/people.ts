import { z } from "zod";
import { USER_ROLES } from "@/lib/roles";
import { SEVERITIES } from "@/lib/severity";
import { STATUSES } from "@/lib/incident-status";

/** A person as GET /api/v1/users lists them (server/api/json/user.ts). */
export const userSchema = z
  .strictObject({ id: z.number().int(), name: z.string(), email: z.string(), role: z.enum(USER_ROLES), active: z.boolean() })
  .meta({ id: "User" });

export const teamSchema = z
  .strictObject({
    id: z.number().int(),
    name: z.string(),
    serviceCount: z.number().int(),
    members: z.array(z.strictObject({ name: z.string(), email: z.string() })),
  })
  .meta({ id: "Team" });

/** GET /api/v1/search (lib/validation/search.ts SearchResults). */
export const searchResultsSchema = z
  .strictObject({
    incidents: z.array(z.strictObject({ reference: z.string(), title: z.string(), severity: z.enum(SEVERITIES), status: z.enum(STATUSES) })),
    services: z.array(z.strictObject({ slug: z.string(), name: z.string() })),
    people: z.array(z.strictObject({ id: z.number().int(), name: z.string(), email: z.string() })),
  })
  .meta({ id: "SearchResults" });

export const signInThrottleSchema = z
  .strictObject({
    kind: z.enum(["account_address", "address", "account"]),
    email: z.string().nullable(),
    address: z.string().nullable(),
    failures: z.number().int(),
    until: z.iso.datetime(),
    delayMs: z.number().int().optional().meta({ description: "For `account` slowdowns: the wait per attempt." }),
  })
  .meta({ id: "SignInThrottle" });

export const updateCadenceResponseSchema = z
  .strictObject(Object.fromEntries(SEVERITIES.map((s) => [s, z.number().int().nullable()])))
  .meta({ id: "UpdateCadence", description: "Minutes between stakeholder updates per severity; null for none." });
