import { z } from "zod";
import scenarios from "./content/scenarios.json";
import { demoScenario } from "./scenario";

/**
 * The demo's incidents, oldest first (the seed spreads them over the last six months);
 * those with openHoursAgo are still running. Times in steps are minutes after declaration,
 * or, for the third paged through the alerting integration (declaredBy "alert", mostly at
 * night), after the on-call person took command, acknowledgedAfter minutes after the alert
 * declared it; the older ones were acknowledged a little more slowly than the recent ones.
 */
export const DEMO_SCENARIOS = z.array(demoScenario).parse(scenarios);
