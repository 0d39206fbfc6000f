import { describe, expect, it } from "vitest";
import {
  actionItemProgress,
  addDays,
  completedOnTime,
  daysBetween,
  daysOverdue,
  defaultDueDate,
  dueLabel,
  formatDueDate,
  isIsoDate,
  isOverdue,
  todayIn,
} from "./action-items";

describe("isIsoDate", () => {
  it("accepts real calendar dates only", () => {
    expect(isIsoDate("2026-02-28")).toBe(true);
    expect(isIsoDate("2028-02-29")).toBe(true);
    expect(isIsoDate("2026-02-29")).toBe(false);
    expect(isIsoDate("2026-02-30")).toBe(false);
    expect(isIsoDate("2026-04-31")).toBe(false);
    expect(isIsoDate("2026-13-01")).toBe(false);
    expect(isIsoDate("2026-1-01")).toBe(false);
    expect(isIsoDate("2026-01-01T00:00:00Z")).toBe(false);
    expect(isIsoDate("")).toBe(false);
  });
});

describe("addDays and daysBetween", () => {
  it("cross month and year ends and leap days", () => {
    expect(addDays("2026-01-31", 1)).toBe("2026-02-01");
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(daysBetween("2026-02-20", "2026-03-02")).toBe(10);
    expect(daysBetween("2026-03-02", "2026-02-20")).toBe(-10);
  });

  it("are not thrown off by daylight saving changes", () => {
    // Europe moves its clocks on 29 March 2026; whole days stay whole.
    expect(daysBetween("2026-03-28", "2026-03-30")).toBe(2);
    expect(addDays("2026-10-24", 2)).toBe("2026-10-26");
  });
});

describe("defaultDueDate", () => {
  it("P1 in 4 weeks, P2 in 8, P3 in 12", () => {
    expect(defaultDueDate("P1", "2026-01-01")).toBe("2026-01-29");
    expect(defaultDueDate("P2", "2026-01-01")).toBe("2026-02-26");
    expect(defaultDueDate("P3", "2026-01-01")).toBe("2026-03-26");
  });

  it("handles month ends, leap years and the year end", () => {
    expect(defaultDueDate("P1", "2026-01-31")).toBe("2026-02-28");
    expect(defaultDueDate("P1", "2028-02-01")).toBe("2028-02-29");
    expect(defaultDueDate("P2", "2026-12-15")).toBe("2027-02-09");
    expect(defaultDueDate("P3", "2026-11-30")).toBe("2027-02-22");
  });
});

describe("isOverdue and daysOverdue", () => {
  const today = "2026-03-01";
  it("the due day itself is not overdue; the day after is", () => {
    expect(isOverdue({ status: "open", dueDate: "2026-03-01" }, today)).toBe(false);
    expect(isOverdue({ status: "open", dueDate: "2026-03-02" }, today)).toBe(false);
    expect(isOverdue({ status: "open", dueDate: "2026-02-28" }, today)).toBe(true);
    expect(isOverdue({ status: "in_progress", dueDate: "2026-02-28" }, today)).toBe(true);
    expect(daysOverdue({ status: "open", dueDate: "2026-02-28" }, today)).toBe(1);
    expect(daysOverdue({ status: "open", dueDate: "2026-01-31" }, today)).toBe(29);
    expect(daysOverdue({ status: "open", dueDate: "2026-03-01" }, today)).toBe(0);
  });

  it("done and won't-do items are never overdue", () => {
    expect(isOverdue({ status: "done", dueDate: "2025-01-01" }, today)).toBe(false);
    expect(isOverdue({ status: "wont_do", dueDate: "2025-01-01" }, today)).toBe(false);
    expect(daysOverdue({ status: "done", dueDate: "2025-01-01" }, today)).toBe(0);
  });

  it("compares across month and year ends", () => {
    expect(isOverdue({ status: "open", dueDate: "2025-12-31" }, "2026-01-01")).toBe(true);
    expect(isOverdue({ status: "open", dueDate: "2026-01-31" }, "2026-01-31")).toBe(false);
    expect(isOverdue({ status: "open", dueDate: "2026-01-31" }, "2026-02-01")).toBe(true);
  });
});

describe("todayIn", () => {
  it("gives the calendar day in the zone", () => {
    const lateEvening = Date.UTC(2026, 0, 31, 23, 30); // 31 Jan 23:30 UTC
    expect(todayIn("UTC", lateEvening)).toBe("2026-01-31");
    expect(todayIn("Europe/Berlin", lateEvening)).toBe("2026-02-01");
    expect(todayIn("America/New_York", Date.UTC(2026, 2, 1, 3, 0))).toBe("2026-02-28");
  });
});

describe("completedOnTime", () => {
  const due = "2026-03-10";
  it("done by the end of the due day (in the zone) is on time", () => {
    expect(completedOnTime({ status: "done", dueDate: due, completedAt: Date.UTC(2026, 2, 10, 23, 59) }, "UTC")).toBe(true);
    expect(completedOnTime({ status: "done", dueDate: due, completedAt: Date.UTC(2026, 2, 1) }, "UTC")).toBe(true);
    expect(completedOnTime({ status: "done", dueDate: due, completedAt: Date.UTC(2026, 2, 11, 0, 1) }, "UTC")).toBe(false);
    // 23:30 UTC on the due day is already the next day in Berlin.
    expect(completedOnTime({ status: "done", dueDate: due, completedAt: Date.UTC(2026, 2, 10, 23, 30) }, "Europe/Berlin")).toBe(false);
  });

  it("does not apply to unfinished, won't-do or undated items", () => {
    expect(completedOnTime({ status: "open", dueDate: due, completedAt: null }, "UTC")).toBeNull();
    expect(completedOnTime({ status: "in_progress", dueDate: due, completedAt: null }, "UTC")).toBeNull();
    expect(completedOnTime({ status: "wont_do", dueDate: due, completedAt: Date.UTC(2026, 2, 1) }, "UTC")).toBeNull();
    expect(completedOnTime({ status: "done", dueDate: due, completedAt: null }, "UTC")).toBeNull();
  });
});

describe("dueLabel and formatDueDate", () => {
  const today = "2026-03-01";
  it("reads as people say it", () => {
    expect(dueLabel({ status: "open", dueDate: "2026-02-28" }, today)).toBe("Overdue by 1 day");
    expect(dueLabel({ status: "open", dueDate: "2026-02-19" }, today)).toBe("Overdue by 10 days");
    expect(dueLabel({ status: "open", dueDate: today }, today)).toBe("Due today");
    expect(dueLabel({ status: "in_progress", dueDate: "2026-03-02" }, today)).toBe("Due tomorrow");
    expect(dueLabel({ status: "open", dueDate: "2026-03-15" }, today)).toBe("Due in 14 days");
    expect(dueLabel({ status: "done", dueDate: "2026-02-01" }, today)).toBeNull();
  });

  it("formats the due day the same for everyone", () => {
    expect(formatDueDate("2026-03-05")).toBe("5 Mar 2026");
    expect(formatDueDate("not a date")).toBe("not a date");
  });
});

describe("actionItemProgress", () => {
  it("counts done items out of those not dropped as won't do", () => {
    expect(actionItemProgress([])).toEqual({ done: 0, total: 0, wontDo: 0 });
    expect(actionItemProgress([{ status: "done" }, { status: "done" }, { status: "open" }, { status: "in_progress" }, { status: "wont_do" }])).toEqual({
      done: 2,
      total: 4,
      wontDo: 1,
    });
  });
});
