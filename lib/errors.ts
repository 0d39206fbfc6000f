export type ErrorCode =
  | "validation_failed"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "payload_too_large"
  | "unsupported_media_type"
  | "rate_limited"
  | "unprocessable";

const statusByCode: Record<ErrorCode, number> = {
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  rate_limited: 429,
};

/** An error whose message is safe to show to the person or client that caused it. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
    /** Extra body content, e.g. the current incident on a 409. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.status = statusByCode[code];
  }

  toJSON() {
    return {
      error: { code: this.code, message: this.message, ...(this.fields ? { fields: this.fields } : {}) },
      ...(this.details ?? {}),
    };
  }
}

export const notFound = (what = "Incident") => new AppError("not_found", `${what} not found`);
export const forbidden = (message = "You do not have permission to do this") => new AppError("forbidden", message);
export const validationFailed = (fields: Record<string, string>, message?: string) =>
  new AppError("validation_failed", message ?? `Invalid ${Object.keys(fields).join(", ")}`, fields);
