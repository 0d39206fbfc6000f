import Link from "next/link";
import { Repeat } from "lucide-react";
import { METRIC_DEFINITIONS } from "@/lib/insights/definitions";
import type { InsightsReport } from "@/lib/insights/types";
import { SeverityPill } from "@/app/components/severity-pill";
import { cardClass } from "@/app/components/ui";
import { DefinitionTip } from "./definition-tip";
import { ShowData } from "./show-data";
import { formatInstantDay, plural } from "@/lib/insights/format";

type Repeats = InsightsReport["factors"]["repeats"];

/** Shown on the page; the rest (up to the report's latest repeats) open as a table on demand. */
const SHOWN = 3;

const DAY_MS = 86_400_000;

/**
 * Incidents that repeat an earlier one: same service, same contributing factor, within 90
 * days. The latest few are listed; the full list is a table loaded when asked for.
 */
export function RepeatsList({ repeats, timeZone }: { repeats: Repeats; timeZone: string }) {
  const { label, definition } = METRIC_DEFINITIONS.repeats;
  return (
    <section aria-labelledby="repeats-title" className={`${cardClass} min-w-0 p-4`}>
      <div className="relative flex items-start gap-1">
        <h3 id="repeats-title" className="font-semibold">
          Repeat incidents
        </h3>
        <span className="mt-0.5">
          <DefinitionTip label={label} definition={definition} />
        </span>
      </div>
      <p className="mt-0.5 text-xs text-zinc-500 dark:text-zinc-400">
        {repeats.total === 0
          ? "No repeat incidents in this period."
          : `${plural(repeats.total, "repeat incident")}${repeats.total > SHOWN ? ` · the latest ${Math.min(SHOWN, repeats.items.length)} shown` : ""}`}
      </p>
      {repeats.items.length ? (
        <ul className="mt-2 divide-y divide-zinc-100 dark:divide-zinc-800">
          {repeats.items.slice(0, SHOWN).map((item) => {
            const days = Math.round((Date.parse(item.startedAt) - Date.parse(item.previous.startedAt)) / DAY_MS);
            return (
              <li key={`${item.reference}-${item.factor}-${item.service.slug}`} className="py-2.5 text-sm">
                <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
                  <Repeat aria-hidden className="h-4 w-4 shrink-0 text-zinc-400" />
                  <Link href={`/incidents/${item.reference}`} className="font-mono text-xs font-semibold text-blue-700 hover:underline dark:text-blue-400">
                    {item.reference}
                  </Link>
                  <SeverityPill severity={item.severity} />
                  <span className="min-w-0 font-medium break-words">{item.title}</span>
                </div>
                <p className="mt-1 pl-6 text-xs text-zinc-600 dark:text-zinc-400">
                  <Link href={`/services/${item.service.slug}`} className="hover:underline">
                    {item.service.name}
                  </Link>
                  {" · "}
                  <span className="font-medium text-zinc-800 dark:text-zinc-200">{item.factor}</span>
                  {" · "}
                  {plural(days, "day")} after{" "}
                  <Link
                    href={`/incidents/${item.previous.reference}`}
                    className="font-mono text-blue-700 hover:underline dark:text-blue-400"
                    title={item.previous.title}
                  >
                    {item.previous.reference}
                  </Link>{" "}
                  <span className="text-zinc-500">
                    ({item.previous.title}, {formatInstantDay(item.previous.startedAt, timeZone)})
                  </span>
                </p>
              </li>
            );
          })}
        </ul>
      ) : null}
      {repeats.items.length > SHOWN ? (
        <ShowData table="repeats" label="Repeat incidents" text={`Show the latest ${repeats.items.length} as a table`} hideText="Hide the table" />
      ) : null}
    </section>
  );
}
