import { CheckCircle2, CircleDot, Eye, Lock, Search } from "lucide-react";
import { STATUS_INFO, type IncidentStatus } from "@/lib/incident-status";

const icons: Record<IncidentStatus, typeof Search> = {
  investigating: Search,
  identified: CircleDot,
  monitoring: Eye,
  resolved: CheckCircle2,
  closed: Lock,
};

/** Neutral on purpose: a status must never read as a severity. */
export function StatusBadge({ status }: { status: IncidentStatus }) {
  const Icon = icons[status];
  return (
    <span className="inline-flex items-center gap-1 rounded-full border border-zinc-300 bg-white px-2 py-0.5 text-xs font-medium whitespace-nowrap text-zinc-700 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-300">
      <Icon aria-hidden className="h-3.5 w-3.5" />
      {STATUS_INFO[status].label}
    </span>
  );
}
