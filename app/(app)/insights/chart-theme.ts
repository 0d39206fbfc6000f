import type { Severity } from "@/lib/severity";

/**
 * Chart colours: the severity pills' hues (SEV1 red, SEV2 orange, SEV3 amber, SEV4 sky),
 * one step darker for SEV2, SEV3 and SEV4 so the bars stand out on white and on zinc-900 alike.
 * Bars are separated by a thin outline, and every chart has a legend and a data table, so
 * colour is never the only way to tell the series apart.
 */
export const SEVERITY_COLORS: Record<Severity, string> = {
  SEV1: "#dc2626", // red-600
  SEV2: "#f97316", // orange-500
  SEV3: "#fbbf24", // amber-400
  SEV4: "#38bdf8", // sky-400
};

/** Series that are not severities: blue and teal read apart for the common colour-vision deficiencies. */
export const SERIES_COLORS = {
  primary: "#2563eb", // blue-600
  secondary: "#0d9488", // teal-600
  muted: "#a1a1aa", // zinc-400
  line: "#7c3aed", // violet-600
  late: "#f97316", // orange-500
  overdue: "#dc2626", // red-600
} as const;

/** Axis text and grid lines follow the surrounding text colour, so dark mode needs nothing else. */
export const axisTick = { fill: "currentColor", fontSize: 11 } as const;
export const axisLabelStyle = { fill: "currentColor", fontSize: 11, fontWeight: 500 } as const;
export const gridProps = { stroke: "currentColor", strokeOpacity: 0.15, vertical: false } as const;
/** The chart box: text colour for axes, and a fixed height so the page does not jump when it hydrates. */
export const chartBoxClass = "w-full text-zinc-600 [--chart-gap:#ffffff] dark:text-zinc-400 dark:[--chart-gap:#18181b]";

/** Props of a time-bucket X axis (weeks or months) with its label. */
export function bucketXAxisProps(label: string) {
  return {
    dataKey: "label",
    tick: axisTick,
    stroke: "currentColor",
    strokeOpacity: 0.4,
    interval: "preserveStartEnd" as const,
    minTickGap: 12,
    label: { value: label, position: "insideBottom" as const, offset: -12, style: axisLabelStyle },
  };
}

/** Props of a whole-number Y axis with a vertical label. */
export function countYAxisProps(label: string) {
  return {
    allowDecimals: false,
    tick: axisTick,
    stroke: "currentColor",
    strokeOpacity: 0.4,
    width: 40,
    label: { value: label, angle: -90, position: "insideLeft" as const, offset: 10, style: { ...axisLabelStyle, textAnchor: "middle" as const } },
  };
}
