import type { ApiOperation } from "../operation";
import { listUsersSchema } from "@/lib/validation/user";
import { pageOf } from "../schemas/common";
import { userSchema } from "../schemas/people";

export const usersOperations: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/users",
    summary: "List people",
    description:
      "People to name as action item owners, postmortem owners and reviewers, and incident roles, by name. " +
      "`q` matches the name or email (any case); those starting with it come first. Anywhere the API takes a person, " +
      "send their id or their email.",
    tags: ["Teams and people"],
    auth: { kind: "actor", minRole: "responder" },
    query: listUsersSchema,
    responses: { 200: { description: "A page of people.", schema: pageOf(userSchema) } },
  },
];
