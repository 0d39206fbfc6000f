import { alertIntakeRoute } from "@/server/api/integrations/intake-route";

export const dynamic = "force-dynamic";

/** The integration's own endpoint (Authorization: Bearer <integration secret>); see server/api/integrations/intake-route.ts. */
export const POST = alertIntakeRoute("grafana");
