// The demo's action items (~60): by incident title, with what became of each. Old incidents'
// items are mostly done (on time or late), a few still open past their due date or dropped;
// recent ones are open or in progress. db/seed/demo/write-postmortems.ts turns them into rows.
import { z } from "zod";
import { KINDS, PRIORITIES, PRIORITY_INFO } from "../../../lib/action-items";
import actionItems from "./content/action-items.json";
import { personKey } from "./one-of";

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/**
 * What happened to the item: done before its due date (after `days` days), done `days`
 * days late, still open or in progress, or dropped after `days` days with a reason.
 */
const outcome = z.discriminatedUnion("is", [
  z.object({ is: z.literal("on_time"), days: z.number().optional() }),
  z.object({ is: z.literal("late"), days: z.number() }),
  z.object({ is: z.literal("open") }),
  z.object({ is: z.literal("in_progress"), days: z.number().optional() }),
  z.object({ is: z.literal("wont_do"), days: z.number(), reason: z.string() }),
]);
export type DemoOutcome = z.infer<typeof outcome>;

const actionItemSpec = z.object({
  title: z.string(),
  description: z.string(),
  priority: z.enum(PRIORITIES),
  kind: z.enum(KINDS),
  owner: personKey,
  service: z.string().optional(),
  /** Number of the ticket at https://tracker.example.com/OPS-n */
  ticket: z.number().optional(),
  /** Due this many days after creation, instead of the priority's default. */
  dueInDays: z.number().optional(),
  outcome,
});
export type DemoActionItemSpec = z.infer<typeof actionItemSpec>;

export const trackerUrl = (ticket: number) => `https://tracker.example.com/OPS-${ticket}`;

/** By incident title (db/seed/demo/scenarios.ts), from content/action-items.json. */
export const DEMO_ACTION_ITEMS = z.record(z.string(), z.array(actionItemSpec)).parse(actionItems);

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** End of a "YYYY-MM-DD" day (UTC, the organisation's default zone). */
const endOfDay = (date: string) => Date.parse(`${date}T00:00:00Z`) + DAY - 1;

export type PlannedActionItem = {
  spec: DemoActionItemSpec;
  createdAt: number;
  dueDate: string;
  status: "open" | "in_progress" | "done" | "wont_do";
  /** When work started (in progress); null otherwise. */
  startedAt: number | null;
  completedAt: number | null;
};

/**
 * Dates and status of one item created at `createdAt`, as of `now`. An outcome that would
 * lie in the future is not reached yet: the item is still in progress (or open).
 */
export function planActionItem(spec: DemoActionItemSpec, createdAt: number, now: number): PlannedActionItem {
  const dueDate = isoDay(createdAt + (spec.dueInDays ?? PRIORITY_INFO[spec.priority].dueInDays) * DAY);
  const due = endOfDay(dueDate);
  const plan = (status: PlannedActionItem["status"], startedAt: number | null, completedAt: number | null): PlannedActionItem => ({
    spec,
    createdAt,
    dueDate,
    status,
    startedAt,
    completedAt,
  });
  const past = (t: number) => t <= now - HOUR;
  const midday = (t: number) => Math.max(createdAt, Math.min(t, now - 2 * HOUR));
  switch (spec.outcome.is) {
    case "on_time": {
      const done = Math.min(createdAt + (spec.outcome.days ?? 10) * DAY, due - 6 * HOUR);
      return past(done) ? plan("done", null, done) : plan("in_progress", midday(createdAt + DAY), null);
    }
    case "late": {
      const done = due + spec.outcome.days * DAY - 5 * HOUR;
      return past(done) ? plan("done", null, done) : plan("in_progress", midday(createdAt + 2 * DAY), null);
    }
    case "wont_do": {
      const dropped = createdAt + spec.outcome.days * DAY;
      return past(dropped) ? plan("wont_do", null, dropped) : plan("open", null, null);
    }
    case "in_progress":
      return plan("in_progress", midday(createdAt + (spec.outcome.days ?? 3) * DAY), null);
    case "open":
      return plan("open", null, null);
  }
}
