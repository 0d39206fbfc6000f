"use client";
import { useRouter } from "next/navigation";
import { useCallback, useState, useTransition } from "react";
import { callAction, failureOf, type ActionFailure } from "@/lib/server-action";
import { updateIncidentAction } from "./actions";
import { useLiveDispatch } from "./live-incident";

export type MutationError = ActionFailure;

type RunOptions = {
  /** The version the person started editing from; defaults to the version on screen. */
  baseVersion?: number;
  /** Called with the incident's new version once the change is stored. */
  onDone?: (saved: { version: number }) => void;
  /** Called with the current version after a 409, so "save again" applies on top of it. */
  onConflict?: (currentVersion: number) => void;
};

/**
 * Sends a versioned change; the page's live store takes the saved state at once. On 409 the page
 * reloads the current state (the stream may be behind) and the caller
 * keeps whatever the person typed, so nothing is silently overwritten or lost.
 */
export function useIncidentUpdate(reference: string, version: number) {
  const router = useRouter();
  const dispatch = useLiveDispatch();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<MutationError | null>(null);
  const run = useCallback(
    (input: Record<string, unknown>, options: RunOptions = {}) =>
      startTransition(async () => {
        const result = await callAction(
          () => updateIncidentAction(reference, { ...input, version: options.baseVersion ?? version }),
          "Could not reach the server. Nothing was changed; try again.",
        );
        if (result.ok) {
          setError(null);
          // The event brings the same state to everyone else; whichever arrives first wins by version.
          dispatch({ type: "incident", incident: result.data.incident });
          options.onDone?.(result.data);
          return;
        }
        const failure = failureOf(result);
        setError(failure);
        if (failure.conflict) {
          const current = (failure.current as { version?: number } | undefined)?.version;
          if (typeof current === "number") options.onConflict?.(current);
          router.refresh();
        }
      }),
    [reference, version, router, dispatch],
  );
  return { run, pending, error, clearError: () => setError(null) };
}

export function ErrorNote({ error, id }: { error: MutationError | null; id?: string }) {
  if (!error) return null;
  return (
    <p
      id={id}
      role="alert"
      className="mt-2 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200"
    >
      {error.conflict
        ? "Someone else changed this incident while you were editing. The page now shows their change; your text is kept below — check it and save again."
        : error.message}
    </p>
  );
}
