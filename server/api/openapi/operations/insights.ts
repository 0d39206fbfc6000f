import { z } from "zod";
import type { ApiOperation } from "../operation";
import { insightsQuerySchema } from "@/lib/insights/params";
import { searchSchema } from "@/lib/validation/search";
import { insightsReportSchema } from "../schemas/insights";
import { searchResultsSchema } from "../schemas/people";

const viewer = { kind: "actor", minRole: "viewer" } as const;

export const insightsOperations: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/insights",
    summary: "Learning insights",
    description:
      "Every figure of the Insights page for a range (`range` days, or `from`/`to` organisation days, at most 1,096), filtered by severity, service and team. " +
      "Only incidents you may see count. 429 when a cold report would wait behind four others.",
    tags: ["Insights"],
    auth: viewer,
    query: insightsQuerySchema,
    responses: { 200: { description: "The report.", schema: insightsReportSchema }, 429: { description: "Too many reports being computed; retry shortly." } },
  },
  {
    method: "get",
    path: "/api/v1/insights/incidents.csv",
    summary: "The incidents behind the insights, as CSV",
    description:
      "One row per incident: timestamps and which were reconstructed, durations (s), severity, services, factors, commander, out of hours, postmortem status.",
    tags: ["Insights"],
    auth: viewer,
    query: insightsQuerySchema,
    responses: { 200: { description: "A CSV download.", schema: z.string(), contentType: "text/csv" } },
  },
  {
    method: "get",
    path: "/api/v1/search",
    summary: "Search incidents, services and people",
    description: "The command palette's search as you type; private incidents only for those who may open them.",
    tags: ["Search"],
    auth: viewer,
    query: searchSchema,
    responses: { 200: { description: "Matches of each kind.", schema: searchResultsSchema } },
  },
];
