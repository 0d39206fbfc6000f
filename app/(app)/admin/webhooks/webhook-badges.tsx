import { CheckCircle2, Clock, Loader2, PauseCircle, XCircle } from "lucide-react";
import type { WebhookDeliveryStatus } from "@/lib/webhooks/event-types";

const pill = "inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs font-medium whitespace-nowrap";
const TONES = {
  green: "border-green-300 bg-green-50 text-green-800 dark:border-green-900 dark:bg-green-950 dark:text-green-300",
  amber: "border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200",
  red: "border-red-300 bg-red-50 text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-300",
  blue: "border-blue-300 bg-blue-50 text-blue-800 dark:border-blue-900 dark:bg-blue-950 dark:text-blue-300",
  zinc: "border-zinc-300 bg-white text-zinc-700 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-300",
} as const;

/** Enabled, disabled by an admin, or disabled by Hindsight after repeated failures (amber: needs a look). */
export function EndpointStateBadge({ enabled, disabledReason }: { enabled: boolean; disabledReason: string | null }) {
  if (enabled) {
    return (
      <span className={`${pill} ${TONES.green}`}>
        <CheckCircle2 aria-hidden className="h-3.5 w-3.5" /> Enabled
      </span>
    );
  }
  return (
    <span className={`${pill} ${disabledReason ? TONES.amber : TONES.zinc}`}>
      <PauseCircle aria-hidden className="h-3.5 w-3.5" /> {disabledReason ? "Disabled by Hindsight" : "Disabled"}
    </span>
  );
}

const DELIVERY = {
  pending: { label: "Pending", tone: TONES.zinc, icon: Clock },
  delivering: { label: "Delivering", tone: TONES.blue, icon: Loader2 },
  delivered: { label: "Delivered", tone: TONES.green, icon: CheckCircle2 },
  failed: { label: "Failed", tone: TONES.red, icon: XCircle },
} satisfies Record<WebhookDeliveryStatus, { label: string; tone: string; icon: typeof Clock }>;

/** A delivery's state, always with a word and an icon as well as a colour. */
export function DeliveryStatusBadge({ status }: { status: WebhookDeliveryStatus }) {
  const { label, tone, icon: Icon } = DELIVERY[status];
  return (
    <span className={`${pill} ${tone}`}>
      <Icon aria-hidden className={`h-3.5 w-3.5 ${status === "delivering" ? "motion-safe:animate-spin" : ""}`} /> {label}
    </span>
  );
}

/** The status code of the last response, coloured by class (2xx green, else red); a dash when none came. */
export function ResponseCode({ code }: { code: number | null }) {
  if (code === null) return <span className="text-zinc-500">—</span>;
  const ok = code >= 200 && code < 300;
  return <span className={`font-mono text-xs font-semibold ${ok ? "text-green-700 dark:text-green-400" : "text-red-700 dark:text-red-400"}`}>{code}</span>;
}
