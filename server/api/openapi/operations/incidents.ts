import { z } from "zod";
import type { ApiOperation } from "../operation";
import {
  addNoteSchema,
  addResponderSchema,
  declareIncidentSchema,
  highlightEntrySchema,
  listIncidentsSchema,
  responderPathSchema,
  updateIncidentSchema,
} from "@/lib/validation/incident";
import { eventStreamHeadersSchema, eventStreamQuerySchema } from "@/lib/validation/events";
import { itemsOf, pageOf } from "../schemas/common";
import { incidentListItemSchema, incidentSchema, timelineEntrySchema } from "../schemas/incident";
import { incidentPath, incidentRefParam, timelineEntryPath } from "../params";

const tags = ["Incidents"];
const auth = (minRole: "viewer" | "responder") => ({ kind: "actor", minRole }) as const;

const eventStream = {
  description: "`text/event-stream`: `retry:` first, then one `event:`/`id:`/`data:` message per change; a `: heartbeat` comment keeps it open.",
  schema: z.string(),
  contentType: "text/event-stream",
};

export const incidentsOperations: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/incidents",
    summary: "List incidents",
    description: "Open incidents first, then newest first; only those you may see. Page with `cursor`.",
    tags,
    auth: auth("viewer"),
    query: listIncidentsSchema,
    responses: { 200: { description: "A page of incidents.", schema: pageOf(incidentListItemSchema) } },
  },
  {
    method: "post",
    path: "/api/v1/incidents",
    summary: "Declare an incident",
    description:
      "With an `Idempotency-Key` header a retry returns the first incident (header `Idempotent-Replayed: true`); the same key with a different body is a 422.",
    tags,
    auth: auth("responder"),
    headers: z.object({ "Idempotency-Key": z.string().max(200).optional().meta({ description: "Any unique string (e.g. a UUID) per declare." }) }),
    body: declareIncidentSchema,
    responses: {
      201: { description: "The incident (Location: its URL).", schema: incidentSchema },
      422: { description: "The Idempotency-Key was used with a different body." },
    },
  },
  {
    method: "get",
    path: "/api/v1/incidents/{ref}",
    summary: "Get an incident",
    tags,
    auth: auth("viewer"),
    pathParams: incidentPath,
    responses: { 200: { description: "The incident with the people holding roles and the affected services.", schema: incidentSchema } },
  },
  {
    method: "patch",
    path: "/api/v1/incidents/{ref}",
    summary: "Change an incident",
    description:
      "Send the `version` you last read and only what changes. `message` (with `status`) is posted as a stakeholder update. " +
      "Roles take a person by email (`commanderEmail`) or by id (`commanderId`); null unassigns.",
    tags,
    auth: auth("responder"),
    pathParams: incidentPath,
    body: updateIncidentSchema,
    responses: {
      200: { description: "The incident after the change.", schema: incidentSchema },
      409: { description: "Stale `version`: `current` is the incident as it is now." },
    },
  },
  {
    method: "post",
    path: "/api/v1/incidents/{ref}/responders",
    summary: "Add a responder",
    description: "The person by id (`userId`) or by email (`email`): an active account. Adding someone who already responds changes nothing.",
    tags,
    auth: auth("responder"),
    pathParams: incidentPath,
    body: addResponderSchema,
    responses: { 200: { description: "The incident with its people.", schema: incidentSchema } },
  },
  {
    method: "delete",
    path: "/api/v1/incidents/{ref}/responders/{person}",
    summary: "Remove a responder",
    description: "`person` is the user id or the email. 404 when they are not a responder of this incident.",
    tags,
    auth: auth("responder"),
    pathParams: responderPathSchema.extend({ ref: incidentRefParam }),
    responses: { 200: { description: "The incident with its people.", schema: incidentSchema } },
  },
  {
    method: "get",
    path: "/api/v1/incidents/{ref}/timeline",
    summary: "List timeline entries",
    description: "Oldest first, the order an incident is read in.",
    tags,
    auth: auth("viewer"),
    pathParams: incidentPath,
    responses: { 200: { description: "Every entry.", schema: itemsOf(timelineEntrySchema) } },
  },
  {
    method: "post",
    path: "/api/v1/incidents/{ref}/timeline",
    summary: "Add a note",
    tags,
    auth: auth("responder"),
    pathParams: incidentPath,
    body: addNoteSchema,
    responses: { 201: { description: "The note.", schema: timelineEntrySchema } },
  },
  {
    method: "patch",
    path: "/api/v1/incidents/{ref}/timeline/{id}",
    summary: "Highlight a timeline entry",
    tags,
    auth: auth("responder"),
    pathParams: timelineEntryPath,
    body: highlightEntrySchema,
    responses: { 200: { description: "The entry.", schema: timelineEntrySchema } },
  },
  {
    method: "get",
    path: "/api/v1/incidents/{ref}/events",
    summary: "Stream this incident's changes",
    description: "Server-Sent Events. Reconnect with `Last-Event-ID` (or `?lastEventId=`) to replay what was missed.",
    tags: ["Live updates"],
    auth: auth("viewer"),
    pathParams: incidentPath,
    query: eventStreamQuerySchema,
    headers: eventStreamHeadersSchema,
    responses: { 200: eventStream },
  },
  {
    method: "get",
    path: "/api/v1/events",
    summary: "Stream changes to every incident you may see",
    description: "Server-Sent Events, checked per event when it is sent. Reconnect with `Last-Event-ID` (or `?lastEventId=`).",
    tags: ["Live updates"],
    auth: auth("viewer"),
    query: eventStreamQuerySchema,
    headers: eventStreamHeadersSchema,
    responses: { 200: eventStream },
  },
];
