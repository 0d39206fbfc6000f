import type { Metadata } from "next";
import Link from "next/link";
import { KeyRound } from "lucide-react";
import { listAudit } from "@/db/queries/admin/audit";
import { listAuditActions, listAuditEntityTypes } from "@/db/queries/admin/audit";
import { LocalTime } from "@/app/components/local-time";
import { cardClass } from "@/app/components/ui";
import { AdminForbidden, adminActor } from "../admin-guard";
import { AuditFilters, type AuditFilterValues } from "./audit-filters";
import { changeSummary, parseAuditJson, prettyJson } from "./audit-json";

export const metadata: Metadata = { title: "Audit log" };

const PAGE_SIZE = 50;
type Search = Partial<Record<"action" | "entity" | "actor" | "q" | "before", string | string[]>>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim().slice(0, 200) ?? "";

// Columns line up across rows without a table, so each entry can expand to full width.
const rowGrid = "md:grid md:grid-cols-[10rem_minmax(0,11rem)_minmax(0,12rem)_minmax(0,1fr)_8rem] md:gap-x-4";

export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await adminActor();
  if (!actor) return <AdminForbidden />;
  const params = await searchParams;
  const values: AuditFilterValues = { action: one(params.action), entity: one(params.entity), actor: one(params.actor), q: one(params.q) };
  const beforeRaw = Number(one(params.before));
  const before = Number.isSafeInteger(beforeRaw) && beforeRaw > 0 ? beforeRaw : undefined;
  const { items, nextBefore } = await listAudit({
    actor,
    filter: {
      action: values.action || undefined,
      entityType: values.entity || undefined,
      actor: values.actor || undefined,
      q: values.q || undefined,
      before,
      limit: PAGE_SIZE,
    },
  });
  const filtered = Object.values(values).some(Boolean);
  const query = (extra: Record<string, string>) => {
    const sp = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...values, ...extra })) if (v) sp.set(k, v);
    const s = sp.toString();
    return s ? `/admin/audit?${s}` : "/admin/audit";
  };

  return (
    <div className="mx-auto max-w-6xl space-y-5">
      <div>
        <h1 className="text-xl font-semibold">Audit log</h1>
        <p className="text-sm text-zinc-500 dark:text-zinc-400">Every change and sign-in, newest first: who, what, when and from where.</p>
      </div>
      <AuditFilters values={values} actions={await listAuditActions({ actor })} entityTypes={await listAuditEntityTypes({ actor })} />
      <section aria-labelledby="audit-results-title" className={`${cardClass} overflow-hidden`}>
        <h2 id="audit-results-title" className="sr-only">
          Audit entries
        </h2>
        <div
          aria-hidden
          className={`hidden border-b border-zinc-200 bg-zinc-50 px-3 py-2 text-xs font-semibold tracking-wide text-zinc-500 uppercase md:grid dark:border-zinc-800 dark:bg-zinc-900/60 ${rowGrid}`}
        >
          <span>Time</span>
          <span>Actor</span>
          <span>Action</span>
          <span>Entity</span>
          <span>Address</span>
        </div>
        {items.length === 0 ? (
          <p className="p-6 text-center text-sm text-zinc-500">{filtered || before ? "No entries match these filters." : "Nothing recorded yet."}</p>
        ) : (
          <ol className="divide-y divide-zinc-200 dark:divide-zinc-800">
            {items.map((entry) => {
              const beforeValue = parseAuditJson(entry.before);
              const afterValue = parseAuditJson(entry.after);
              const summary = changeSummary(beforeValue, afterValue);
              const hasDetails = beforeValue !== null || afterValue !== null;
              return (
                <li key={entry.id} className={`px-3 py-2.5 text-sm ${rowGrid}`}>
                  <div className="text-zinc-600 dark:text-zinc-400">
                    <LocalTime ms={entry.at} mode="absolute" />
                  </div>
                  <div className="flex min-w-0 items-start gap-1 font-medium">
                    {entry.actorTokenId ? <KeyRound aria-label="API token" className="mt-0.5 h-3.5 w-3.5 shrink-0 text-zinc-500" /> : null}
                    <span className="truncate" title={entry.actorLabel}>
                      {entry.actorLabel}
                    </span>
                  </div>
                  <div className="min-w-0">
                    <code className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-xs break-all dark:bg-zinc-800">{entry.action}</code>
                  </div>
                  <div className="min-w-0 break-words text-zinc-700 dark:text-zinc-300">
                    {entry.entityType}
                    {entry.entityId ? <span className="text-zinc-500"> #{entry.entityId}</span> : null}
                    {summary ? <span className="block text-xs text-zinc-500 dark:text-zinc-400">{summary}</span> : null}
                  </div>
                  <div className="font-mono text-xs break-all text-zinc-500 md:pt-0.5">
                    <span className="md:sr-only">From </span>
                    {entry.ip ?? "—"}
                  </div>
                  {hasDetails ? (
                    <details className="group mt-1 md:col-span-5">
                      <summary className="w-fit cursor-pointer rounded text-xs font-medium text-blue-700 hover:underline dark:text-blue-400">
                        Before / after
                      </summary>
                      <div className={`mt-2 grid gap-2 ${beforeValue !== null && afterValue !== null ? "md:grid-cols-2" : "md:max-w-[50%]"}`}>
                        {(
                          [
                            ["Before", beforeValue],
                            ["After", afterValue],
                          ] as const
                        )
                          .filter(([, value]) => value !== null)
                          .map(([label, value]) => (
                            <div key={label} className="min-w-0">
                              <p className="text-xs font-semibold text-zinc-500">{label}</p>
                              <pre className="mt-1 max-h-80 overflow-auto rounded-md border border-zinc-200 bg-zinc-50 p-2 font-mono text-xs whitespace-pre-wrap break-all dark:border-zinc-800 dark:bg-zinc-950">
                                {prettyJson(value)}
                              </pre>
                            </div>
                          ))}
                      </div>
                    </details>
                  ) : null}
                </li>
              );
            })}
          </ol>
        )}
      </section>
      <nav aria-label="Audit pages" className="flex items-center justify-between gap-2 text-sm">
        {before ? (
          <Link href={query({})} className="font-medium text-blue-700 hover:underline dark:text-blue-400">
            ← Newest
          </Link>
        ) : (
          <span />
        )}
        {nextBefore ? (
          <Link href={query({ before: String(nextBefore) })} className="font-medium text-blue-700 hover:underline dark:text-blue-400">
            Older entries →
          </Link>
        ) : items.length ? (
          <span className="text-zinc-500">End of the log</span>
        ) : null}
      </nav>
    </div>
  );
}
