import { describe, expect, it } from "vitest";
import { addBusinessDays } from "../business-days";
import { POSTMORTEM_DUE_BUSINESS_DAYS } from "../postmortem-due";
import { DEADLINE_DAYS_BY_WEEKDAY } from "./deadline";

describe("postmortem deadline table used by the SQL", () => {
  it("matches addBusinessDays for a resolution on every weekday", () => {
    // 22–28 November 2026 is Sunday to Saturday.
    for (let day = 22; day <= 28; day += 1) {
      const resolved = Date.UTC(2026, 10, day, 15, 30);
      const weekday = new Date(resolved).getUTCDay();
      const due = addBusinessDays(resolved, POSTMORTEM_DUE_BUSINESS_DAYS, "UTC");
      expect((due - resolved) / 86_400_000).toBe(DEADLINE_DAYS_BY_WEEKDAY[weekday]);
    }
  });
});
