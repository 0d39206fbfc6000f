import type { Incident } from "@/db/queries/incidents/detail";

/**
 * Median time to resolve (resolvedAt − startedAt, DESIGN.md) over a service's past incidents.
 * Drills are left out; incidents without a resolved time are left out and counted.
 */
export function medianTimeToResolve(incidents: Pick<Incident, "startedAt" | "resolvedAt" | "drill">[]) {
  const real = incidents.filter((i) => !i.drill);
  const durations = real
    .filter((i) => i.resolvedAt !== null)
    .map((i) => i.resolvedAt! - i.startedAt)
    .sort((a, b) => a - b);
  const n = durations.length;
  const median = n === 0 ? null : n % 2 ? durations[(n - 1) / 2]! : (durations[n / 2 - 1]! + durations[n / 2]!) / 2;
  return { median, counted: n, missing: real.length - n, drills: incidents.length - real.length };
}
