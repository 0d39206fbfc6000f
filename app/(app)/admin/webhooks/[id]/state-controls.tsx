"use client";
import { AlertTriangle, Pause, Play } from "lucide-react";
import { LocalTime } from "@/app/components/local-time";
import { buttonClass, primaryButtonClass } from "@/app/components/ui";
import { useServerAction } from "@/app/components/use-server-action";
import { updateWebhookAction } from "../actions";
import { NoticePanel } from "../notice-panel";

type State = { id: number; version: number; enabled: boolean; disabledReason: string | null; disabledAt: number | null };

function useSetEnabled(endpoint: State) {
  const action = useServerAction();
  const set = (enabled: boolean) => action.run(() => updateWebhookAction(endpoint.id, { version: endpoint.version, enabled }));
  return { action, set };
}

/** Shown when Hindsight stopped the endpoint after repeated failures: why, when, and Re-enable. */
export function DisabledNotice({ endpoint }: { endpoint: State }) {
  const { action, set } = useSetEnabled(endpoint);
  if (endpoint.enabled || !endpoint.disabledReason) return null;
  return (
    <NoticePanel
      titleId="disabled-notice-title"
      icon={AlertTriangle}
      title={
        <>
          Hindsight disabled this endpoint{endpoint.disabledAt ? " " : ""}
          {endpoint.disabledAt ? <LocalTime ms={endpoint.disabledAt} /> : null}
        </>
      }
    >
      <p className="mt-1 text-sm">{endpoint.disabledReason}</p>
      <p className="mt-1 text-sm">No events are sent to it until it is re-enabled. Fix the receiver first, then send a test event to check.</p>
      {action.message ? (
        <p role="alert" className="mt-2 text-sm font-medium text-red-700 dark:text-red-400">
          {action.message}
        </p>
      ) : null}
      <button type="button" className={`${primaryButtonClass} mt-3`} disabled={action.pending} onClick={() => set(true)}>
        <Play aria-hidden className="h-4 w-4" />
        {action.pending ? "Re-enabling…" : "Re-enable"}
      </button>
    </NoticePanel>
  );
}

/** Enable or Disable by hand (not shown while the notice above offers Re-enable). */
export function EnableToggle({ endpoint }: { endpoint: State }) {
  const { action, set } = useSetEnabled(endpoint);
  if (!endpoint.enabled && endpoint.disabledReason) return null;
  return (
    <>
      <button type="button" className={buttonClass} disabled={action.pending} onClick={() => set(!endpoint.enabled)}>
        {endpoint.enabled ? <Pause aria-hidden className="h-4 w-4" /> : <Play aria-hidden className="h-4 w-4" />}
        {action.pending ? (endpoint.enabled ? "Disabling…" : "Enabling…") : endpoint.enabled ? "Disable" : "Enable"}
      </button>
      {action.message ? (
        <p role="alert" className="order-last basis-full text-sm font-medium text-red-700 dark:text-red-400">
          {action.message}
        </p>
      ) : null}
    </>
  );
}
