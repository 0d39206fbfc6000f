"use client";
import { ErrorNote, useIncidentUpdate } from "./use-incident-update";

/** Private and drill flags. */
export function DetailsPanel({
  reference,
  version,
  isPrivate,
  drill,
  canEdit,
}: {
  reference: string;
  version: number;
  isPrivate: boolean;
  drill: boolean;
  canEdit: boolean;
}) {
  const { run, pending, error } = useIncidentUpdate(reference, version);
  return (
    <section aria-labelledby="details-heading">
      <h2 id="details-heading" className="mb-2 text-sm font-semibold">
        Visibility
      </h2>
      <div className="space-y-2 text-sm">
        <label className="flex items-start gap-2">
          <input type="checkbox" checked={isPrivate} disabled={!canEdit || pending} onChange={(e) => run({ private: e.target.checked })} className="mt-0.5" />
          <span>
            Private
            <span className="block text-xs text-zinc-500">Only admins and people on this incident can see it.</span>
          </span>
        </label>
        <label className="flex items-start gap-2">
          <input type="checkbox" checked={drill} disabled={!canEdit || pending} onChange={(e) => run({ drill: e.target.checked })} className="mt-0.5" />
          <span>
            Drill / game day
            <span className="block text-xs text-zinc-500">Left out of learning figures.</span>
          </span>
        </label>
      </div>
      <ErrorNote error={error} />
    </section>
  );
}
