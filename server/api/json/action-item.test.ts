import { describe, expect, it } from "vitest";
import { toActionItemJson } from "./action-item";

const T0 = Date.UTC(2026, 2, 1, 9, 30);
const base = {
  id: 7,
  incidentId: 42,
  title: "Alert on queue depth",
  description: "",
  ownerId: 3,
  dueDate: "2026-03-29",
  priority: "P1" as const,
  kind: "detect" as const,
  status: "done" as const,
  trackerUrl: "https://tracker.example.com/OPS-1",
  serviceId: 5,
  version: 2,
  createdById: 3,
  createdAt: T0,
  updatedAt: T0 + 60_000,
  completedAt: T0 + 60_000,
  incidentTitle: "Checkout errors",
  ownerName: "Riley",
  ownerEmail: "riley@example.test",
  serviceSlug: "payments-api",
  serviceName: "Payments API",
  overdue: false,
  daysOverdue: 0,
};

describe("toActionItemJson", () => {
  it("names the incident by reference, owner and service by name, times in ISO", () => {
    expect(toActionItemJson(base)).toEqual({
      id: 7,
      incident: { reference: "INC-42", title: "Checkout errors" },
      title: "Alert on queue depth",
      description: "",
      owner: { id: 3, name: "Riley", email: "riley@example.test" },
      dueDate: "2026-03-29",
      priority: "P1",
      kind: "detect",
      status: "done",
      overdue: false,
      daysOverdue: 0,
      trackerUrl: "https://tracker.example.com/OPS-1",
      service: { id: 5, slug: "payments-api", name: "Payments API" },
      version: 2,
      createdAt: "2026-03-01T09:30:00.000Z",
      updatedAt: "2026-03-01T09:31:00.000Z",
      completedAt: "2026-03-01T09:31:00.000Z",
    });
  });

  it("leaves out what is not set", () => {
    const json = toActionItemJson({
      ...base,
      ownerId: null,
      ownerName: null,
      ownerEmail: null,
      serviceId: null,
      serviceSlug: null,
      serviceName: null,
      completedAt: null,
      trackerUrl: null,
    });
    expect(json).toMatchObject({ owner: null, service: null, completedAt: null, trackerUrl: null });
  });
});
