import type { ApiOperation } from "../operation";
import { updateCadenceSchema } from "@/lib/update-cadence";
import { throttleTargetQuerySchema } from "@/server/auth/throttle-target";
import { itemsOf } from "../schemas/common";
import { signInThrottleSchema, teamSchema, updateCadenceResponseSchema } from "../schemas/people";
import { z } from "zod";

const admin = { kind: "actor", minRole: "admin" } as const;

export const adminOperations: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/teams",
    summary: "List teams",
    description: "Teams with their members and how many services they own.",
    tags: ["Teams and people"],
    auth: { kind: "actor", minRole: "viewer" },
    responses: { 200: { description: "The teams.", schema: itemsOf(teamSchema) } },
  },
  {
    method: "get",
    path: "/api/v1/settings/update-cadence",
    summary: "Stakeholder update cadence",
    tags: ["Settings"],
    auth: admin,
    responses: { 200: { description: "Minutes between stakeholder updates per severity.", schema: updateCadenceResponseSchema } },
  },
  {
    method: "put",
    path: "/api/v1/settings/update-cadence",
    summary: "Set the stakeholder update cadence",
    description: "Every severity: whole minutes 1–1440, or null for none. Audited.",
    tags: ["Settings"],
    auth: admin,
    body: updateCadenceSchema,
    responses: { 200: { description: "The saved cadence.", schema: updateCadenceResponseSchema } },
  },
  {
    method: "get",
    path: "/api/v1/sign-in-throttles",
    summary: "Active sign-in limits",
    description: "Paused account/address pairs, paused addresses and slowed accounts, longest-lasting first (at most 200 of `total`).",
    tags: ["Settings"],
    auth: admin,
    responses: {
      200: { description: "The limits in force.", schema: z.strictObject({ items: z.array(signInThrottleSchema), total: z.number().int() }) },
    },
  },
  {
    method: "delete",
    path: "/api/v1/sign-in-throttles",
    summary: "Clear sign-in limits",
    description: "Forgets the failures of an account, an address, or the pair (audited).",
    tags: ["Settings"],
    auth: admin,
    query: throttleTargetQuerySchema,
    responses: { 204: { description: "Cleared." }, 404: { description: "Nothing matched." } },
  },
];
