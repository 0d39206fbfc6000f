import { AppError } from "@/lib/errors";
import { toPostmortemJson, type PostmortemDetail } from "@/server/api/json/postmortem";

/**
 * Runs a postmortem write; a 409 carries the current postmortem in the API shape (the same
 * as GET) so a client can show both versions and keep what its user typed.
 */
export async function withCurrentAsJson<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    const current = error instanceof AppError ? (error.details?.current as PostmortemDetail | undefined) : undefined;
    if (error instanceof AppError && current) {
      throw new AppError(error.code, error.message, error.fields, { ...error.details, current: toPostmortemJson(current) });
    }
    throw error;
  }
}
