import { OpenAPIRegistry, OpenApiGeneratorV31, type ResponseConfig, type RouteConfig } from "@asteasolutions/zod-to-openapi";
import type { OpenAPIObject } from "openapi3-ts/oas31";
import type { ApiOperation } from "./operation";
import { errorSchema } from "./schemas/common";

/** The security scheme names the document declares (components.securitySchemes). */
export const SECURITY_SCHEMES = {
  bearerToken: {
    type: "http",
    scheme: "bearer",
    description:
      "An API token from Admin → API tokens (or `npm run token`), sent as `Authorization: Bearer <token>`. It acts with the role it was created with.",
  },
  sessionCookie: {
    type: "apiKey",
    in: "cookie",
    name: "next-auth.session-token",
    description:
      "The browser session of a signed-in person (`__Secure-next-auth.session-token` when the public URL is https). Writes with the cookie must come from the app's own origin.",
  },
  integrationSecret: {
    type: "http",
    scheme: "bearer",
    description: "An alert integration's own secret (shown once when it is created or rotated), as `Authorization: Bearer <secret>`.",
  },
} as const;

const ROLE_TEXT = { viewer: "anyone signed in (viewer and up)", responder: "responders and admins", admin: "admins" } as const;

const error = (description: string): ResponseConfig => ({ description, content: { "application/json": { schema: errorSchema } } });

/** Responses every operation of its kind can give, added unless the operation describes them itself. */
function commonResponses(op: ApiOperation): Record<number, ResponseConfig> {
  const common: Record<number, ResponseConfig> = {};
  if (op.body || op.query || op.headers) common[400] = error("Invalid input: `error.fields` names each bad field.");
  if (op.auth.kind === "actor") {
    common[401] = error("No valid API token or session.");
    common[403] = error(
      op.auth.minRole === "viewer"
        ? "Not allowed (a cookie-authenticated write from another site, or a rule of the resource)."
        : `Your role may not do this (${ROLE_TEXT[op.auth.minRole]} only).`,
    );
  }
  if (op.auth.kind === "integration-secret") common[401] = error("Missing or wrong integration secret.");
  if (op.pathParams) common[404] = error("Not found (or not visible to you).");
  if (op.body) {
    common[413] = error("Body larger than 1 MB.");
    common[415] = error("Body not sent as application/json.");
  }
  return common;
}

function security(op: ApiOperation): RouteConfig["security"] {
  if (op.auth.kind === "actor") return [{ bearerToken: [] }, { sessionCookie: [] }];
  if (op.auth.kind === "integration-secret") return [{ integrationSecret: [] }];
  return [];
}

function authText(op: ApiOperation): string {
  if (op.auth.kind === "actor") return `**Who:** ${ROLE_TEXT[op.auth.minRole]}, with an API token or a session.`;
  if (op.auth.kind === "integration-secret") return "**Who:** an alert integration, with its own secret.";
  return "**Who:** anyone; no authentication.";
}

function toRoute(op: ApiOperation): RouteConfig {
  const responses: RouteConfig["responses"] = { ...commonResponses(op) };
  for (const [status, response] of Object.entries(op.responses)) {
    responses[status] = {
      description: response.description,
      ...(response.schema ? { content: { [response.contentType ?? "application/json"]: { schema: response.schema } } } : {}),
    };
  }
  return {
    method: op.method,
    path: op.path,
    operationId: operationId(op),
    summary: op.summary,
    description: [op.description, authText(op)].filter(Boolean).join("\n\n"),
    tags: op.tags,
    security: security(op),
    ...(op.auth.kind === "actor" ? { "x-min-role": op.auth.minRole } : {}),
    request: {
      ...(op.pathParams ? { params: op.pathParams as never } : {}),
      ...(op.query ? { query: op.query as never } : {}),
      ...(op.headers ? { headers: op.headers as never } : {}),
      ...(op.body ? { body: { required: true, content: { "application/json": { schema: op.body } } } } : {}),
    },
    responses,
  };
}

/** "post /api/v1/incidents/{ref}/timeline" → "postIncidentsRefTimeline": stable, unique per method and path. */
export function operationId(op: Pick<ApiOperation, "method" | "path">): string {
  const words = op.path
    .replace(/^\/api\/v1\/?/, "")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  return op.method + words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join("");
}

/** The OpenAPI 3.1 document of the given operations (the generator reads the zod schemas; nothing is written by hand). */
export function buildOpenApiDocument(operations: readonly ApiOperation[], version: string): OpenAPIObject {
  const registry = new OpenAPIRegistry();
  for (const [name, scheme] of Object.entries(SECURITY_SCHEMES)) registry.registerComponent("securitySchemes", name, { ...scheme });
  for (const op of operations) registry.registerPath(toRoute(op));
  const tags = [...new Set(operations.flatMap((op) => op.tags))].sort().map((name) => ({ name }));
  return new OpenApiGeneratorV31(registry.definitions, { sortComponents: "alphabetically" }).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "Hindsight API",
      version,
      description:
        "JSON over HTTP under `/api/v1`. Times are ISO-8601 with a zone. Errors are `{error: {code, message, fields?, requestId?}}`; " +
        "unknown body fields are rejected (400). Versioned resources take the `version` you last read and answer 409 with `current` when it is stale. " +
        "People can be named by id or by email wherever the API takes a person.",
    },
    servers: [{ url: "/" }],
    tags,
  });
}
