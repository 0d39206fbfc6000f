// The pure core of useServerAction (app/components/use-server-action.ts): what a server action's
// result means for a form. A call that never reaches the server becomes a result like any other.
import type { ActionResult } from "./action-result";

export const OFFLINE_MESSAGE = "Could not reach the server. Try again.";

export type ActionFailed = Extract<ActionResult<unknown>, { ok: false }>;

/** A refused or failed call, ready to show: message, per-field errors, and what kind of failure. */
export type ActionFailure = {
  code: string;
  message: string;
  /** Field name → message, shown next to that field. */
  fields: Record<string, string>;
  /** 409: someone else changed the record; `current` holds its state now (when the server sent it). */
  conflict: boolean;
  current: unknown;
  /** The server was not reached: nothing was changed. */
  offline: boolean;
};

/** The result of a call that never reached the server. */
export function offlineResult(message: string = OFFLINE_MESSAGE): ActionFailed {
  return { ok: false, code: "network", message };
}

/** Calls a server action; a network failure (a rejected promise) becomes an offline result, never a throw. */
export async function callAction<T>(call: () => Promise<ActionResult<T>>, offlineMessage: string = OFFLINE_MESSAGE): Promise<ActionResult<T>> {
  try {
    return await call();
  } catch {
    return offlineResult(offlineMessage);
  }
}

export function failureOf(result: ActionFailed): ActionFailure {
  return {
    code: result.code,
    message: result.message,
    fields: result.fields ?? {},
    conflict: result.code === "conflict",
    current: result.details?.current,
    offline: result.code === "network",
  };
}

/** The first field error, else the message: for forms that show one line. */
export function failureText(failure: ActionFailure | null): string | null {
  if (!failure) return null;
  return Object.values(failure.fields)[0] ?? failure.message;
}
