"use client";
import { useEffect, useId, useRef, useState } from "react";
import { AT_RISK_BELOW_PERCENT } from "@/lib/error-budget";
import { formatMinutes, formatMinutesNumber, formatPercent } from "./budget-format";

type Point = { at: number; remainingMinutes: number };

const HEIGHT = 220;
const MARGIN = { top: 22, right: 14, bottom: 42, left: 50 };

/** Where the line first goes from above `level` to at or below it, by linear interpolation. */
export function crossing(points: Point[], level: number): number | null {
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    if (a.remainingMinutes > level && b.remainingMinutes <= level) {
      const share = (a.remainingMinutes - level) / (a.remainingMinutes - b.remainingMinutes);
      return a.at + (b.at - a.at) * share;
    }
  }
  return null;
}

/**
 * Remaining error budget across an SLO's window: an inline SVG with labelled axes, the
 * budget, 25 % and zero lines, and markers where it crossed 25 % and 0. The same figures
 * are in a "Show data" table for screen readers and anyone who wants the numbers.
 */
export function BudgetBurnDownChart({
  points,
  budgetMinutes,
  windowDays,
  sloName,
}: {
  points: Point[];
  budgetMinutes: number;
  windowDays: number;
  sloName: string;
}) {
  const id = useId();
  const box = useRef<HTMLDivElement>(null);
  // Drawn at the real pixel width so text stays readable on a phone; UTC until the browser's zone is known.
  const [width, setWidth] = useState(640);
  const [timeZone, setTimeZone] = useState<string | undefined>("UTC");
  useEffect(() => {
    setTimeZone(undefined);
    const element = box.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.max(260, Math.round(entry.contentRect.width)));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const day = (ms: number) => new Date(ms).toLocaleDateString("en-GB", { day: "numeric", month: "short", timeZone });
  const dayTime = (ms: number) =>
    new Date(ms).toLocaleString("en-GB", {
      day: "numeric",
      month: "short",
      hour: "2-digit",
      minute: "2-digit",
      timeZone,
      timeZoneName: timeZone ? "short" : undefined,
    });

  if (points.length < 2) return null;
  const first = points[0]!;
  const last = points[points.length - 1]!;
  const atRiskLevel = (budgetMinutes * AT_RISK_BELOW_PERCENT) / 100;
  const lowest = Math.min(0, ...points.map((p) => p.remainingMinutes));
  const yMax = budgetMinutes > 0 ? budgetMinutes : 1;
  const yMin = lowest < 0 ? lowest - (yMax - lowest) * 0.05 : 0;
  const plotW = width - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = (at: number) => MARGIN.left + ((at - first.at) / Math.max(1, last.at - first.at)) * plotW;
  const y = (minutes: number) => MARGIN.top + ((yMax - minutes) / (yMax - yMin)) * plotH;
  const line = points.map((p, i) => `${i ? "L" : "M"}${x(p.at).toFixed(1)},${y(p.remainingMinutes).toFixed(1)}`).join(" ");
  const area = `${line} L${x(last.at).toFixed(1)},${y(Math.max(0, yMin)).toFixed(1)} L${x(first.at).toFixed(1)},${y(Math.max(0, yMin)).toFixed(1)} Z`;
  const atRiskAt = crossing(points, atRiskLevel);
  const exhaustedAt = crossing(points, 0);
  const tone =
    last.remainingMinutes <= 0
      ? "text-red-600 dark:text-red-400"
      : last.remainingMinutes < atRiskLevel
        ? "text-amber-600 dark:text-amber-400"
        : "text-green-700 dark:text-green-400";

  const xTickCount = width < 420 ? 3 : width < 640 ? 4 : 5;
  const xTicks = Array.from({ length: xTickCount }, (_, k) => first.at + ((last.at - first.at) * k) / (xTickCount - 1));
  const yTicks = [0, 0.25, 0.5, 0.75, 1].map((share) => budgetMinutes * share);
  if (lowest < 0) yTicks.push(lowest);

  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  const percentOf = (minutes: number) => (budgetMinutes > 0 ? (minutes / budgetMinutes) * 100 : 100);
  const summary = [
    `Starts at ${formatMinutes(first.remainingMinutes)} on ${day(first.at)} and is ${formatMinutes(last.remainingMinutes)} (${formatPercent(percentOf(last.remainingMinutes))}) now.`,
    atRiskAt ? `Fell below 25 % on ${dayTime(atRiskAt)}.` : "Never fell below 25 %.",
    exhaustedAt ? `Ran out on ${dayTime(exhaustedAt)}.` : "",
  ].join(" ");

  return (
    <figure className="min-w-0">
      <figcaption id={titleId} className="text-sm font-medium">
        Budget left over the last {windowDays} {windowDays === 1 ? "day" : "days"}
      </figcaption>
      <div ref={box} className={`mt-1 w-full ${tone}`}>
        <svg
          role="img"
          aria-labelledby={`${titleId} ${descId}`}
          width={width}
          height={HEIGHT}
          viewBox={`0 0 ${width} ${HEIGHT}`}
          className="block max-w-full overflow-visible"
        >
          <title>{`${sloName}: remaining error budget`}</title>
          <desc id={descId}>{summary}</desc>
          {/* y axis: minutes left */}
          <text x={4} y={12} className="fill-zinc-600 text-[11px] font-medium dark:fill-zinc-400">
            Minutes left
          </text>
          {yTicks.map((value) => (
            <g key={`y${value}`}>
              <line x1={MARGIN.left} x2={width - MARGIN.right} y1={y(value)} y2={y(value)} className="stroke-zinc-200 dark:stroke-zinc-800" />
              <text x={MARGIN.left - 6} y={y(value) + 4} textAnchor="end" className="fill-zinc-600 text-[11px] tabular-nums dark:fill-zinc-400">
                {formatMinutesNumber(value)}
              </text>
            </g>
          ))}
          {/* The budget at the start of the window, the at-risk line and zero. */}
          <line x1={MARGIN.left} x2={width - MARGIN.right} y1={y(budgetMinutes)} y2={y(budgetMinutes)} className="stroke-zinc-500" strokeWidth={1.5} />
          <text x={width - MARGIN.right} y={y(budgetMinutes) - 5} textAnchor="end" className="fill-zinc-600 text-[11px] dark:fill-zinc-400">
            Budget {formatMinutes(budgetMinutes)}
          </text>
          <line
            x1={MARGIN.left}
            x2={width - MARGIN.right}
            y1={y(atRiskLevel)}
            y2={y(atRiskLevel)}
            className="stroke-amber-500"
            strokeWidth={1.25}
            strokeDasharray="2 3"
          />
          {/* Threshold names sit at the left, where the line is still near the full budget. */}
          <text x={MARGIN.left + 6} y={y(atRiskLevel) - 5} className="fill-amber-700 text-[11px] font-medium dark:fill-amber-300">
            At risk below 25%
          </text>
          <line x1={MARGIN.left} x2={width - MARGIN.right} y1={y(0)} y2={y(0)} className="stroke-red-500" strokeWidth={1.5} strokeDasharray="6 4" />
          <text x={MARGIN.left + 6} y={y(0) - 5} className="fill-red-700 text-[11px] font-medium dark:fill-red-300">
            0 — exhausted
          </text>
          {/* The remaining budget. */}
          <path d={area} className="fill-current opacity-10" />
          <path d={line} fill="none" stroke="currentColor" strokeWidth={2.25} strokeLinejoin="round" />
          {atRiskAt ? (
            <g>
              <line x1={x(atRiskAt)} x2={x(atRiskAt)} y1={MARGIN.top} y2={MARGIN.top + plotH} className="stroke-amber-500" strokeDasharray="2 3" />
              <circle cx={x(atRiskAt)} cy={y(atRiskLevel)} r={4.5} className="fill-amber-500 stroke-white dark:stroke-zinc-900" strokeWidth={1.5} />
            </g>
          ) : null}
          {exhaustedAt ? (
            <g>
              <line x1={x(exhaustedAt)} x2={x(exhaustedAt)} y1={MARGIN.top} y2={MARGIN.top + plotH} className="stroke-red-500" strokeDasharray="2 3" />
              <circle cx={x(exhaustedAt)} cy={y(0)} r={4.5} className="fill-red-600 stroke-white dark:stroke-zinc-900" strokeWidth={1.5} />
            </g>
          ) : null}
          {/* x axis: dates */}
          <line x1={MARGIN.left} x2={width - MARGIN.right} y1={MARGIN.top + plotH} y2={MARGIN.top + plotH} className="stroke-zinc-400 dark:stroke-zinc-600" />
          {xTicks.map((at, k) => (
            <g key={`x${k}`}>
              <line x1={x(at)} x2={x(at)} y1={MARGIN.top + plotH} y2={MARGIN.top + plotH + 4} className="stroke-zinc-400 dark:stroke-zinc-600" />
              <text
                x={x(at)}
                y={MARGIN.top + plotH + 16}
                textAnchor={k === 0 ? "start" : k === xTickCount - 1 ? "end" : "middle"}
                className="fill-zinc-600 text-[11px] dark:fill-zinc-400"
                suppressHydrationWarning
              >
                {k === xTickCount - 1 ? "Now" : day(at)}
              </text>
            </g>
          ))}
          <text x={MARGIN.left + plotW / 2} y={HEIGHT - 6} textAnchor="middle" className="fill-zinc-600 text-[11px] font-medium dark:fill-zinc-400">
            Date
          </text>
        </svg>
      </div>
      <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-xs text-zinc-600 dark:text-zinc-400">
        <li className="inline-flex items-center gap-1.5">
          <span aria-hidden className="inline-block h-2.5 w-2.5 rounded-full bg-amber-500" />
          {atRiskAt ? <span suppressHydrationWarning>Fell below 25% {dayTime(atRiskAt)}</span> : "Never below 25% in this window"}
        </li>
        {exhaustedAt ? (
          <li className="inline-flex items-center gap-1.5">
            <span aria-hidden className="inline-block h-2.5 w-2.5 rounded-full bg-red-600" />
            <span suppressHydrationWarning>Ran out {dayTime(exhaustedAt)}</span>
          </li>
        ) : null}
      </ul>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-xs font-medium text-blue-700 hover:underline dark:text-blue-400">Show data</summary>
        <div className="mt-2 max-h-64 overflow-auto rounded border border-zinc-200 dark:border-zinc-800">
          <table className="w-full text-left text-xs tabular-nums">
            <caption className="sr-only">{sloName}: budget left at each point of the window</caption>
            <thead className="sticky top-0 bg-zinc-50 dark:bg-zinc-900">
              <tr>
                <th scope="col" className="px-2 py-1 font-semibold">
                  Time
                </th>
                <th scope="col" className="px-2 py-1 text-right font-semibold">
                  Minutes left
                </th>
                <th scope="col" className="px-2 py-1 text-right font-semibold">
                  % left
                </th>
              </tr>
            </thead>
            <tbody>
              {points.map((p) => (
                <tr key={p.at} className="border-t border-zinc-100 dark:border-zinc-800">
                  <td className="px-2 py-1" suppressHydrationWarning>
                    {dayTime(p.at)}
                  </td>
                  <td className="px-2 py-1 text-right">{formatMinutesNumber(p.remainingMinutes)}</td>
                  <td className="px-2 py-1 text-right">{formatPercent(percentOf(p.remainingMinutes))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
