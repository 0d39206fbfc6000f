import type { Instrumentation } from "next";
import { log } from "./log";

/** Errors thrown while rendering pages or running actions: one JSON log line with the request id. */
export const logRequestError: Instrumentation.onRequestError = (error, request, context) => {
  const requestId = request.headers["x-request-id"];
  log.error(
    {
      err: error,
      requestId: Array.isArray(requestId) ? requestId[0] : requestId,
      method: request.method,
      route: context.routePath,
      routeType: context.routeType,
    },
    "request failed",
  );
};
