export const SEVERITIES = ["SEV1", "SEV2", "SEV3", "SEV4"] as const;
export type Severity = (typeof SEVERITIES)[number];

export const SEVERITY_INFO: Record<Severity, { label: string; definition: string }> = {
  SEV1: { label: "Critical", definition: "Full outage of a core service, data loss, or security breach." },
  SEV2: { label: "Major", definition: "A core feature badly degraded for many customers." },
  SEV3: { label: "Minor", definition: "Limited impact, or a workaround exists." },
  SEV4: { label: "Low", definition: "No customer impact yet, a near miss, or internal only." },
};

export function isSeverity(value: unknown): value is Severity {
  return typeof value === "string" && (SEVERITIES as readonly string[]).includes(value);
}
