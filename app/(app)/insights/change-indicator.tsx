import { ArrowDownRight, ArrowRight, ArrowUpRight } from "lucide-react";
import { formatCount, formatRate, formatSeconds } from "@/lib/insights/format";

type Props =
  /** Counts of incidents or overdue items: fewer is better. */
  | { kind: "count"; current: number; previous: number }
  /** Durations in seconds: shorter is better. */
  | { kind: "duration"; current: number | null; previous: number | null }
  /** Shares from 0 to 1: higher is better. */
  | { kind: "rate"; current: number | null; previous: number | null };

type Change = { direction: "up" | "down" | "same" | "none"; better: boolean | null; text: string };

export function describeChange(props: Props): Change {
  const { current, previous } = props;
  if (current === null || previous === null) return { direction: "none", better: null, text: "No figure to compare with before" };
  const diff = current - previous;
  if (props.kind === "count") {
    if (diff === 0) return { direction: "same", better: null, text: `Same as before (${formatCount(previous)})` };
    const percent = previous > 0 ? ` (${diff > 0 ? "+" : "−"}${Math.round((Math.abs(diff) / previous) * 100)}%)` : "";
    return {
      direction: diff > 0 ? "up" : "down",
      better: diff < 0,
      text: `${formatCount(Math.abs(diff))} ${diff > 0 ? "more" : "fewer"}${percent} than before (${formatCount(previous)})`,
    };
  }
  if (props.kind === "duration") {
    // Under half a minute apart reads as the same.
    if (Math.abs(diff) < 30) return { direction: "same", better: null, text: `Same as before (${formatSeconds(previous)})` };
    return {
      direction: diff > 0 ? "up" : "down",
      better: diff < 0,
      text: `${formatSeconds(Math.abs(diff))} ${diff > 0 ? "longer" : "shorter"} than before (${formatSeconds(previous)})`,
    };
  }
  const points = Math.round(diff * 100);
  if (points === 0) return { direction: "same", better: null, text: `Same as before (${formatRate(previous)})` };
  return {
    direction: points > 0 ? "up" : "down",
    better: points > 0,
    text: `${Math.abs(points)} ${Math.abs(points) === 1 ? "point" : "points"} ${points > 0 ? "higher" : "lower"} than before (${formatRate(previous)})`,
  };
}

const ICON = { up: ArrowUpRight, down: ArrowDownRight, same: ArrowRight, none: ArrowRight } as const;

/** The change against the previous period: an arrow and words, the colour only repeats what they say. */
export function ChangeIndicator(props: Props) {
  const change = describeChange(props);
  const Icon = ICON[change.direction];
  const tone =
    change.better === true
      ? "text-green-700 dark:text-green-400"
      : change.better === false
        ? "text-red-700 dark:text-red-400"
        : "text-zinc-600 dark:text-zinc-400";
  return (
    <p className={`flex items-start gap-1 text-xs font-medium ${tone}`}>
      <Icon aria-hidden className="mt-px h-3.5 w-3.5 shrink-0" />
      <span>
        {change.text}
        {change.better === null ? null : <span className="sr-only">{change.better ? " (better)" : " (worse)"}</span>}
      </span>
    </p>
  );
}
