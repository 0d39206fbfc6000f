import { z } from "zod";
import type { ApiOperation } from "../operation";
import {
  addCommentSchema,
  createFactorSchema,
  listFactorsQuerySchema,
  listPostmortemsSchema,
  regenerateTimelineSchema,
  reviewCheckSchema,
  savePostmortemSchema,
  setReviewersSchema,
  transitionSchema,
} from "@/lib/validation/postmortem";
import { itemsOf, pageOf } from "../schemas/common";
import { factorSchema, postmortemCommentSchema, postmortemListItemSchema, postmortemSchema } from "../schemas/postmortem";
import { incidentPath } from "../params";

const tags = ["Postmortems"];
const responders = { kind: "actor", minRole: "responder" } as const;
const stale = { 409: { description: "Stale `version`: `current` is the postmortem as it is now." } };
const one = { description: "The postmortem.", schema: postmortemSchema };

export const postmortemsOperations: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/postmortems",
    summary: "List postmortems",
    description: "Postmortems of incidents you may see, and incidents that require one but have none yet (`not_started`). Viewers see published ones only.",
    tags,
    auth: { kind: "actor", minRole: "viewer" },
    query: listPostmortemsSchema,
    responses: { 200: { description: "A page of postmortems.", schema: pageOf(postmortemListItemSchema) } },
  },
  {
    method: "get",
    path: "/api/v1/incidents/{ref}/postmortem",
    summary: "Get an incident's postmortem",
    description: "404 when none was started (for viewers: when it is not published).",
    tags,
    auth: { kind: "actor", minRole: "viewer" },
    pathParams: incidentPath,
    responses: { 200: one },
  },
  {
    method: "post",
    path: "/api/v1/incidents/{ref}/postmortem",
    summary: "Start the postmortem",
    description: "Starts it from the template; no body needed.",
    tags,
    auth: responders,
    pathParams: incidentPath,
    responses: { 201: { ...one, description: "The new postmortem." }, 409: { description: "It already exists: `current` is the postmortem." } },
  },
  {
    method: "put",
    path: "/api/v1/incidents/{ref}/postmortem",
    summary: "Save the postmortem",
    description:
      "Sections not sent stay as they are. The owner by id (`ownerId`) or by email (`ownerEmail`); null removes it. `noActionItemsReason: null` removes the note.",
    tags,
    auth: responders,
    pathParams: incidentPath,
    body: savePostmortemSchema,
    responses: { 200: one, ...stale },
  },
  {
    method: "post",
    path: "/api/v1/incidents/{ref}/postmortem/transitions",
    summary: "Send for review, publish, or move back to draft",
    description:
      "Publishing needs a named reviewer or an admin, every review question ticked, and the publish gate passed (summary, impact, timeline and " +
      "root causes written, a contributing factor, a tracked action item or a noActionItemsReason), else 422 with `fields` naming each missing part. " +
      "Blameless hints in the text need `acknowledgeHints: true`. Back to draft needs a comment. Reviewers by id (`reviewerIds`) or email (`reviewerEmails`).",
    tags,
    auth: responders,
    pathParams: incidentPath,
    body: transitionSchema,
    responses: { 200: one, ...stale, 422: { description: "The publish gate: `error.fields` names each missing part." } },
  },
  {
    method: "post",
    path: "/api/v1/incidents/{ref}/postmortem/comments",
    summary: "Comment on a section",
    tags,
    auth: responders,
    pathParams: incidentPath,
    body: addCommentSchema,
    responses: { 201: { description: "The comment.", schema: postmortemCommentSchema } },
  },
  {
    method: "put",
    path: "/api/v1/incidents/{ref}/postmortem/review-checklist",
    summary: "Tick a review question",
    description: "A named reviewer or an admin.",
    tags,
    auth: responders,
    pathParams: incidentPath,
    body: reviewCheckSchema,
    responses: { 200: one },
  },
  {
    method: "put",
    path: "/api/v1/incidents/{ref}/postmortem/reviewers",
    summary: "Name the reviewers",
    description: "Replaces the list: active responders or admins, by id (`reviewerIds`) or by email (`reviewerEmails`).",
    tags,
    auth: responders,
    pathParams: incidentPath,
    body: setReviewersSchema,
    responses: { 200: one },
  },
  {
    method: "post",
    path: "/api/v1/incidents/{ref}/postmortem/timeline",
    summary: "Regenerate the timeline section",
    description: "From the incident: key times, status and severity changes, highlighted entries (every note with `includeAllNotes: true`).",
    tags,
    auth: responders,
    pathParams: incidentPath,
    body: regenerateTimelineSchema,
    responses: { 200: one, ...stale },
  },
  {
    method: "get",
    path: "/api/v1/incidents/{ref}/postmortem.md",
    summary: "Export the postmortem as Markdown",
    description: "Every section, factors, and action items with owners and status, as a download.",
    tags,
    auth: { kind: "actor", minRole: "viewer" },
    pathParams: incidentPath,
    responses: { 200: { description: "The Markdown file.", schema: z.string(), contentType: "text/markdown" } },
  },
  {
    method: "get",
    path: "/api/v1/factors",
    summary: "List contributing factors",
    description: "The taxonomy postmortems tag; archived ones only with `includeArchived`.",
    tags,
    auth: { kind: "actor", minRole: "viewer" },
    query: listFactorsQuerySchema,
    responses: { 200: { description: "The factors.", schema: itemsOf(factorSchema) } },
  },
  {
    method: "post",
    path: "/api/v1/factors",
    summary: "Add a contributing factor",
    tags,
    auth: { kind: "actor", minRole: "admin" },
    body: createFactorSchema,
    responses: { 201: { description: "The factor.", schema: factorSchema } },
  },
];
