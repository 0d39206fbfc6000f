import { expect, test, type APIResponse } from "@playwright/test";
import { bearer } from "../support/fixtures";

// Query days are bounded to 2000-01-01..2099-12-31: a report of the year 0500 once held the
// one Node thread for 10–26 s, and 9999-12-31 threw a RangeError (500).

const BOUNDS = "Must be in 2000–2099";

async function validationFields(res: APIResponse): Promise<Record<string, string>> {
  expect(res.status(), await res.text()).toBe(400);
  const body = (await res.json()) as { error: { code: string; message: string; fields?: Record<string, string> } };
  expect(body.error.code).toBe("validation_failed");
  return body.error.fields ?? {};
}

test.describe("insights date bounds", () => {
  test("a report of the year 0500 is a 400 naming from and to", async ({ request }) => {
    const res = await request.get("/api/v1/insights?from=0500-01-02&to=0503-01-01", { headers: bearer("viewer") });
    expect(await validationFields(res)).toEqual({ from: BOUNDS, to: BOUNDS });
  });

  test("9999-12-31 is a 400 naming the field, not a 500", async ({ request }) => {
    const res = await request.get("/api/v1/insights?from=9999-12-31&to=9999-12-31", { headers: bearer("viewer") });
    expect(await validationFields(res)).toEqual({ from: BOUNDS, to: BOUNDS });
    const toOnly = await request.get("/api/v1/insights?from=2026-01-01&to=2100-01-01", { headers: bearer("viewer") });
    expect(await validationFields(toOnly)).toEqual({ to: BOUNDS });
  });

  test("the CSV export and the incident list refuse the same days", async ({ request }) => {
    const csv = await request.get("/api/v1/insights/incidents.csv?from=0500-01-02&to=0503-01-01", { headers: bearer("viewer") });
    expect(await validationFields(csv)).toMatchObject({ from: BOUNDS });
    const list = await request.get("/api/v1/incidents?from=1999-12-31&to=9999-12-31", { headers: bearer("viewer") });
    expect(await validationFields(list)).toEqual({ from: BOUNDS, to: BOUNDS });
  });

  test("the widest allowed reports are answered", async ({ request }) => {
    for (const range of ["from=2000-01-01&to=2002-12-31", "from=2097-01-01&to=2099-12-31"]) {
      const res = await request.get(`/api/v1/insights?${range}`, { headers: bearer("viewer") });
      expect(res.status(), await res.text()).toBe(200);
    }
  });

  test("/api/health answers quickly while wide and refused reports are asked for", async ({ request }) => {
    const reports = [
      request.get("/api/v1/insights?from=0500-01-02&to=0503-01-01", { headers: bearer("viewer") }),
      request.get("/api/v1/insights?from=2000-01-01&to=2002-12-31", { headers: bearer("viewer") }),
    ];
    const started = Date.now();
    const health = await request.get("/api/health");
    const took = Date.now() - started;
    expect(health.status()).toBe(200);
    expect(took).toBeLessThan(1000);
    await Promise.all(reports);
  });
});
