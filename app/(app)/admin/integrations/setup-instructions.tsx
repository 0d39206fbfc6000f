import { alertmanagerReceiverYaml, eventsV2Curl, grafanaContactPointSteps } from "@/lib/integration-setup";
import type { IntegrationKind } from "@/db/queries/integrations/views";
import { CopyButton, Snippet } from "./copy-button";
import { inputClass } from "@/app/components/ui";

type Props = {
  /** Prefix for element ids (two of these may be on one page). */
  id: string;
  kind: IntegrationKind;
  name: string;
  url: string;
  /** The secret when it is being shown once; otherwise what stands in for it in the snippets. */
  secret: { value: string } | { hint: string };
  hmacConfigured: boolean;
};

/** The endpoint URL and what to paste into the sending tool, for this integration's kind. */
export function SetupInstructions({ id, kind, name, url, secret, hmacConfigured }: Props) {
  const credentials = "value" in secret ? secret.value : `<the secret ending in ${secret.hint}>`;
  return (
    <div className="space-y-4">
      <div>
        <label htmlFor={`${id}-url`} className="text-sm font-medium">
          Endpoint URL
        </label>
        <div className="mt-1 flex gap-2">
          <input id={`${id}-url`} readOnly value={url} spellCheck={false} className={`${inputClass} min-w-0 font-mono text-xs sm:text-sm`} />
          <CopyButton text={url} what="Endpoint URL" selectId={`${id}-url`} />
        </div>
        <p className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">
          POST only, with <code className="font-mono">Authorization: Bearer &lt;secret&gt;</code>. It answers with what happened to each alert.
        </p>
      </div>
      {kind === "alertmanager" ? (
        <div className="space-y-1">
          <Snippet id={`${id}-yaml`} label="alertmanager.yml receiver" text={alertmanagerReceiverYaml({ name, url, secret: credentials })} />
          <p className="text-xs text-zinc-500 dark:text-zinc-400">
            Add the receiver under <code className="font-mono">receivers:</code> and send a route to it (the <code className="font-mono">route:</code> lines
            make it the default). Check with <code className="font-mono">amtool check-config alertmanager.yml</code>, then reload Alertmanager.
          </p>
        </div>
      ) : null}
      {kind === "grafana" ? (
        <div>
          <h3 className="text-sm font-medium">Grafana contact point</h3>
          <ol className="mt-1 list-decimal space-y-1 pl-5 text-sm">
            {grafanaContactPointSteps({ url, hmacConfigured }).map((step) => (
              <li key={step} className="break-words">
                {step}
              </li>
            ))}
          </ol>
        </div>
      ) : null}
      {kind === "events-v2" ? (
        <div className="space-y-1">
          <Snippet id={`${id}-curl`} label="Send a test event with curl" text={eventsV2Curl({ url, secret: credentials })} />
          <p className="text-xs text-zinc-500 dark:text-zinc-400">
            Tools that page PagerDuty send the same body: set their Events API URL to the endpoint above. Send{" "}
            <code className="font-mono">&quot;event_action&quot;: &quot;resolve&quot;</code> with the same <code className="font-mono">dedup_key</code> to
            resolve the alert.
          </p>
        </div>
      ) : null}
    </div>
  );
}
