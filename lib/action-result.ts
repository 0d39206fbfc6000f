import { AppError } from "./errors";

export type ActionResult<T = undefined> =
  { ok: true; data: T } | { ok: false; code: string; message: string; fields?: Record<string, string>; details?: Record<string, unknown> };

/** Runs a server action body; an AppError becomes a result the form can show next to its fields. */
export async function actionResult<T>(fn: () => T | Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await fn() };
  } catch (error) {
    if (error instanceof AppError) {
      return { ok: false, code: error.code, message: error.message, fields: error.fields, details: error.details };
    }
    // redirect() and notFound() work by throwing: let them through.
    if (error && typeof error === "object" && "digest" in error) throw error;
    console.error("[action] failed", error);
    return { ok: false, code: "internal", message: "Something went wrong on the server; it has been logged. Try again." };
  }
}
