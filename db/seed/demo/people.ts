import type { UserRole } from "../../../lib/roles";

/** One password for every demo account, printed by `npm run seed:demo`. */
export const DEMO_PASSWORD = "hindsight-demo-2026";

export const DEMO_PEOPLE = [
  { key: "priya", name: "Priya Raman", email: "priya.raman@example.com", role: "admin", title: "Engineering manager" },
  { key: "marcus", name: "Marcus Chen", email: "marcus.chen@example.com", role: "responder", title: "SRE, platform" },
  { key: "aisha", name: "Aisha Okafor", email: "aisha.okafor@example.com", role: "responder", title: "Payments backend" },
  { key: "tomas", name: "Tomás Silva", email: "tomas.silva@example.com", role: "responder", title: "Infrastructure and networking" },
  { key: "hannah", name: "Hannah Becker", email: "hannah.becker@example.com", role: "responder", title: "Security engineering" },
  { key: "jonas", name: "Jonas Lindqvist", email: "jonas.lindqvist@example.com", role: "responder", title: "Identity team" },
  { key: "grace", name: "Grace Kim", email: "grace.kim@example.com", role: "responder", title: "Support engineering" },
  { key: "elena", name: "Elena Petrova", email: "elena.petrova@example.com", role: "viewer", title: "Customer support lead" },
  { key: "david", name: "David Moore", email: "david.moore@example.com", role: "viewer", title: "VP product" },
] as const satisfies readonly { key: string; name: string; email: string; role: UserRole; title: string }[];

export type DemoPersonKey = (typeof DEMO_PEOPLE)[number]["key"];

/**
 * The alerting integration: an API token (as an admin would create for Alertmanager) that
 * declares the scenarios with `declaredBy: "alert"`. Like any token it is not a person, so
 * it leaves those incidents without a commander and unacknowledged until someone takes them.
 */
export const DEMO_ALERT_TOKEN = { name: "Alertmanager", role: "responder" } as const satisfies { name: string; role: UserRole };

export function demoPerson(key: DemoPersonKey) {
  return DEMO_PEOPLE.find((p) => p.key === key)!;
}
