import { describe, expect, it } from "vitest";
import { hasRole, ROLE_DESCRIPTIONS, USER_ROLES } from "./roles";

describe("hasRole", () => {
  it("each role includes the ones before it", () => {
    expect(hasRole("admin", "admin")).toBe(true);
    expect(hasRole("admin", "responder")).toBe(true);
    expect(hasRole("admin", "viewer")).toBe(true);
    expect(hasRole("responder", "responder")).toBe(true);
    expect(hasRole("responder", "viewer")).toBe(true);
    expect(hasRole("viewer", "viewer")).toBe(true);
  });

  it("a lower role never has a higher one", () => {
    expect(hasRole("viewer", "responder")).toBe(false);
    expect(hasRole("viewer", "admin")).toBe(false);
    expect(hasRole("responder", "admin")).toBe(false);
  });

  it("roles are listed lowest first and all described", () => {
    expect(USER_ROLES).toEqual(["viewer", "responder", "admin"]);
    for (const role of USER_ROLES) expect(ROLE_DESCRIPTIONS[role]).toBeTruthy();
  });
});
