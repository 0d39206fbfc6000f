import { DEFAULT_RULE } from "@/lib/alerts/routing-rules";
import { SEVERITY_INFO } from "@/lib/severity";

/** The rule that applies when no rule above matches: fixed, shown last so the order reads top to bottom. */
export function DefaultRule({ count, catchAll }: { count: number; catchAll: number | null }) {
  const severity = DEFAULT_RULE.severity;
  const service = DEFAULT_RULE.service;
  return (
    <li
      className="rounded-md border border-dashed border-zinc-300 bg-zinc-50 p-3 text-sm sm:p-4 dark:border-zinc-700 dark:bg-zinc-950"
      aria-labelledby="default-rule-title"
    >
      <h3 id="default-rule-title" className="font-semibold">
        Default rule {count ? "(when no rule above matches)" : "(every alert, while there are no rules)"}
      </h3>
      {catchAll !== null ? (
        <p className="mt-1 text-zinc-700 dark:text-zinc-300">
          Not reached now: rule {catchAll} has no matchers, so it takes every alert. (A new integration starts with a copy of this rule as its rule 1.)
        </p>
      ) : null}
      <ul className="mt-1 list-disc space-y-0.5 pl-5 text-zinc-700 dark:text-zinc-300">
        <li>Declares an incident (one per alert group).</li>
        {"from" in severity ? (
          <li>
            Severity from the <code className="font-mono">{severity.label}</code> label:{" "}
            {Object.entries(severity.map)
              .map(([value, sev]) => `${value} → ${sev}`)
              .join(", ")}
            ; anything else {severity.fallback} ({SEVERITY_INFO[severity.fallback].label}).
          </li>
        ) : null}
        {service && "label" in service ? (
          <li>
            Service from the <code className="font-mono">{service.label}</code> label when it names a service in the catalogue.
          </li>
        ) : null}
        <li>Does not resolve the incident; its page says when every alert has resolved.</li>
      </ul>
      <p className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">It cannot be changed; add a rule above that matches every alert to do otherwise.</p>
    </li>
  );
}
