import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { parseThrottleTarget } from "./throttle-target";

function fieldsOf(input: { email?: unknown; address?: unknown }) {
  try {
    parseThrottleTarget(input);
  } catch (error) {
    if (error instanceof AppError) return { status: error.status, fields: error.fields };
    throw error;
  }
  return null;
}

describe("parseThrottleTarget", () => {
  it("takes an email, an address, or both", () => {
    expect(parseThrottleTarget({ email: " Ana@Example.test " })).toEqual({ email: "ana@example.test", address: null });
    expect(parseThrottleTarget({ address: "::ffff:192.0.2.1" })).toEqual({ email: null, address: "192.0.2.1" });
    expect(parseThrottleTarget({ email: "a@b.c", address: "2001:db8::1" })).toEqual({ email: "a@b.c", address: "2001:db8::1" });
    expect(parseThrottleTarget({ address: "unknown" })).toEqual({ email: null, address: "unknown" });
  });
  it("answers 400 naming the field", () => {
    expect(fieldsOf({})).toEqual({ status: 400, fields: { email: expect.any(String), address: expect.any(String) } });
    expect(fieldsOf({ email: "", address: "  " })?.fields).toHaveProperty("email");
    expect(fieldsOf({ email: "a@b.c", address: "evil.example" })).toEqual({ status: 400, fields: { address: "Not an IP address" } });
    expect(fieldsOf({ email: "x".repeat(255) })).toEqual({ status: 400, fields: { email: "At most 254 characters" } });
    expect(fieldsOf({ email: 42 })).toEqual({ status: 400, fields: { email: "Must be text" } });
  });
});
