import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors";
import { getLogger } from "@/server/observability/logger.mjs";
import { apiRoute } from "./handler";

const request = (headers: Record<string, string> = {}) => new NextRequest("http://localhost/api/v1/things/7", { headers });

afterEach(() => vi.restoreAllMocks());

describe("apiRoute errors", () => {
  it("puts the request id into an AppError body, fields and details kept", async () => {
    const route = apiRoute(async () => {
      throw new AppError("conflict", "Changed meanwhile", { version: "Stale" }, { current: { version: 3 } });
    });
    const res = await route(request({ "x-request-id": "req-123" }), {});
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({
      error: { code: "conflict", message: "Changed meanwhile", fields: { version: "Stale" }, requestId: "req-123" },
      current: { version: 3 },
    });
  });

  it("logs an unexpected error as JSON with the request id and answers a 500 naming it", async () => {
    const logged = vi.spyOn(getLogger(), "error").mockImplementation(() => undefined);
    const boom = new Error("database exploded");
    const route = apiRoute(async () => {
      throw boom;
    });
    const res = await route(request({ "x-request-id": "req-500" }), {});
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: { code: "internal", message: "Something went wrong on the server; it has been logged.", requestId: "req-500" } });
    expect(logged).toHaveBeenCalledWith(
      expect.objectContaining({ err: boom, requestId: "req-500", method: "GET", path: "/api/v1/things/7" }),
      "API request failed",
    );
  });
});
