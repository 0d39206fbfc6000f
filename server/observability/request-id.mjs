import { randomUUID } from "node:crypto";

/** What an incoming X-Request-Id must look like to be kept (anything else could inject into logs). */
export const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

/** The id for a request: the caller's X-Request-Id when it is safe, else a new random one. */
export function requestIdFor(incoming) {
  const value = Array.isArray(incoming) ? incoming[0] : incoming;
  return typeof value === "string" && SAFE_REQUEST_ID.test(value) ? value : randomUUID();
}
