import type { ApiOperation } from "../operation";
import { checklistDoneSchema, createPlaybookSchema, serviceSlugsField, updatePlaybookSchema } from "@/lib/validation/playbook";
import { itemsOf } from "../schemas/common";
import { checklistItemSchema, checklistSchema } from "../schemas/incident";
import { playbookSchema } from "../schemas/playbook";
import { idPath, incidentPath } from "../params";

const tags = ["Playbooks and checklists"];
const admin = { kind: "actor", minRole: "admin" } as const;
// The API also names services by slug; the route turns `services` into `serviceIds` before the schema runs.
const services = { services: serviceSlugsField.optional().meta({ description: "Service slugs (instead of serviceIds)." }) };

export const playbooksOperations: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/playbooks",
    summary: "List playbooks",
    tags,
    auth: { kind: "actor", minRole: "viewer" },
    responses: { 200: { description: "Every playbook.", schema: itemsOf(playbookSchema) } },
  },
  {
    method: "post",
    path: "/api/v1/playbooks",
    summary: "Add a playbook",
    description: "Its checklist is copied onto incidents whose severity or services match.",
    tags,
    auth: admin,
    body: createPlaybookSchema.extend(services),
    responses: { 201: { description: "The playbook.", schema: playbookSchema } },
  },
  {
    method: "get",
    path: "/api/v1/playbooks/{id}",
    summary: "Get a playbook",
    tags,
    auth: { kind: "actor", minRole: "viewer" },
    pathParams: idPath("playbook"),
    responses: { 200: { description: "The playbook.", schema: playbookSchema } },
  },
  {
    method: "patch",
    path: "/api/v1/playbooks/{id}",
    summary: "Change a playbook",
    description: "`items` and `services` replace their lists. Send the `version` you last read.",
    tags,
    auth: admin,
    pathParams: idPath("playbook"),
    body: updatePlaybookSchema.extend(services),
    responses: {
      200: { description: "The playbook after the change.", schema: playbookSchema },
      409: { description: "Stale `version`: `current` is the playbook as it is now." },
    },
  },
  {
    method: "delete",
    path: "/api/v1/playbooks/{id}",
    summary: "Delete a playbook",
    description: "Checklists already copied onto incidents stay.",
    tags,
    auth: admin,
    pathParams: idPath("playbook"),
    responses: { 204: { description: "Deleted." } },
  },
  {
    method: "get",
    path: "/api/v1/incidents/{ref}/checklist",
    summary: "An incident's checklist",
    tags,
    auth: { kind: "actor", minRole: "viewer" },
    pathParams: incidentPath,
    responses: { 200: { description: "The items in checklist order, with progress.", schema: checklistSchema } },
  },
  {
    method: "patch",
    path: "/api/v1/checklist-items/{id}",
    summary: "Check or uncheck a checklist item",
    description: "Who and when go on the timeline; setting the state it already has changes nothing.",
    tags,
    auth: { kind: "actor", minRole: "responder" },
    pathParams: idPath("checklist item"),
    body: checklistDoneSchema,
    responses: { 200: { description: "The item.", schema: checklistItemSchema } },
  },
];
