import { describe, expect, it } from "vitest";
import { deliveryOutcome } from "./delivery-outcome";

const counts = (over: object = {}) => ({ declared: [], attached: [], deduplicated: 0, resolved: 0, recorded: 0, acknowledged: 0, ...over });

describe("delivery outcome", () => {
  it("names the one thing done, or mixed, empty, rejected", () => {
    expect(deliveryOutcome(401, null)).toBe("rejected");
    expect(deliveryOutcome(200, counts())).toBe("empty");
    expect(deliveryOutcome(200, counts({ deduplicated: 3 }))).toBe("deduplicated");
    expect(deliveryOutcome(200, counts({ declared: ["INC-1"], deduplicated: 2 }))).toBe("declared");
    expect(deliveryOutcome(200, counts({ attached: ["INC-1"] }))).toBe("attached");
    expect(deliveryOutcome(200, counts({ resolved: 1 }))).toBe("resolved");
    expect(deliveryOutcome(200, counts({ recorded: 1 }))).toBe("recorded");
    expect(deliveryOutcome(200, counts({ acknowledged: 1 }))).toBe("acknowledged");
    expect(deliveryOutcome(200, counts({ declared: ["INC-1"], resolved: 1 }))).toBe("mixed");
  });
});
