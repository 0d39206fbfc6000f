import type { ZodType } from "zod";

/**
 * One documented /api/v1 operation. Areas list theirs in `server/api/openapi/operations/<area>.ts`
 * (`export const <area>Operations: ApiOperation[]`); the OpenAPI document is generated from these
 * lists, with request schemas that are the very zod schemas the handlers validate with.
 */
export type ApiOperation = {
  method: "get" | "post" | "put" | "patch" | "delete";
  /** OpenAPI path template, e.g. "/api/v1/integrations/{id}". */
  path: string;
  summary: string;
  description?: string;
  tags: string[];
  /** Who may call: a token or session (with the minimum role), an integration's own secret, or anyone. */
  auth: { kind: "actor"; minRole: "viewer" | "responder" | "admin" } | { kind: "integration-secret" } | { kind: "none" };
  pathParams?: ZodType;
  query?: ZodType;
  headers?: ZodType;
  body?: ZodType;
  responses: Record<number, { description: string; schema?: ZodType; contentType?: string }>;
};
