import { describe, expect, it } from "vitest";
import { compileErrors, validate } from "@readme/openapi-parser";
import type { OperationObject, ParameterObject, ReferenceObject, RequestBodyObject, SchemaObject } from "openapi3-ts/oas31";
import { z } from "zod";
import { buildOpenApiDocument, operationId } from "./document";
import { apiOperations } from "./operations";
import type { ApiOperation } from "./operation";

const doc = buildOpenApiDocument(apiOperations, "0.0.0-test");
const operation = (method: string, path: string) => (doc.paths![path] as Record<string, OperationObject>)[method]!;
const jsonBody = (op: OperationObject) => (op.requestBody as RequestBodyObject).content["application/json"]!.schema as SchemaObject;
const params = (op: OperationObject) => (op.parameters ?? []) as ParameterObject[];
const resolve = (schema: SchemaObject | ReferenceObject): SchemaObject =>
  "$ref" in schema && schema.$ref ? (doc.components!.schemas![schema.$ref.replace("#/components/schemas/", "")] as SchemaObject) : (schema as SchemaObject);

describe("the OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const result = await validate(structuredClone(doc) as never);
    expect(result.valid, result.valid ? "" : compileErrors(result)).toBe(true);
    expect(doc.openapi).toBe("3.1.0");
  });

  it("is checked by a validator that does reject a broken document", async () => {
    const noInfo = structuredClone(doc) as unknown as Record<string, unknown>;
    delete noInfo.info;
    expect((await validate(noInfo as never)).valid).toBe(false);
    const undeclaredParam = structuredClone(doc);
    (undeclaredParam.paths!["/api/v1/incidents/{ref}"] as Record<string, OperationObject>).get!.parameters = [];
    expect((await validate(undeclaredParam as never)).valid).toBe(false);
  });

  it("lists every operation once, with a unique operationId", () => {
    const ids = Object.values(doc.paths!).flatMap((item) => Object.values(item as Record<string, OperationObject>).map((op) => op.operationId));
    expect(ids).toHaveLength(apiOperations.length);
    expect(new Set(ids).size).toBe(ids.length);
    expect(operationId({ method: "post", path: "/api/v1/incidents/{ref}/postmortem.md" })).toBe("postIncidentsRefPostmortemMd");
  });

  it("takes request bodies from the handlers' zod schemas (input side: ISO strings, not the epoch ms they become)", () => {
    const body = jsonBody(operation("patch", "/api/v1/incidents/{ref}"));
    expect(body.required).toEqual(["version"]);
    expect(body.additionalProperties).toBe(false);
    expect((body.properties!.startedAt as SchemaObject).type).toBe("string");
    expect((body.properties!.severity as SchemaObject).enum).toEqual(["SEV1", "SEV2", "SEV3", "SEV4"]);
    expect(Object.keys(body.properties!)).toEqual(expect.arrayContaining(["commanderEmail", "commanderId", "scribeEmail", "scribeId"]));
  });

  it("documents query parameters with their defaults and bounds", () => {
    const limit = params(operation("get", "/api/v1/incidents")).find((p) => p.name === "limit")!;
    expect(limit.in).toBe("query");
    expect(limit.schema).toMatchObject({ type: "integer", minimum: 1, maximum: 200, default: 50 });
    const q = params(operation("get", "/api/v1/users")).find((p) => p.name === "q")!;
    expect(q.required).toBe(false);
  });

  it("names path parameters as the route folders do", () => {
    expect(params(operation("delete", "/api/v1/incidents/{ref}/services/{slug}")).map((p) => [p.in, p.name, p.required])).toEqual([
      ["path", "ref", true],
      ["path", "slug", true],
    ]);
  });

  it("declares who may call: bearer token or session cookie, an integration secret, or nobody", () => {
    expect(Object.keys(doc.components!.securitySchemes!).sort()).toEqual(["bearerToken", "integrationSecret", "sessionCookie"]);
    const list = operation("get", "/api/v1/users");
    expect(list.security).toEqual([{ bearerToken: [] }, { sessionCookie: [] }]);
    expect((list as Record<string, unknown>)["x-min-role"]).toBe("responder");
    expect(operation("get", "/api/v1/openapi.json").security).toEqual([]);
  });

  it("maps an integration-secret operation to its own scheme, and adds the usual errors", () => {
    const intake: ApiOperation = {
      method: "post",
      path: "/api/v1/example/{id}/intake",
      summary: "Example intake",
      tags: ["Example"],
      auth: { kind: "integration-secret" },
      pathParams: z.object({ id: z.string() }),
      body: z.object({ status: z.string() }),
      responses: { 200: { description: "ok" } },
    };
    const built = buildOpenApiDocument([intake], "1");
    const op = (built.paths!["/api/v1/example/{id}/intake"] as Record<string, OperationObject>).post!;
    expect(op.security).toEqual([{ integrationSecret: [] }]);
    expect(Object.keys(op.responses!).sort()).toEqual(["200", "400", "401", "404", "413", "415"]);
  });

  it("describes responses with the resource schemas and the error envelope", () => {
    const get = operation("get", "/api/v1/incidents/{ref}");
    const ok = get.responses!["200"].content["application/json"].schema as ReferenceObject;
    expect(ok.$ref).toBe("#/components/schemas/Incident");
    expect(resolve(ok).required).toEqual(expect.arrayContaining(["reference", "version", "commander", "services"]));
    const notFound = get.responses!["404"].content["application/json"].schema as ReferenceObject;
    expect(notFound.$ref).toBe("#/components/schemas/Error");
    expect(Object.keys(get.responses!).sort()).toEqual(["200", "401", "403", "404"]);
    const list = resolve(operation("get", "/api/v1/incidents").responses!["200"].content["application/json"].schema);
    expect(Object.keys(list.properties!)).toEqual(["items", "nextCursor"]);
  });

  it("documents non-JSON responses with their media type", () => {
    expect(Object.keys(operation("get", "/api/v1/incidents/{ref}/postmortem.md").responses!["200"].content)).toEqual(["text/markdown"]);
    expect(Object.keys(operation("get", "/api/v1/events").responses!["200"].content)).toEqual(["text/event-stream"]);
  });
});
