// The shapes of the API's JSON answers as the e2e specs read them: the serializers' own types
// (server/api/json), so the specs and the API cannot drift apart; only the shapes no serializer
// names are written out here.

export type { ActionItemJson } from "@/server/api/json/action-item";
export type { IncidentJson } from "@/server/api/json/incident";
export type { ChecklistItemJson, ChecklistJson, PlaybookJson } from "@/server/api/json/playbook";
export type { PostmortemJson, PostmortemListItemJson } from "@/server/api/json/postmortem";
export type { BudgetJson, LinkedServiceJson, SloJson, SloSpendJson as SpendJson } from "@/server/api/json/service";
import type { TimelineEntryJson as TimelineEntryCoreJson } from "@/server/api/json/incident";
import type { ServiceJson as ServiceCoreJson, SloJson } from "@/server/api/json/service";

export type ErrorJson = { error: { code: string; message: string; fields?: Record<string, string> } };

export type Person = { id: number; name: string; email: string };

/** A timeline entry, with the meta the specs read (the serializer types it `unknown`). */
export type TimelineEntryJson = Omit<TimelineEntryCoreJson, "meta"> & { meta: { field?: string; from?: unknown; to?: unknown } | null };

/** A service in a list, or one service with its SLOs (GET /api/v1/services/{slug}). */
export type ServiceJson = ServiceCoreJson & { slos?: SloJson[] };

/** GET /api/v1/search. */
export type SearchJson = {
  incidents: { reference: string; title: string; severity: string; status: string }[];
  services: { slug: string; name: string }[];
  people: { id: number; name: string; email: string }[];
};
