import type { Severity } from "@/lib/severity";
import { SEVERITY_INFO } from "@/lib/severity";

const colors: Record<Severity, string> = {
  SEV1: "bg-red-600 text-white",
  SEV2: "bg-orange-400 text-orange-950",
  SEV3: "bg-amber-300 text-amber-950",
  SEV4: "bg-sky-200 text-sky-950",
};

export function SeverityPill({ severity, long = false }: { severity: Severity; long?: boolean }) {
  return (
    <span
      className={`inline-flex items-center rounded px-1.5 py-0.5 text-xs font-bold tracking-wide whitespace-nowrap ${colors[severity]}`}
      title={`${severity} ${SEVERITY_INFO[severity].label}: ${SEVERITY_INFO[severity].definition}`}
    >
      {severity}
      {long ? ` · ${SEVERITY_INFO[severity].label}` : ""}
    </span>
  );
}
