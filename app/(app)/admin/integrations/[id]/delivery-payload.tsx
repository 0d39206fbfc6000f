import { errorClass } from "@/app/components/ui";

export type Loaded = { text: string; truncated: boolean; json: boolean };

/** A delivery's stored request body (pretty-printed when it is whole JSON), or why it could not be read. */
export function PayloadView({ deliveryId, loading, error, loaded }: { deliveryId: number; loading: boolean; error: string | null; loaded: Loaded | null }) {
  return (
    <div className="min-w-0">
      {loading ? (
        <p role="status" className="text-sm text-zinc-500">
          Loading the payload…
        </p>
      ) : null}
      {error ? (
        <p role="alert" className={errorClass}>
          {error}
        </p>
      ) : null}
      {loaded ? (
        <>
          {loaded.truncated ? (
            <p className="mb-1 text-xs text-amber-800 dark:text-amber-300">Only the start of a large payload was kept; it is shown as received.</p>
          ) : null}
          <pre
            tabIndex={0}
            aria-label={`Payload of delivery ${deliveryId}`}
            className="max-h-96 overflow-auto rounded-md border border-zinc-200 bg-zinc-50 p-3 font-mono text-xs leading-relaxed dark:border-zinc-800 dark:bg-zinc-950"
          >
            {loaded.text}
          </pre>
        </>
      ) : null}
    </div>
  );
}
