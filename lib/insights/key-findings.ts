import { changeOf } from "./ratio";
import { formatRate, formatSeconds, plural } from "./format";
import type { InsightsReport } from "./types";

export type Finding = { topic: string; text: string; tone: "better" | "worse" | "neutral" };

const tone = (delta: number, lowerIsBetter = true): Finding["tone"] => (delta === 0 ? "neutral" : delta < 0 === lowerIsBetter ? "better" : "worse");

/**
 * The few sentences a leader reads first: volume, speed, causes, follow-through and load,
 * each against the previous period, from the same report the charts show. Sentences whose
 * figures are missing are left out rather than guessed.
 */
export function keyFindings(report: InsightsReport): Finding[] {
  const findings: Finding[] = [];
  const days = `${report.period.days} days`;
  const { current, previous } = report.headline.incidents;

  const volume = changeOf(current.total, previous.total)!;
  const sev1 = current.bySeverity.SEV1;
  findings.push({
    topic: "Volume",
    text:
      `${plural(current.total, "incident")} in the last ${days}` +
      (previous.total || current.total
        ? `, ${volume.delta === 0 ? "as many as" : `${Math.abs(volume.delta)} ${volume.delta > 0 ? "more" : "fewer"} than`} the ${days} before (${previous.total})`
        : "") +
      `; ${plural(sev1, "SEV1")} (${previous.bySeverity.SEV1} before).`,
    tone: tone(volume.delta),
  });

  const mitigate = report.headline.durations.mitigate;
  if (mitigate.current.median !== null) {
    const change = changeOf(mitigate.current.median, mitigate.previous.median);
    const compare = change && change.delta !== 0 ? `, ${formatSeconds(Math.abs(change.delta))} ${change.delta < 0 ? "faster" : "slower"} than before` : "";
    findings.push({
      topic: "Speed",
      text: `Half of the incidents stopped hurting customers within ${formatSeconds(mitigate.current.median)}${compare}; one in ten took longer than ${formatSeconds(mitigate.current.p90)}.`,
      tone: change ? tone(change.delta) : "neutral",
    });
  }

  const top = report.factors.ranked[0];
  if (top && top.incidents > 0) {
    const change = top.incidents - top.previousIncidents;
    const repeats = report.factors.repeats.total;
    findings.push({
      topic: "Causes",
      text:
        `“${top.name}” is the most common contributing factor (${plural(top.incidents, "incident")}, ${top.previousIncidents} before)` +
        (repeats ? `; ${plural(repeats, "incident")} repeated a service and factor seen within 90 days.` : "."),
      tone: repeats || change > 0 ? "worse" : change < 0 ? "better" : "neutral",
    });
  }

  const service = report.services.rows[0];
  if (service) {
    const budget =
      service.budgetStatus === "exhausted" ? "; its error budget is exhausted" : service.budgetStatus === "at_risk" ? "; its error budget is at risk" : "";
    findings.push({
      topic: "Services",
      text: `${service.name} was hit most often (${plural(service.incidents, "incident")}, ${formatSeconds(service.impactMinutes * 60)} of impact)${budget}.`,
      tone: service.budgetStatus === "healthy" || service.budgetStatus === null ? "neutral" : "worse",
    });
  }

  const pm = report.headline.postmortemsOnTime;
  const items = report.headline.actionItemsOnTime;
  if (pm.current.rate !== null || items.current.rate !== null || report.headline.actionItemsOverdueNow) {
    const parts: string[] = [];
    if (pm.current.rate !== null)
      parts.push(`${formatRate(pm.current.rate)} of required postmortems were published on time (${formatRate(pm.previous.rate)} before)`);
    if (items.current.rate !== null) parts.push(`${formatRate(items.current.rate)} of action items due were done on time`);
    parts.push(`${plural(report.headline.actionItemsOverdueNow, "action item")} ${report.headline.actionItemsOverdueNow === 1 ? "is" : "are"} overdue now`);
    const pmChange = pm.current.rate !== null && pm.previous.rate !== null ? pm.current.rate - pm.previous.rate : 0;
    findings.push({ topic: "Follow-through", text: `${parts.join("; ")}.`, tone: tone(pmChange, false) });
  }

  const ooh = report.responders.outOfHours;
  if (ooh.rate !== null) {
    const busiest = report.responders.people[0];
    findings.push({
      topic: "Load",
      text:
        `${formatRate(ooh.rate)} of incidents were declared out of hours` +
        (busiest ? `; ${busiest.name} held a role on ${plural(busiest.incidents, "incident")}.` : "."),
      tone: "neutral",
    });
  }
  return findings;
}
