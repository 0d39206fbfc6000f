/** DESIGN.md: a repeat incident shares a service and a contributing factor with one that started within the 90 days before. */
export const REPEAT_WINDOW_DAYS = 90;
const WINDOW_MS = REPEAT_WINDOW_DAYS * 86_400_000;

export type RepeatCandidate = { id: number; startedAt: number; serviceIds: number[]; factorIds: number[] };
export type RepeatMatch = { id: number; previousId: number; serviceId: number; factorId: number };

const earlier = (a: RepeatCandidate, b: RepeatCandidate) => a.startedAt < b.startedAt || (a.startedAt === b.startedAt && a.id < b.id);

/**
 * The definition the SQL in db/queries/insights/factors.ts follows: for each incident in
 * `ids`, the most recent earlier incident (started at most 90 days before it) sharing a
 * service and a factor with it; the service and factor reported are the lowest ids shared.
 * Incidents that share nothing are not repeats.
 */
export function findRepeats(incidents: readonly RepeatCandidate[], ids: ReadonlySet<number>): RepeatMatch[] {
  const matches: RepeatMatch[] = [];
  for (const incident of incidents) {
    if (!ids.has(incident.id)) continue;
    let best: RepeatMatch | null = null;
    let bestStart = -Infinity;
    for (const other of incidents) {
      if (other.id === incident.id || !earlier(other, incident) || incident.startedAt - other.startedAt > WINDOW_MS) continue;
      const service = incident.serviceIds.filter((s) => other.serviceIds.includes(s)).sort((a, b) => a - b)[0];
      const factor = incident.factorIds.filter((f) => other.factorIds.includes(f)).sort((a, b) => a - b)[0];
      if (service === undefined || factor === undefined) continue;
      if (other.startedAt > bestStart || (other.startedAt === bestStart && best && other.id > best.previousId)) {
        best = { id: incident.id, previousId: other.id, serviceId: service, factorId: factor };
        bestStart = other.startedAt;
      }
    }
    if (best) matches.push(best);
  }
  return matches;
}
