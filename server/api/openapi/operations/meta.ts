import { z } from "zod";
import type { ApiOperation } from "../operation";

export const metaOperations: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/openapi.json",
    summary: "This API description",
    description:
      "The OpenAPI 3.1 document of every /api/v1 operation, generated from the schemas the handlers validate with. The interactive reference is at /api/docs.",
    tags: ["Meta"],
    auth: { kind: "none" },
    responses: { 200: { description: "The OpenAPI document.", schema: z.object({ openapi: z.string() }).loose() } },
  },
];
