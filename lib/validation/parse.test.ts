import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "../errors";
import { fieldErrors, parseInput } from "./parse";

const schema = z.strictObject({
  name: z.string().min(1, "Name is required"),
  age: z.number({ error: "Must be a number" }).int("Whole number").min(0, "Too small"),
  address: z.object({ city: z.string({ error: "City is required" }) }).optional(),
});

describe("fieldErrors", () => {
  it("maps each issue to its field path", () => {
    const result = schema.safeParse({ name: "", age: "x", address: {} });
    expect(result.success).toBe(false);
    expect(fieldErrors(result.error!)).toEqual({ name: "Name is required", age: "Must be a number", "address.city": "City is required" });
  });

  it("keeps only the first message per field", () => {
    const twoChecks = z.object({ n: z.number().int("Whole number").min(10, "Too small") });
    const result = twoChecks.safeParse({ n: 1.5 });
    expect(fieldErrors(result.error!)).toEqual({ n: "Whole number" });
  });

  it("names unknown keys with 'Unknown field'", () => {
    const result = schema.safeParse({ name: "a", age: 1, colour: "red", size: 2 });
    expect(fieldErrors(result.error!)).toEqual({ colour: "Unknown field", size: "Unknown field" });
  });

  it("uses 'body' for a problem with the input as a whole", () => {
    const result = schema.safeParse("not an object");
    expect(Object.keys(fieldErrors(result.error!))).toEqual(["body"]);
    const nothing = schema.safeParse(null);
    expect(Object.keys(fieldErrors(nothing.error!))).toEqual(["body"]);
  });
});

describe("parseInput", () => {
  it("returns parsed data", () => {
    expect(parseInput(schema, { name: "Ana", age: 3 })).toEqual({ name: "Ana", age: 3 });
  });

  it("throws a 400 AppError naming every bad field", () => {
    let caught: unknown;
    try {
      parseInput(schema, { name: "", age: -1 });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    const error = caught as AppError;
    expect(error.status).toBe(400);
    expect(error.code).toBe("validation_failed");
    expect(error.fields).toEqual({ name: "Name is required", age: "Too small" });
    expect(error.message).toBe("Invalid input: name: Name is required; age: Too small");
    expect(error.toJSON()).toEqual({
      error: { code: "validation_failed", message: error.message, fields: { name: "Name is required", age: "Too small" } },
    });
  });
});

describe("fieldErrors with keys Object.prototype already has", () => {
  it.each(["__proto__", "constructor", "toString", "hasOwnProperty"])("names an unknown field %j", (key) => {
    const result = z.strictObject({ name: z.string() }).safeParse(JSON.parse(`{"name": "a", ${JSON.stringify(key)}: 1}`));
    const fields = fieldErrors(result.error!);
    expect(Object.keys(fields)).toEqual([key]);
    expect(JSON.parse(JSON.stringify(fields))[key]).toBe("Unknown field");
  });
});

describe("objects posing as strings or lists", () => {
  const withLimits = z.strictObject({ title: z.string().max(20), tags: z.array(z.string()).max(3).optional() });

  it.each([
    ["a length that cannot become a number", { title: { length: { toString: 1 } } }, "title"],
    ["a length holding such an object", { title: "ok", tags: { length: [{ toString: 1 }] } }, "tags"],
  ])("%s is a 400 naming the field, not a TypeError", (_, input, field) => {
    let caught: unknown;
    try {
      parseInput(withLimits, JSON.parse(JSON.stringify(input)));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).status).toBe(400);
    expect((caught as AppError).fields).toHaveProperty([field]);
  });
});
