"use client";
import { useRouter } from "next/navigation";
import { useCallback, useRef, useState } from "react";
import type { ActionResult } from "@/lib/action-result";
import { callAction, failureOf, type ActionFailure } from "@/lib/server-action";

export type { ActionFailure } from "@/lib/server-action";

type RunOptions<T> = {
  /** The success notice to show (a string, or made from the returned data). */
  notice?: string | ((data: T) => string | null);
  onSuccess?: (data: T) => void;
  onFailure?: (failure: ActionFailure) => void;
  /** Re-render the server components after success (and after a 409, to show the current state). Default true. */
  refresh?: boolean;
  /** The message when the server could not be reached. */
  offline?: string;
};

/**
 * One place for the state around a server action: pending, a failure (message, field errors,
 * 409 conflict with the current value, offline) and a success notice. `run` takes the call, so one
 * hook serves every action of a row or form; it resolves to the result and never throws.
 */
export function useServerAction(defaults: { offline?: string; refresh?: boolean } = {}) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ActionFailure | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const busy = useRef(false);
  const { offline, refresh: refreshDefault = true } = defaults;

  const run = useCallback(
    async <T>(call: () => Promise<ActionResult<T>>, options: RunOptions<T> = {}): Promise<ActionResult<T>> => {
      busy.current = true;
      setPending(true);
      setError(null);
      setNotice(null);
      const result = await callAction(call, options.offline ?? offline);
      busy.current = false;
      setPending(false);
      const refresh = options.refresh ?? refreshDefault;
      if (result.ok) {
        const text = typeof options.notice === "function" ? options.notice(result.data) : options.notice;
        if (text) setNotice(text);
        options.onSuccess?.(result.data);
        if (refresh) router.refresh();
        return result;
      }
      const failure = failureOf(result);
      setError(failure);
      options.onFailure?.(failure);
      if (failure.conflict && refresh) router.refresh();
      return result;
    },
    [offline, refreshDefault, router],
  );

  const reset = useCallback(() => {
    setError(null);
    setNotice(null);
  }, []);

  return {
    run,
    pending,
    /** True while a call is in flight, readable synchronously (double-submit guard). */
    isBusy: () => busy.current,
    error,
    /** The failure's message (null when none). */
    message: error?.message ?? null,
    fieldError: (name: string): string | undefined => error?.fields[name],
    /** The form-level message: the failure's message unless it is shown next to one of these fields. */
    formError: (...shown: string[]): string | null => (error && !shown.some((f) => error.fields[f]) ? error.message : null),
    /** The form-level line when every field error is shown next to its field: a pointer to them, else the message. */
    formSummary: (pointer = "Check the highlighted fields."): string | null => (error ? (Object.keys(error.fields).length ? pointer : error.message) : null),
    /** Refuse before calling (client-side checks): a form-level message, or messages shown next to their fields. */
    invalid: (problem: string | Record<string, string>) => {
      const fields = typeof problem === "string" ? {} : problem;
      setNotice(null);
      setError(failureOf({ ok: false, code: "validation", message: typeof problem === "string" ? problem : (Object.values(fields)[0] ?? ""), fields }));
    },
    notice,
    setNotice,
    clearError: () => setError(null),
    reset,
  };
}
