import { NextResponse } from "next/server";
import { apiRoute } from "@/server/api/handler";
import { openApiDocument } from "@/server/api/openapi/openapi-document";

export const dynamic = "force-dynamic";

/** GET → the OpenAPI 3.1 document of every /api/v1 operation. Public: the description is no secret; each operation still needs its own authentication. */
export const GET = apiRoute(async () => NextResponse.json(openApiDocument()));
