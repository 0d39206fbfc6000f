import "server-only";
import { eq } from "drizzle-orm";
import { integrations, type Integration } from "../schema";
import type { Reader } from "../types";

/** The integration row, or undefined (the intake endpoint answers 404 without logging). */
export const findIntegrationRow = async (db: Reader, id: number): Promise<Integration | undefined> =>
  (await db.select().from(integrations).where(eq(integrations.id, id)))[0];
