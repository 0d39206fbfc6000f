// The admin's first-run checklist on the incident list: what a new installation still lacks.

export type FirstRunCounts = {
  /** Services with at least one SLO. */
  servicesWithSlo: number;
  /** People who can sign in (not disabled). */
  activeUsers: number;
  /** API tokens not revoked. */
  activeTokens: number;
  /** Drill incidents, any state. */
  drills: number;
};

export type FirstRunStepKey = "services" | "people" | "token" | "drill";
export type FirstRunStep = { key: FirstRunStepKey; label: string; hint: string; done: boolean };

/** The four steps, each done once the data shows it (a service with an SLO, a second person, a token, a drill). */
export function firstRunSteps(counts: FirstRunCounts): FirstRunStep[] {
  return [
    { key: "services", label: "Add services and SLOs", hint: "So incidents can name what broke and spend error budget.", done: counts.servicesWithSlo >= 1 },
    { key: "people", label: "Invite people", hint: "Responders run incidents; viewers follow along.", done: counts.activeUsers >= 2 },
    { key: "token", label: "Create an API token", hint: "For alerting, scripts and configuration as code.", done: counts.activeTokens >= 1 },
    { key: "drill", label: "Try a drill incident", hint: "A practice run through the whole flow, left out of every figure.", done: counts.drills >= 1 },
  ];
}

/** Shown to admins until every step is done or someone dismissed it. */
export function showFirstRun({ isAdmin, dismissed, steps }: { isAdmin: boolean; dismissed: boolean; steps: FirstRunStep[] }): boolean {
  return isAdmin && !dismissed && steps.some((step) => !step.done);
}
