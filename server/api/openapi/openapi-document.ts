import "server-only";
import type { OpenAPIObject } from "openapi3-ts/oas31";
import { buildOpenApiDocument } from "./document";
import { apiOperations } from "./operations";
import packageJson from "@/package.json";

let cached: OpenAPIObject | null = null;

/** The document served at /api/v1/openapi.json, built once per process from every area's operations. */
export function openApiDocument(): OpenAPIObject {
  cached ??= buildOpenApiDocument(apiOperations, packageJson.version);
  return cached;
}
