import type { ApiOperation } from "../operation";
import { createActionItemSchema, listActionItemsSchema, updateActionItemSchema } from "@/lib/validation/action-item";
import { pageOf } from "../schemas/common";
import { actionItemSchema, incidentActionItemsSchema } from "../schemas/action-item";
import { idPath, incidentPath } from "../params";

const tags = ["Action items"];

export const actionItemsOperations: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/action-items",
    summary: "List action items",
    description: "Items of incidents you may see. `owner` is `me`, a user id or an email address.",
    tags,
    auth: { kind: "actor", minRole: "viewer" },
    query: listActionItemsSchema,
    responses: { 200: { description: "A page of action items.", schema: pageOf(actionItemSchema) } },
  },
  {
    method: "get",
    path: "/api/v1/incidents/{ref}/action-items",
    summary: "List an incident's action items",
    description: "Unfinished first, then by due date, with progress.",
    tags,
    auth: { kind: "actor", minRole: "viewer" },
    pathParams: incidentPath,
    responses: { 200: { description: "The items and progress.", schema: incidentActionItemsSchema } },
  },
  {
    method: "post",
    path: "/api/v1/incidents/{ref}/action-items",
    summary: "Add an action item",
    description:
      "The owner by id (`ownerId`) or by email (`ownerEmail`); the service by id (`serviceId`) or slug (`service`). The due date defaults by priority.",
    tags,
    auth: { kind: "actor", minRole: "responder" },
    pathParams: incidentPath,
    body: createActionItemSchema,
    responses: { 201: { description: "The item (Location: its URL).", schema: actionItemSchema } },
  },
  {
    method: "get",
    path: "/api/v1/action-items/{id}",
    summary: "Get an action item",
    tags,
    auth: { kind: "actor", minRole: "viewer" },
    pathParams: idPath("action item"),
    responses: { 200: { description: "The item.", schema: actionItemSchema } },
  },
  {
    method: "patch",
    path: "/api/v1/action-items/{id}",
    summary: "Change an action item",
    description: "Send the `version` you last read. Status and owner changes go on the incident timeline.",
    tags,
    auth: { kind: "actor", minRole: "responder" },
    pathParams: idPath("action item"),
    body: updateActionItemSchema,
    responses: {
      200: { description: "The item after the change.", schema: actionItemSchema },
      409: { description: "Stale `version`: `current` is the item as it is now." },
    },
  },
];
