import { SeverityPill } from "@/app/components/severity-pill";
import type { Severity } from "@/lib/severity";

/** "When it applies", read aloud the same way as it matches: severities and/or services. */
export function PlaybookConditions({ severities, services }: { severities: Severity[]; services: { id: number; name: string }[] }) {
  return (
    <div className="flex flex-col gap-1 text-sm">
      <div className="flex flex-wrap items-center gap-1">
        {severities.length ? (
          severities.map((s) => <SeverityPill key={s} severity={s} />)
        ) : (
          <span className="text-zinc-500 dark:text-zinc-400">Any severity</span>
        )}
      </div>
      <div className="text-zinc-600 dark:text-zinc-400">
        {services.length ? (
          <>
            <span className="sr-only">Services: </span>
            {severities.length ? "and " : ""}
            {services.map((s) => s.name).join(", ")}
          </>
        ) : (
          <span className="text-zinc-500">Any service</span>
        )}
      </div>
    </div>
  );
}
