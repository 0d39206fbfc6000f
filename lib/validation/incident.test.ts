import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fieldErrors } from "./parse";
import {
  addNoteSchema,
  declareIncidentSchema,
  incidentReference,
  isoDateTime,
  listIncidentsSchema,
  NOTE_MAX,
  parseReference,
  TITLE_MAX,
  updateIncidentSchema,
} from "./incident";

function errorsOf(schema: z.ZodType, input: unknown): Record<string, string> {
  const result = schema.safeParse(input);
  if (result.success) throw new Error(`expected ${JSON.stringify(input)} to be rejected`);
  return fieldErrors(result.error);
}

describe("declareIncidentSchema", () => {
  it("accepts a minimal incident and trims the title", () => {
    expect(declareIncidentSchema.parse({ title: "  Checkout errors  ", severity: "SEV2" })).toEqual({
      title: "Checkout errors",
      severity: "SEV2",
    });
  });

  it("rejects an empty or whitespace-only title", () => {
    expect(errorsOf(declareIncidentSchema, { title: "", severity: "SEV2" })).toEqual({ title: "Title is required" });
    expect(errorsOf(declareIncidentSchema, { title: "   ", severity: "SEV2" })).toEqual({ title: "Title is required" });
  });

  it("allows 200 characters and rejects 201", () => {
    expect(declareIncidentSchema.safeParse({ title: "x".repeat(TITLE_MAX), severity: "SEV3" }).success).toBe(true);
    expect(errorsOf(declareIncidentSchema, { title: "x".repeat(TITLE_MAX + 1), severity: "SEV3" }).title).toMatch(/at most 200/);
  });

  it("rejects a missing title or severity", () => {
    const errors = errorsOf(declareIncidentSchema, {});
    expect(Object.keys(errors).sort()).toEqual(["severity", "title"]);
  });

  it("rejects wrong types, naming each field", () => {
    const errors = errorsOf(declareIncidentSchema, { title: 42, severity: "SEV1", summary: ["x"], private: "yes", startedAt: 1700000000000 });
    expect(errors.title).toBe("Must be a string");
    expect(errors.summary).toBe("Must be a string");
    expect(errors.private).toBe("Must be true or false");
    expect(errors.startedAt).toMatch(/ISO-8601/);
  });

  it("rejects an unknown severity", () => {
    expect(errorsOf(declareIncidentSchema, { title: "x", severity: "SEV5" }).severity).toBe("Must be one of SEV1, SEV2, SEV3, SEV4");
    expect(errorsOf(declareIncidentSchema, { title: "x", severity: "sev1" }).severity).toMatch(/Must be one of/);
  });

  it("rejects an unknown field with 'Unknown field'", () => {
    expect(errorsOf(declareIncidentSchema, { title: "x", severity: "SEV1", priority: "high" })).toEqual({ priority: "Unknown field" });
  });

  it("parses an ISO date-time with a zone into epoch ms", () => {
    const data = declareIncidentSchema.parse({ title: "x", severity: "SEV1", startedAt: "2026-03-01T10:15:00Z" });
    expect(data.startedAt).toBe(Date.UTC(2026, 2, 1, 10, 15));
    const offset = declareIncidentSchema.parse({ title: "x", severity: "SEV1", startedAt: "2026-03-01T12:15:00+02:00" });
    expect(offset.startedAt).toBe(Date.UTC(2026, 2, 1, 10, 15));
  });

  it("rejects a summary over 20,000 characters", () => {
    expect(errorsOf(declareIncidentSchema, { title: "x", severity: "SEV1", summary: "s".repeat(20_001) }).summary).toMatch(/at most/);
  });
});

describe("isoDateTime", () => {
  it("accepts common ISO forms", () => {
    expect(isoDateTime.parse("2026-03-01T10:15Z")).toBe(Date.UTC(2026, 2, 1, 10, 15));
    expect(isoDateTime.parse("2026-03-01T10:15:30.250Z")).toBe(Date.UTC(2026, 2, 1, 10, 15, 30, 250));
    expect(isoDateTime.parse("2026-03-01T05:15:00-0500")).toBe(Date.UTC(2026, 2, 1, 10, 15));
    expect(isoDateTime.parse(" 2026-03-01T10:15:00Z ")).toBe(Date.UTC(2026, 2, 1, 10, 15));
    expect(isoDateTime.parse("2028-02-29T10:00:00Z")).toBe(Date.UTC(2028, 1, 29, 10));
  });

  it("rejects a date-time without a zone", () => {
    expect(isoDateTime.safeParse("2026-03-01T10:15:00").success).toBe(false);
    expect(isoDateTime.safeParse("2026-03-01").success).toBe(false);
  });

  it("rejects other formats", () => {
    for (const value of ["yesterday", "", "01/03/2026 10:15", "2026-3-1T10:15:00Z", "2026-03-01 10:15:00Z"]) {
      expect(isoDateTime.safeParse(value).success, value).toBe(false);
    }
  });

  it("rejects impossible dates that Date.parse would roll over", () => {
    for (const value of [
      "2026-02-30T10:00:00Z",
      "2026-02-29T10:00:00Z",
      "2026-04-31T10:00:00Z",
      "2026-13-01T10:00:00Z",
      "2026-00-10T10:00:00Z",
      "2026-01-00T10:00:00Z",
      "2026-01-01T24:00:00Z",
      "2026-01-01T23:60:00Z",
      "2026-01-01T23:59:60Z",
      "2026-01-01T10:00:00+24:00",
    ]) {
      const result = isoDateTime.safeParse(value);
      expect(result.success, value).toBe(false);
    }
    expect(errorsOf(declareIncidentSchema, { title: "x", severity: "SEV1", startedAt: "2026-02-30T10:00:00Z" })).toEqual({
      startedAt: "Not a real date",
    });
  });
});

describe("updateIncidentSchema", () => {
  it("requires a version", () => {
    expect(errorsOf(updateIncidentSchema, { title: "New" }).version).toMatch(/Required/);
    expect(errorsOf(updateIncidentSchema, { version: "3" }).version).toBeTruthy();
    expect(errorsOf(updateIncidentSchema, { version: 1.5 }).version).toBe("Must be a whole number");
    expect(errorsOf(updateIncidentSchema, { version: 0 }).version).toBe("Must be positive");
  });

  it("accepts a version alone and partial changes", () => {
    expect(updateIncidentSchema.parse({ version: 3 })).toEqual({ version: 3 });
    expect(updateIncidentSchema.parse({ version: 3, status: "resolved", severity: "SEV1" })).toEqual({
      version: 3,
      status: "resolved",
      severity: "SEV1",
    });
  });

  it("rejects an unknown status", () => {
    expect(errorsOf(updateIncidentSchema, { version: 1, status: "done" }).status).toMatch(/Must be one of investigating/);
  });

  it("allows clearing timestamps with null but not startedAt", () => {
    expect(updateIncidentSchema.parse({ version: 1, resolvedAt: null }).resolvedAt).toBeNull();
    expect(errorsOf(updateIncidentSchema, { version: 1, startedAt: null }).startedAt).toBeTruthy();
  });

  it("normalises role emails and allows null to unassign", () => {
    expect(updateIncidentSchema.parse({ version: 1, commanderEmail: " Ana@Example.COM " }).commanderEmail).toBe("ana@example.com");
    expect(updateIncidentSchema.parse({ version: 1, scribeEmail: null }).scribeEmail).toBeNull();
    expect(errorsOf(updateIncidentSchema, { version: 1, commanderEmail: "not-an-email" }).commanderEmail).toBe("Must be an email address");
  });

  it("rejects unknown fields", () => {
    expect(errorsOf(updateIncidentSchema, { version: 1, owner: "x" })).toEqual({ owner: "Unknown field" });
  });

  it("takes an optional update message with a status change, trimmed and length-checked", () => {
    expect(updateIncidentSchema.parse({ version: 1, status: "resolved", message: "  Fixed by rollback. " })).toEqual({
      version: 1,
      status: "resolved",
      message: "Fixed by rollback.",
    });
    expect(updateIncidentSchema.parse({ version: 1, status: "resolved", message: "   " }).message).toBeUndefined();
    expect(errorsOf(updateIncidentSchema, { version: 1, status: "resolved", message: "x".repeat(2001) }).message).toBe(
      "Update message must be at most 2000 characters",
    );
    expect(errorsOf(updateIncidentSchema, { version: 1, status: "resolved", message: 42 }).message).toBe("Must be a string");
    expect(errorsOf(updateIncidentSchema, { version: 1, message: "No status" }).message).toMatch(/send status too/);
  });
});

describe("addNoteSchema", () => {
  it("allows up to 20,000 characters and rejects more", () => {
    expect(addNoteSchema.safeParse({ body: "n".repeat(NOTE_MAX) }).success).toBe(true);
    expect(errorsOf(addNoteSchema, { body: "n".repeat(NOTE_MAX + 1) }).body).toMatch(/at most 20000/);
  });

  it("rejects an empty note", () => {
    expect(errorsOf(addNoteSchema, { body: "  \n " }).body).toBe("Note cannot be empty");
  });

  it("parses a backdated occurredAt", () => {
    expect(addNoteSchema.parse({ body: "x", occurredAt: "2026-03-01T10:15:00Z" }).occurredAt).toBe(Date.UTC(2026, 2, 1, 10, 15));
  });
});

describe("listIncidentsSchema", () => {
  it("defaults the limit to 50 and coerces query strings", () => {
    expect(listIncidentsSchema.parse({}).limit).toBe(50);
    expect(listIncidentsSchema.parse({ limit: "20" }).limit).toBe(20);
  });

  it("bounds the limit to 1–200", () => {
    expect(errorsOf(listIncidentsSchema, { limit: "0" }).limit).toBe("Must be at least 1");
    expect(errorsOf(listIncidentsSchema, { limit: "201" }).limit).toBe("Must be at most 200");
    expect(errorsOf(listIncidentsSchema, { limit: "abc" }).limit).toBeTruthy();
  });

  it("accepts status groups and rejects unknown statuses", () => {
    expect(listIncidentsSchema.parse({ status: "active" }).status).toBe("active");
    expect(errorsOf(listIncidentsSchema, { status: "open" }).status).toMatch(/Must be one of/);
  });

  it("reads one severity as before, and a comma-separated list", () => {
    expect(listIncidentsSchema.parse({ severity: "SEV2" }).severity).toEqual(["SEV2"]);
    expect(listIncidentsSchema.parse({ severity: "SEV1,SEV2" }).severity).toEqual(["SEV1", "SEV2"]);
    expect(listIncidentsSchema.parse({ severity: " SEV3 , SEV1,SEV3" }).severity).toEqual(["SEV3", "SEV1"]);
    expect(listIncidentsSchema.parse({}).severity).toBeUndefined();
  });

  it("rejects an unknown severity with the same message as before, and names the bad list item", () => {
    expect(errorsOf(listIncidentsSchema, { severity: "SEV5" })).toEqual({ severity: "Must be one of SEV1, SEV2, SEV3, SEV4" });
    expect(errorsOf(listIncidentsSchema, { severity: "sev1" })).toEqual({ severity: "Must be one of SEV1, SEV2, SEV3, SEV4" });
    expect(errorsOf(listIncidentsSchema, { severity: "" })).toEqual({ severity: "Must be one of SEV1, SEV2, SEV3, SEV4" });
    expect(errorsOf(listIncidentsSchema, { severity: 2 })).toEqual({ severity: "Must be one of SEV1, SEV2, SEV3, SEV4" });
    expect(errorsOf(listIncidentsSchema, { severity: "SEV1,SEV7" }).severity).toBe(
      'Must be one of SEV1, SEV2, SEV3, SEV4, or a comma-separated list of them ("SEV7" is not)',
    );
    expect(errorsOf(listIncidentsSchema, { severity: "SEV1," }).severity).toMatch(/an item is empty/);
  });

  it("takes from and to as real calendar days, to on or after from", () => {
    expect(listIncidentsSchema.parse({ from: "2026-08-27", to: "2026-11-24" })).toMatchObject({ from: "2026-08-27", to: "2026-11-24" });
    expect(listIncidentsSchema.parse({ from: "2026-11-24", to: "2026-11-24" })).toMatchObject({ from: "2026-11-24", to: "2026-11-24" });
    expect(listIncidentsSchema.parse({ from: "2028-02-29" }).from).toBe("2028-02-29");
    expect(listIncidentsSchema.parse({ to: " 2026-01-31 " }).to).toBe("2026-01-31");
    expect(errorsOf(listIncidentsSchema, { from: "2026-11-25", to: "2026-11-24" })).toEqual({ to: "Must be on or after from (2026-11-25)" });
    expect(errorsOf(listIncidentsSchema, { from: "2026-8-27" })).toEqual({ from: "Must be a date as YYYY-MM-DD, e.g. 2026-08-27" });
    expect(errorsOf(listIncidentsSchema, { to: "2026-08-27T00:00:00Z" })).toEqual({ to: "Must be a date as YYYY-MM-DD, e.g. 2026-08-27" });
    expect(errorsOf(listIncidentsSchema, { from: "2026-02-29" })).toEqual({ from: "2026-02-29 is not a real calendar date" });
    expect(errorsOf(listIncidentsSchema, { to: "2026-13-01" })).toEqual({ to: "2026-13-01 is not a real calendar date" });
    expect(errorsOf(listIncidentsSchema, { from: 20260827 })).toEqual({ from: "Must be a date as YYYY-MM-DD" });
  });

  it("takes from and to only between 2000-01-01 and 2099-12-31", () => {
    expect(listIncidentsSchema.parse({ from: "2000-01-01", to: "2099-12-31" })).toMatchObject({ from: "2000-01-01", to: "2099-12-31" });
    expect(errorsOf(listIncidentsSchema, { from: "0500-01-02" })).toEqual({ from: "Must be in 2000–2099" });
    expect(errorsOf(listIncidentsSchema, { to: "9999-12-31" })).toEqual({ to: "Must be in 2000–2099" });
  });

  it("takes team as a positive whole number", () => {
    expect(listIncidentsSchema.parse({ team: "7" }).team).toBe(7);
    for (const team of ["0", "-3", "1.5", "payments", ""]) {
      expect(errorsOf(listIncidentsSchema, { team }), team).toEqual({ team: "Must be a team id (a positive whole number)" });
    }
  });

  it("takes drill as 0 (leave drills out) or 1 (only drills)", () => {
    expect(listIncidentsSchema.parse({ drill: "0" }).drill).toBe(false);
    expect(listIncidentsSchema.parse({ drill: "1" }).drill).toBe(true);
    expect(listIncidentsSchema.parse({}).drill).toBeUndefined();
    expect(errorsOf(listIncidentsSchema, { drill: "true" })).toEqual({ drill: "Must be 0 (leave drills out) or 1 (only drills)" });
  });

  it("names every bad field at once", () => {
    expect(Object.keys(errorsOf(listIncidentsSchema, { from: "x", team: "x", drill: "2", severity: "x" })).sort()).toEqual([
      "drill",
      "from",
      "severity",
      "team",
    ]);
  });
});

describe("parseReference", () => {
  it("reads INC-n in any case", () => {
    expect(parseReference("INC-42")).toBe(42);
    expect(parseReference("inc-7")).toBe(7);
    expect(parseReference(" INC-1 ")).toBe(1);
  });

  it("rejects anything else", () => {
    for (const value of ["42", "INC-", "INC-0", "INC--1", "INC-4a", "INC-1.5", "INC-1234567890123", "PRB-4", ""]) {
      expect(parseReference(value), value).toBeNull();
    }
  });

  it("round-trips with incidentReference", () => {
    expect(incidentReference(42)).toBe("INC-42");
    expect(parseReference(incidentReference(1234))).toBe(1234);
  });
});
