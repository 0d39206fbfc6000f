import { describe, expect, it } from "vitest";
import type { Actor } from "./actor";
import { AppError } from "./errors";
import { USER_ROLES, type UserRole } from "./roles";
import {
  PERMISSIONS,
  can,
  canEditIncident,
  canEditPostmortem,
  canPublishPostmortem,
  canReadIncident,
  canReadPostmortem,
  canSendBackPostmortem,
  effectiveTokenRole,
  requirePermission,
  requireRole,
  type Resource,
} from "./policy";

const person = (role: UserRole, userId = 7): Actor => ({ kind: "user", userId, role, email: `${role}@example.com`, name: role });
const token = (role: UserRole): Actor => ({ kind: "token", tokenId: 3, role, name: "ci" });

// role × resource × action: "V" viewer, "R" responder, "A" admin may act (roles nest). Written out
// by hand so that any change to who may do what shows up here.
const EXPECTED: Record<string, "VRA" | "RA" | "A"> = {
  "incident.declare": "RA",
  "incident.edit": "RA",
  "incident.note": "RA",
  "incident.highlight": "RA",
  "incident.manage-responders": "RA",
  "incident.link-services": "RA",
  "incident.override-spend": "RA",
  "incident.check-checklist": "RA",
  "incident.see-private": "A",
  "postmortem.read-draft": "RA",
  "postmortem.start": "RA",
  "postmortem.edit": "RA",
  "postmortem.comment": "RA",
  "postmortem.send-for-review": "RA",
  "postmortem.unpublish": "A",
  "postmortem.own-or-review": "RA",
  "action-item.create": "RA",
  "action-item.edit": "RA",
  "service.create": "A",
  "service.edit": "RA",
  "service.edit-ownership": "A",
  "slo.manage": "A",
  "playbook.manage": "A",
  "team.manage": "A",
  "user.manage": "A",
  "webhook.manage": "A",
  "token.create": "A",
  "token.list": "A",
  "token.revoke": "A",
  "settings.read": "A",
  "settings.edit": "A",
  "factor.manage": "A",
  "audit.read": "A",
  "sign-in-throttle.manage": "A",
  "first-run.see": "A",
  "first-run.dismiss": "A",
  "admin.open": "A",
};
const letter: Record<UserRole, string> = { viewer: "V", responder: "R", admin: "A" };

const pairs = Object.entries(PERMISSIONS).flatMap(([resource, actions]) => Object.keys(actions).map((action) => `${resource}.${action}`));

describe("the permission table", () => {
  it("lists exactly the actions the expected table names", () => {
    expect(pairs.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const key of Object.keys(EXPECTED)) {
    const [resource, action] = [key.slice(0, key.indexOf(".")), key.slice(key.indexOf(".") + 1)] as [Resource, never];
    for (const role of USER_ROLES) {
      const allowed = EXPECTED[key]!.includes(letter[role]);
      it(`${role} ${allowed ? "may" : "may not"} ${key}, as a person and as a token`, () => {
        for (const actor of [person(role), token(role)]) {
          expect(can(actor, resource, action)).toBe(allowed);
          if (allowed) expect(() => requirePermission(actor, resource, action)).not.toThrow();
          else {
            const error = (() => {
              try {
                requirePermission(actor, resource, action);
              } catch (e) {
                return e;
              }
            })();
            expect(error).toBeInstanceOf(AppError);
            expect((error as AppError).status).toBe(403);
            expect((error as AppError).message).toBe((PERMISSIONS[resource] as Record<string, { denied: string }>)[action]!.denied);
          }
        }
      });
    }
  }

  it("requireRole names the role needed and what was refused", () => {
    expect(() => requireRole(person("responder"), "admin", "export everything")).toThrow("Only admins can export everything");
    expect(() => requireRole(person("viewer"), "responder", "write")).toThrow("Only responders can write");
    expect(() => requireRole(person("admin"), "admin", "x")).not.toThrow();
  });
});

describe("incident rules", () => {
  // [private, involved] → who may read / edit
  const cases: [boolean, boolean, Record<UserRole, [read: boolean, edit: boolean]>][] = [
    [false, false, { viewer: [true, false], responder: [true, true], admin: [true, true] }],
    [false, true, { viewer: [true, false], responder: [true, true], admin: [true, true] }],
    [true, false, { viewer: [false, false], responder: [false, false], admin: [true, true] }],
    [true, true, { viewer: [true, false], responder: [true, true], admin: [true, true] }],
  ];
  for (const [isPrivate, involved, byRole] of cases) {
    for (const role of USER_ROLES) {
      it(`${isPrivate ? "private" : "public"} incident, ${involved ? "involved" : "not involved"} ${role}: read ${byRole[role][0]}, edit ${byRole[role][1]}`, () => {
        const facts = { private: isPrivate, involved };
        expect(canReadIncident(person(role), facts)).toBe(byRole[role][0]);
        expect(canEditIncident(person(role), facts)).toBe(byRole[role][1]);
        expect(canEditPostmortem(person(role), facts)).toBe(byRole[role][1]);
      });
    }
  }
});

describe("postmortem rules", () => {
  const open = { private: false, involved: false };
  const hidden = { private: true, involved: false };
  it("viewers read published postmortems only; drafts and reviews need responder", () => {
    for (const status of ["draft", "in_review", "published"]) {
      expect(canReadPostmortem(person("viewer"), open, { status })).toBe(status === "published");
      expect(canReadPostmortem(person("responder"), open, { status })).toBe(true);
      expect(canReadPostmortem(person("admin"), open, { status })).toBe(true);
    }
  });
  it("a postmortem of a private incident is as hidden as the incident", () => {
    expect(canReadPostmortem(person("responder"), hidden, { status: "published" })).toBe(false);
    expect(canReadPostmortem(person("admin"), hidden, { status: "draft" })).toBe(true);
  });
  it("named reviewers and admins publish; the owner may only send back", () => {
    const facts = { reviewerIds: [7], ownerId: 9 };
    expect(canPublishPostmortem(person("responder", 7), facts)).toBe(true);
    expect(canPublishPostmortem(person("responder", 9), facts)).toBe(false);
    expect(canPublishPostmortem(person("responder", 8), facts)).toBe(false);
    expect(canPublishPostmortem(person("admin", 8), facts)).toBe(true);
    expect(canPublishPostmortem(token("responder"), facts)).toBe(false);
    expect(canSendBackPostmortem(person("responder", 9), facts)).toBe(true);
    expect(canSendBackPostmortem(person("responder", 8), facts)).toBe(false);
    expect(canSendBackPostmortem(person("responder", 7), { reviewerIds: [7], ownerId: null })).toBe(true);
  });
});

describe("tokens", () => {
  it("act with their own role, capped at their creator's current role", () => {
    expect(effectiveTokenRole("admin", "responder")).toBe("responder");
    expect(effectiveTokenRole("viewer", "admin")).toBe("viewer");
    expect(effectiveTokenRole("responder", null)).toBe("responder");
  });
});
